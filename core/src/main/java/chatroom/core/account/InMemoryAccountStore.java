package chatroom.core.account;

import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Accounts in a map: for unit tests of the core. Thread-safe. */
public final class InMemoryAccountStore implements AccountStore {
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public @Nullable Account find(String folded) {
        return accounts.get(folded);
    }

    @Override
    public boolean create(Account account) {
        return accounts.putIfAbsent(account.folded(), account) == null;
    }
}
