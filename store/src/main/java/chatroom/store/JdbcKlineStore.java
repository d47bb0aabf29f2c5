package chatroom.store;

import chatroom.core.ban.Kline;
import chatroom.core.ban.KlineStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** K-lines in the same database as the history (table {@code klines}, migration V5). */
public final class JdbcKlineStore implements KlineStore {
    private final Database db;

    public JdbcKlineStore(Database db) {
        this.db = db;
    }

    @Override
    public List<Kline> load(Instant now) {
        long ms = now.toEpochMilli();
        db.update("drop expired K-lines", "DELETE FROM klines WHERE expires_ms > 0 AND expires_ms <= ?", List.of(ms));
        return db.query(
                "K-lines",
                "SELECT mask, reason, set_by, set_ms, expires_ms FROM klines ORDER BY set_ms",
                List.of(),
                rs -> {
                    List<Kline> out = new ArrayList<>();
                    while (rs.next()) {
                        long expires = rs.getLong(5);
                        out.add(new Kline(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)),
                                expires == 0 ? null : Instant.ofEpochMilli(expires)));
                    }
                    return out;
                });
    }

    @Override
    public void put(Kline k) {
        db.update(
                "save a K-line",
                "INSERT INTO klines (mask, reason, set_by, set_ms, expires_ms) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (mask) DO UPDATE SET reason = excluded.reason, set_by = excluded.set_by,"
                        + " set_ms = excluded.set_ms, expires_ms = excluded.expires_ms",
                List.of(
                        k.mask(),
                        k.reason(),
                        k.setBy(),
                        k.setAt().toEpochMilli(),
                        k.expiresAt() == null ? 0L : k.expiresAt().toEpochMilli()));
    }

    @Override
    public void remove(String mask) {
        db.update("remove a K-line", "DELETE FROM klines WHERE mask = ?", List.of(mask));
    }
}
