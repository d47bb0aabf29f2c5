package chatroom.core.account;

import org.jspecify.annotations.Nullable;

/**
 * One connection's SASL exchange in progress: the mechanism, the response gathered from 400-byte chunks so far and,
 * for SCRAM, where the exchange stands. Hub-owned.
 */
public final class SaslExchange {
    private final String mechanism;
    private final StringBuilder response = new StringBuilder();
    private @Nullable ScramExchange scram;
    private @Nullable Account account;
    private boolean verified;

    public SaslExchange(String mechanism) {
        this.mechanism = mechanism;
    }

    /** {@code PLAIN}, {@code EXTERNAL} or {@code SCRAM-SHA-256}. */
    public String mechanism() {
        return mechanism;
    }

    /** The chunks of the current response so far. */
    public StringBuilder response() {
        return response;
    }

    /** The SCRAM exchange once the client-first message was answered, else null. */
    public @Nullable ScramExchange scram() {
        return scram;
    }

    /** The account being logged in to, once known. */
    public @Nullable Account account() {
        return account;
    }

    public void scram(ScramExchange exchange, Account a) {
        scram = exchange;
        account = a;
    }

    /** True once the SCRAM proof was right and the server-final message sent: the client's empty answer ends it. */
    public boolean verified() {
        return verified;
    }

    public void verified(boolean v) {
        verified = v;
    }
}
