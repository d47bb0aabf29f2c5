package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.Confusables;
import chatroom.core.account.Account;
import chatroom.core.account.ScramCredentials;
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
        scramCredentialsAndCertificates(accounts, a);
        lookAlikes(accounts);
    }

    /** Names that only look different are one name (V6 skeletons). */
    private static void lookAlikes(JdbcAccountStore accounts) {
        Instant t = Instant.parse("2026-11-23T12:00:00Z");
        assertThat(accounts.create(new Account("evan", "evan", "$2a$12$hash", t)))
                .isTrue();
        assertThat(accounts.findLike(Confusables.skeleton("\u0435van")))
                .extracting(Account::name)
                .isEqualTo("evan");
        assertThat(accounts.create(new Account("\u0435van", "\u0435van", "$2a$12$hash", t)))
                .as("Cyrillic е looks like e")
                .isFalse();
        assertThat(accounts.find("\u0435van")).isNull();
        assertThat(accounts.findLike(Confusables.skeleton("ivan"))).isNull();
    }

    /** SCRAM credentials (V4) arrive with a password and change with it; certificates belong to one account. */
    private static void scramCredentialsAndCertificates(JdbcAccountStore accounts, Account old) {
        ScramCredentials first = ScramCredentials.derive("sesame123");
        accounts.addScram(old.folded(), "$2a$12$not-the-hash", first);
        assertThat(accounts.find(old.folded()).scram())
                .as("only for the current password")
                .isNull();
        accounts.addScram(old.folded(), old.passwordHash(), first);
        assertThat(accounts.find(old.folded()).scram()).isEqualTo(first);
        ScramCredentials second = ScramCredentials.derive("another123");
        accounts.addScram(old.folded(), old.passwordHash(), second);
        assertThat(accounts.find(old.folded()).scram())
                .as("never replaced by addScram")
                .isEqualTo(first);

        assertThat(accounts.changePassword(old.folded(), "$2a$12$new", second)).isTrue();
        assertThat(accounts.find(old.folded()))
                .isEqualTo(new Account(old.name(), old.folded(), "$2a$12$new", old.createdAt(), second));
        assertThat(accounts.changePassword("nobody", "$2a$12$new", second)).isFalse();

        Account bob = new Account("bob", "bob", "$2a$12$bob", Instant.EPOCH, first);
        assertThat(accounts.create(bob)).isTrue();
        assertThat(accounts.find("bob")).isEqualTo(bob);

        String fp1 = "ab".repeat(32);
        String fp2 = "cd".repeat(32);
        assertThat(accounts.findByCertificate(fp1)).isNull();
        assertThat(accounts.addCertificate(old.folded(), fp2, Instant.ofEpochMilli(2)))
                .isTrue();
        assertThat(accounts.addCertificate(old.folded(), fp1, Instant.ofEpochMilli(1)))
                .isTrue();
        assertThat(accounts.addCertificate("bob", fp1, Instant.ofEpochMilli(3)))
                .as("taken")
                .isFalse();
        assertThat(accounts.certificates(old.folded())).containsExactly(fp1, fp2);
        assertThat(accounts.certificates("bob")).isEmpty();
        assertThat(accounts.findByCertificate(fp1)).isEqualTo(accounts.find(old.folded()));
        assertThat(accounts.removeCertificate("bob", fp1)).as("not bob's").isFalse();
        assertThat(accounts.removeCertificate(old.folded(), fp1)).isTrue();
        assertThat(accounts.findByCertificate(fp1)).isNull();
        assertThat(accounts.certificates(old.folded())).containsExactly(fp2);
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
