package chatroom.store;

import chatroom.core.Confusables;
import chatroom.core.account.Account;
import chatroom.core.account.AccountStore;
import chatroom.core.account.ScramCredentials;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Accounts in the same database as the history: table {@code accounts} (migration V2; SCRAM credentials since V4, look-alike skeletons since V6)
 * and {@code account_certificates} (V4).
 */
public final class JdbcAccountStore implements AccountStore {
    private static final String COLUMNS = "a.name, a.folded, a.password_hash, a.created_ms, a.scram_salt,"
            + " a.scram_iterations, a.scram_stored_key, a.scram_server_key";

    private final Database db;

    public JdbcAccountStore(Database db) {
        this.db = db;
    }

    @Override
    public @Nullable Account find(String folded) {
        return one("account", "SELECT " + COLUMNS + " FROM accounts a WHERE a.folded = ?", folded);
    }

    @Override
    public @Nullable Account findLike(String skeleton) {
        return one("account", "SELECT " + COLUMNS + " FROM accounts a WHERE a.skeleton = ?", skeleton);
    }

    @Override
    public @Nullable Account findByCertificate(String fingerprint) {
        return one(
                "the account of a certificate",
                "SELECT " + COLUMNS + " FROM accounts a JOIN account_certificates c ON c.folded = a.folded"
                        + " WHERE c.fingerprint = ?",
                fingerprint);
    }

    private @Nullable Account one(String what, String sql, String key) {
        Optional<Account> found =
                db.query(what, sql, List.of(key), rs -> rs.next() ? Optional.of(account(rs)) : Optional.empty());
        return found.orElse(null);
    }

    private static Account account(ResultSet rs) throws SQLException {
        String salt = rs.getString(5);
        ScramCredentials scram =
                salt == null ? null : new ScramCredentials(salt, rs.getInt(6), rs.getString(7), rs.getString(8));
        return new Account(
                rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), scram);
    }

    @Override
    public boolean create(Account a) {
        ScramCredentials s = a.scram();
        String skeleton = Confusables.skeleton(a.name());
        // the primary key decides between two people registering the same name at once; a look-alike is refused
        return db.update(
                        "register an account",
                        "INSERT INTO accounts (folded, name, password_hash, created_ms, scram_salt,"
                                + " scram_iterations, scram_stored_key, scram_server_key, skeleton)"
                                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?"
                                + " WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE skeleton = ?)"
                                + " ON CONFLICT (folded) DO NOTHING",
                        Arrays.asList(
                                a.folded(),
                                a.name(),
                                a.passwordHash(),
                                a.createdAt().toEpochMilli(),
                                s == null ? null : s.salt(),
                                s == null ? null : s.iterations(),
                                s == null ? null : s.storedKey(),
                                s == null ? null : s.serverKey(),
                                skeleton,
                                skeleton))
                == 1;
    }

    @Override
    public boolean changePassword(String folded, String passwordHash, @Nullable ScramCredentials s) {
        return db.update(
                        "change a password",
                        "UPDATE accounts SET password_hash = ?, scram_salt = ?, scram_iterations = ?,"
                                + " scram_stored_key = ?, scram_server_key = ? WHERE folded = ?",
                        Arrays.asList(
                                passwordHash,
                                s == null ? null : s.salt(),
                                s == null ? null : s.iterations(),
                                s == null ? null : s.storedKey(),
                                s == null ? null : s.serverKey(),
                                folded))
                == 1;
    }

    @Override
    public void addScram(String folded, String passwordHash, ScramCredentials s) {
        db.update(
                "add SCRAM credentials",
                "UPDATE accounts SET scram_salt = ?, scram_iterations = ?, scram_stored_key = ?,"
                        + " scram_server_key = ? WHERE folded = ? AND password_hash = ? AND scram_salt IS NULL",
                List.of(s.salt(), s.iterations(), s.storedKey(), s.serverKey(), folded, passwordHash));
    }

    @Override
    public List<String> certificates(String folded) {
        return db.query(
                "certificates",
                "SELECT fingerprint FROM account_certificates WHERE folded = ? ORDER BY added_ms, fingerprint",
                List.of(folded),
                rs -> {
                    List<String> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                    return out;
                });
    }

    @Override
    public boolean addCertificate(String folded, String fingerprint, Instant at) {
        // the primary key keeps a certificate to one account, even when two add it at once
        return db.update(
                        "add a certificate",
                        "INSERT INTO account_certificates (fingerprint, folded, added_ms) VALUES (?, ?, ?)"
                                + " ON CONFLICT (fingerprint) DO NOTHING",
                        List.of(fingerprint, folded, at.toEpochMilli()))
                == 1;
    }

    @Override
    public boolean removeCertificate(String folded, String fingerprint) {
        return db.update(
                        "remove a certificate",
                        "DELETE FROM account_certificates WHERE fingerprint = ? AND folded = ?",
                        List.of(fingerprint, folded))
                == 1;
    }
}
