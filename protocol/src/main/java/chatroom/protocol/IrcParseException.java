package chatroom.protocol;

/** A line that is not an IRC message (empty, only a prefix, bad tags). The only exception the parser throws. */
public final class IrcParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public IrcParseException(String message) {
        super(message);
    }
}
