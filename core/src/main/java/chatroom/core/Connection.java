package chatroom.core;

/** What core knows of a session's transport: where it comes from and how it speaks. Implemented by transports. */
public interface Connection {
    /** The peer's address as text (IP literal), used as the user's host. */
    String remoteAddress();

    Protocol protocol();

    /** True when the connection is encrypted (TLS). */
    boolean secure();

    enum Protocol {
        IRC,
        PLAIN
    }
}
