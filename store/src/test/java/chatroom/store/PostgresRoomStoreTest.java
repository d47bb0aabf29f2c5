package chatroom.store;

import chatroom.testkit.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class PostgresRoomStoreTest extends RoomStoreContract {
    @TempDir
    Path dir;

    @Override
    Database open() {
        return Database.open(DatabaseUrl.parse(TestPostgres.freshSchemaUrl(), dir));
    }
}
