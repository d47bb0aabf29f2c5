package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.account.Account;
import chatroom.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both backends keep accounts the same way. */
class AccountStoreTest {
    @TempDir
    Path dir;

    private static void behaves(Database db) {
        JdbcAccountStore accounts = new JdbcAccountStore(db);
        Account a = new Account("小明", "小明", "$2a$12$hash", Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(accounts.find("小明")).isNull();
        assertThat(accounts.create(a)).isTrue();
        assertThat(accounts.find("小明")).isEqualTo(a);
        assertThat(accounts.create(new Account("小明", "小明", "$2a$12$other", Instant.EPOCH)))
                .as("a taken name")
                .isFalse();
        assertThat(accounts.find("小明")).isEqualTo(a);
    }

    @Test
    void sqliteKeepsAccountsAndRefusesATakenName() {
        try (Database db = Database.open(DatabaseUrl.parse(null, dir))) {
            behaves(db);
        }
    }

    @Test
    void postgresKeepsAccountsAndRefusesATakenName() {
        try (Database db = Database.open(DatabaseUrl.parse(TestPostgres.freshSchemaUrl(), dir))) {
            behaves(db);
        }
    }
}
