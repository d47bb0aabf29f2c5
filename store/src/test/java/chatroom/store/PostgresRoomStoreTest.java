package chatroom.store;

import chatroom.testkit.TestPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class PostgresRoomStoreTest extends RoomStoreContract {
    @TempDir
    Path dir;

    private String url;

    @Override
    Database open() {
        if (url == null) {
            url = TestPostgres.freshSchemaUrl();
        }
        return Database.open(DatabaseUrl.parse(url, dir));
    }
}
