package chatroom.protocol;

/** Wire limits from the specs (modern.ircdocs.horse "Message format", IRCv3 message-tags). */
public final class Limits {
    /** Bytes of a line without tags, CR LF included (RFC 1459 §2.3). */
    public static final int LINE_BYTES = 512;
    /** Bytes a client may send as tags, '@' and the trailing space included (IRCv3 message-tags). */
    public static final int CLIENT_TAG_BYTES = 4096;
    /** What the framer accepts before answering 417: tags plus a line. */
    public static final int MAX_FRAME_BYTES = CLIENT_TAG_BYTES + LINE_BYTES;

    private Limits() {}
}
