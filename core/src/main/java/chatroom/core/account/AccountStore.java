package chatroom.core.account;

import org.jspecify.annotations.Nullable;

/**
 * Where accounts are kept (port; {@code JdbcAccountStore}, {@link InMemoryAccountStore}). Calls block: they run in
 * offloaded work, never on the hub. Failures are {@link chatroom.core.history.HistoryException}s.
 */
public interface AccountStore {
    @Nullable
    Account find(String folded);

    /** Adds the account; false if the name is taken. */
    boolean create(Account account);
}
