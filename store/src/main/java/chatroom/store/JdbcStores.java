package chatroom.store;

import chatroom.core.Stores;
import chatroom.core.history.HistoryLog;

/** Every store kept in one database, with {@code history} writing to it. */
public final class JdbcStores {
    private JdbcStores() {}

    public static Stores in(Database db, HistoryLog history) {
        return new Stores(
                history, new JdbcAccountStore(db), new JdbcKlineStore(db), new RoomWriter(new JdbcRoomStore(db)));
    }
}
