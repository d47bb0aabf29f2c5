package chatroom.core.account;

import com.ongres.scram.common.ScramFunctions;
import com.ongres.scram.common.ScramMechanism;
import com.ongres.scram.common.StringPreparation;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * What the server keeps to check SCRAM-SHA-256 logins (RFC 5802 §3, RFC 7677): a salt, the PBKDF2 iteration count,
 * StoredKey and ServerKey, the binary values in base64. They are derived from the password whenever it is set; the
 * password itself is never kept, and neither key lets anyone log in without it.
 */
public record ScramCredentials(String salt, int iterations, String storedKey, String serverKey) {
    /** RFC 7677 §4: at least 4096. */
    public static final int ITERATIONS = 4096;

    static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_256;
    /**
     * SASLprep (RFC 4013) as RFC 5802 asks; a password SASLprep refuses (e.g. with control characters) is used as it
     * is, as PostgreSQL does, rather than being unusable for SCRAM. Clients send such passwords as they are too.
     */
    static final StringPreparation PREPARATION = StringPreparation.POSTGRESQL_PREPARATION;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;

    /**
     * Fresh credentials (a new random salt) for {@code password}, or null for the empty password, which SCRAM cannot
     * carry. PBKDF2 with 4096 rounds takes milliseconds: call it from offloaded work, never on the hub.
     */
    public static @Nullable ScramCredentials derive(String password) {
        if (password.isEmpty()) {
            return null;
        }
        byte[] salt = ScramFunctions.salt(SALT_BYTES, RANDOM);
        byte[] salted = ScramFunctions.saltedPassword(MECHANISM, PREPARATION, password.toCharArray(), salt, ITERATIONS);
        byte[] clientKey = ScramFunctions.clientKey(MECHANISM, salted);
        Base64.Encoder b64 = Base64.getEncoder();
        return new ScramCredentials(
                b64.encodeToString(salt),
                ITERATIONS,
                b64.encodeToString(ScramFunctions.storedKey(MECHANISM, clientKey)),
                b64.encodeToString(ScramFunctions.serverKey(MECHANISM, salted)));
    }
}
