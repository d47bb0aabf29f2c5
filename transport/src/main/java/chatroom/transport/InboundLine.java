package chatroom.transport;

import chatroom.protocol.IrcMessage;

/** What the line decoder hands the session: a message, or a line the dispatcher answers with a uniform error. */
sealed interface InboundLine {
    record Message(IrcMessage message) implements InboundLine {}

    record InvalidUtf8(String command) implements InboundLine {}

    record ForbiddenCharacters(String command) implements InboundLine {}

    record TooLong() implements InboundLine {}
}
