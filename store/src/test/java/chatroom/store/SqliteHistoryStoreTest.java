package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
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

    @Test
    void onlyTheHistoryWriterCommitsWithoutWaitingForTheDiskAndItSyncsTheLogItself() throws IOException {
        store.close();
        Database db = Database.open(DatabaseUrl.parse(null, dir));
        try {
            Database.Rows<Integer> level = rs -> {
                rs.next();
                return rs.getInt(1);
            };
            assertThat(db.query("synchronous", "PRAGMA synchronous", List.of(), level))
                    .isEqualTo(2); // FULL
            int[] writer = {0};
            db.inLogTransaction("read the level", c -> {
                try (var ps = c.prepareStatement("PRAGMA synchronous");
                        var rs = ps.executeQuery()) {
                    writer[0] = level.read(rs);
                }
            });
            assertThat(writer[0]).isEqualTo(1); // NORMAL
            Path wal = dir.resolve("chatroom.db-wal");
            assertThat(wal).exists();
            db.syncLog();
            Files.delete(wal); // as SQLite does once the log is copied into the database file
            db.syncLog();
        } finally {
            db.close();
        }
        store = open();
    }

    @Test
    void whispersStoredBeforeTheLeanSchemaAreStillFoundByEitherPeer() throws SQLException, IOException {
        store.close();
        Path old = dir.resolve("old");
        String jdbc = "jdbc:sqlite:" + Files.createDirectories(old).resolve("chatroom.db");
        Flyway.configure()
                .dataSource(jdbc, null, null)
                .locations("classpath:db/migration/sqlite")
                .target("8")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(jdbc);
                PreparedStatement ps = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            HistoryEvent e = whisper(1, "alice", "bob", "before the upgrade");
            Object[] row = {
                e.seq(),
                e.conversation(),
                e.msgid(),
                e.at().toEpochMilli(),
                e.command(),
                e.sender(),
                e.peerA(),
                e.peerB(),
                e.line()
            };
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
            ps.executeUpdate();
        }
        store = JdbcHistoryStore.open(DatabaseUrl.parse(null, old));
        assertThat(store.export(null, "alice", Instant.EPOCH, 0, 10))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.peerA()).isEqualTo("alice");
                    assertThat(e.peerB()).isEqualTo("bob");
                    assertThat(e.isWhisper()).isTrue();
                });
        assertThat(store.export(null, "bob", Instant.EPOCH, 0, 10)).hasSize(1);
        assertThat(store.export(null, "carol", Instant.EPOCH, 0, 10)).isEmpty();
    }
}
