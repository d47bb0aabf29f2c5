package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteHistoryStoreTest extends HistoryStoreContract {
    @TempDir
    Path dir;

    @Override
    HistoryStore open() {
        return JdbcHistoryStore.open(DatabaseUrl.parse(null, dir));
    }

    @Test
    void theDefaultFileIsInTheDataDirectoryAndSurvivesReopening() {
        store.append(List.of(room(1, "#a", "alice", "PRIVMSG", "kept")));
        store.close();
        assertThat(Files.exists(dir.resolve("chatroom.db"))).isTrue();
        store = open();
        assertThat(store.lastSeq()).isEqualTo(1);
    }
}
