package chatroom.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRoomStoreTest extends RoomStoreContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.open(DatabaseUrl.parse(null, dir));
    }
}
