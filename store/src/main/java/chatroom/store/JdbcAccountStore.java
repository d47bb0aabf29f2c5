package chatroom.store;

import chatroom.core.account.Account;
import chatroom.core.account.AccountStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Accounts in the same database as the history (table {@code accounts}, migration V2). */
public final class JdbcAccountStore implements AccountStore {
    private final Database db;

    public JdbcAccountStore(Database db) {
        this.db = db;
    }

    @Override
    public @Nullable Account find(String folded) {
        Optional<Account> found = db.query(
                "account",
                "SELECT name, folded, password_hash, created_ms FROM accounts WHERE folded = ?",
                List.of(folded),
                rs -> rs.next()
                        ? Optional.of(new Account(
                                rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))))
                        : Optional.empty());
        return found.orElse(null);
    }

    @Override
    public boolean create(Account a) {
        // the primary key decides between two people registering the same name at once
        return db.update(
                        "register an account",
                        "INSERT INTO accounts (folded, name, password_hash, created_ms) VALUES (?, ?, ?, ?)"
                                + " ON CONFLICT (folded) DO NOTHING",
                        List.of(
                                a.folded(),
                                a.name(),
                                a.passwordHash(),
                                a.createdAt().toEpochMilli()))
                == 1;
    }
}
