package chatroom.core;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import java.nio.charset.StandardCharsets;

/**
 * Password hashing with bcrypt (cost 12, {@code $2a$}): slow on purpose, so callers run it through {@link Offload},
 * never on the hub. Hashes are what the config file holds; clear passwords are never stored or logged.
 */
public final class Passwords {
    private static final int COST = 12;

    private Passwords() {}

    /** Passwords over bcrypt's 72 bytes are first hashed with SHA-512 (same for hash and verify), never refused. */
    private static final LongPasswordStrategy LONG = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);

    public static String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2A, LONG).hashToString(COST, password.toCharArray());
    }

    public static boolean verify(String password, String hash) {
        return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG)
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }
}
