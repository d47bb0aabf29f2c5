package chatroom.protocol.plain;

import chatroom.protocol.IrcMessage;

/** What a typed line turns into. */
public sealed interface PlainAction {
    /** A command for the server core, exactly as an IRC client would send it. */
    record Send(IrcMessage message) implements PlainAction {}

    /** A line answered locally (help, usage), written straight back. */
    record Reply(String line) implements PlainAction {}

    /** The connection should end with this reason (e.g. an HTTP request on the telnet port). */
    record Close(String reason) implements PlainAction {}
}
