package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ban.Kline;
import chatroom.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both backends keep K-lines the same way, and forget expired ones. */
class KlineStoreTest {
    @TempDir
    Path dir;

    private static void behaves(Database db) {
        JdbcKlineStore klines = new JdbcKlineStore(db);
        Instant t = Instant.parse("2026-11-23T12:00:00Z");
        Kline forever = new Kline("*!*@192.0.2.7", "spam", "boss", t, null);
        Kline hour = new Kline("$a:小明", "evasion", "boss", t.plusSeconds(1), t.plusSeconds(3600));
        assertThat(klines.load(t)).isEmpty();
        klines.put(forever);
        klines.put(hour);
        assertThat(klines.load(t)).containsExactly(forever, hour);
        Kline changed = new Kline("*!*@192.0.2.7", "flooding", "chief", t.plusSeconds(2), null);
        klines.put(changed);
        assertThat(klines.load(t)).containsExactly(hour, changed);
        assertThat(klines.load(t.plusSeconds(3600)))
                .as("expired ones are dropped")
                .containsExactly(changed);
        klines.remove("*!*@192.0.2.7");
        assertThat(klines.load(t)).isEmpty();
    }

    @Test
    void sqlite() {
        try (Database db = Database.open(DatabaseUrl.parse(null, dir))) {
            behaves(db);
        }
    }

    @Test
    void postgres() {
        try (Database db = Database.open(DatabaseUrl.parse(TestPostgres.freshSchemaUrl(), dir))) {
            behaves(db);
        }
    }
}
