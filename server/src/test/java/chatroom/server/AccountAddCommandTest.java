package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.Passwords;
import chatroom.store.Database;
import chatroom.store.DatabaseUrl;
import chatroom.store.JdbcAccountStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AccountAddCommandTest {
    @TempDir
    Path dir;

    private final InputStream stdin = System.in;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    private int run(String password, String name) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute("add-account", name, "--data-dir", dir.toString());
    }

    @Test
    void anOperatorAddsAnAccountWithAPasswordFromStandardInput() {
        String longPassword = "bar".repeat(200);
        assertThat(run(longPassword, "老师")).isZero();
        assertThat(out.toString()).contains("Account 老师 created");
        try (Database db = Database.open(DatabaseUrl.parse(null, dir))) {
            var account = new JdbcAccountStore(db).find("老师");
            assertThat(account).isNotNull();
            assertThat(Passwords.verify(longPassword, account.passwordHash())).isTrue();
            assertThat(account.passwordHash()).doesNotContain("bar");
            assertThat(account.scram()).as("SCRAM-SHA-256 works for it at once").isNotNull();
            assertThat(account.scram().iterations()).isEqualTo(4096);
        }
        assertThat(run("other", "老师")).isEqualTo(1);
        assertThat(err.toString()).contains("already exists");
        assertThat(run("x", "bad name")).isEqualTo(2);
    }
}
