package chatroom.core.account;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A registered name. {@code folded} is the name under the server's case mapping (the key); {@code passwordHash} is a
 * bcrypt hash ({@link chatroom.core.Passwords}) and {@code scram} what SCRAM-SHA-256 logins are checked against
 * (null for an account made before SCRAM, until its owner next logs in with the password); the clear password is
 * never kept or logged.
 */
public record Account(
        String name,
        String folded,
        String passwordHash,
        Instant createdAt,
        @Nullable ScramCredentials scram) {
    /** Without SCRAM credentials. */
    public Account(String name, String folded, String passwordHash, Instant createdAt) {
        this(name, folded, passwordHash, createdAt, null);
    }
}
