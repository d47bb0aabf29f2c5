package chatroom.core;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * Password hashing with bcrypt (cost 12, {@code $2a$}): slow on purpose, so callers run it through {@link Offload},
 * never on the hub. Hashes are what the config file holds; clear passwords are never stored or logged.
 */
public final class Passwords {
    private static final int COST = 12;

    private Passwords() {}

    public static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean verify(String password, String hash) {
        return BCrypt.verifyer()
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                .verified;
    }
}
