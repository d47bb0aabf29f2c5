package chatroom.core.account;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where accounts are kept (port; {@code JdbcAccountStore}, {@link InMemoryAccountStore}). Calls block: they run in
 * offloaded work, never on the hub. Failures are {@link chatroom.core.history.HistoryException}s.
 */
public interface AccountStore {
    @Nullable
    Account find(String folded);

    /** The account whose name looks like a nick with this {@link chatroom.core.Confusables#skeleton}, or null. */
    @Nullable
    Account findLike(String skeleton);

    /** Adds the account; false if the name, or one that looks like it, is taken. */
    boolean create(Account account);

    /** A new password: its bcrypt hash and SCRAM credentials replace the old ones together. False if no account. */
    boolean changePassword(String folded, String passwordHash, @Nullable ScramCredentials scram);

    /**
     * Gives SCRAM credentials to an account that has none, made before SCRAM existed, provided its password is still
     * {@code passwordHash} (a password changed meanwhile keeps its own credentials).
     */
    void addScram(String folded, String passwordHash, ScramCredentials scram);

    /** The account that has the TLS client certificate with this SHA-256 fingerprint (lowercase hex), or null. */
    @Nullable
    Account findByCertificate(String fingerprint);

    /** The certificate fingerprints of an account, in the order they were added. */
    List<String> certificates(String folded);

    /** Adds a certificate fingerprint to an account; false if some account has it already. */
    boolean addCertificate(String folded, String fingerprint, Instant at);

    /** False if the account does not have that fingerprint. */
    boolean removeCertificate(String folded, String fingerprint);
}
