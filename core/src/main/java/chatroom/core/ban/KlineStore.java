package chatroom.core.ban;

import java.util.List;

/**
 * Where K-lines are kept (port; {@code JdbcKlineStore}, {@link InMemoryKlineStore}). Calls block: they run at start or
 * in offloaded work, never on the hub. Failures are {@link chatroom.core.history.HistoryException}s.
 */
public interface KlineStore {
    /** Every K-line that has not expired by {@code now}; expired ones are deleted. */
    List<Kline> load(java.time.Instant now);

    /** Adds or replaces the K-line with this mask. */
    void put(Kline kline);

    void remove(String mask);
}
