package chatroom.core;

import org.jspecify.annotations.Nullable;

/** What core knows of a session's transport: where it comes from and how it speaks. Implemented by transports. */
public interface Connection {
    /** The peer's address as text (IP literal), used as the user's host. */
    String remoteAddress();

    Protocol protocol();

    /** True when the connection is encrypted (TLS). */
    boolean secure();

    /**
     * The SHA-256 fingerprint (lowercase hex) of the TLS client certificate this connection presented, or null: not
     * TLS, or no certificate. SASL EXTERNAL logs in to the account that has it.
     */
    default @Nullable String certificateFingerprint() {
        return null;
    }

    enum Protocol {
        IRC,
        PLAIN
    }
}
