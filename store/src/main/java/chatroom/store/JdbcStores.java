package chatroom.store;

import chatroom.core.Stores;
import chatroom.core.history.HistoryLog;
import java.nio.file.Path;

/** Every store kept in one database, with {@code history} writing to it. */
public final class JdbcStores {
    private JdbcStores() {}

    /** With shared files under {@code files} (content-addressed) and their metadata in {@code db}. */
    public static Stores in(Database db, HistoryLog history, Path files) {
        return new Stores(
                history,
                new JdbcAccountStore(db),
                new JdbcKlineStore(db),
                new RoomWriter(new JdbcRoomStore(db)),
                new JdbcUploadStore(db, files));
    }
}
