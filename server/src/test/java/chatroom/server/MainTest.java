package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void serverHelpListsEveryOptionWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("server", "--help")).isZero();
        assertThat(out.toString())
                .contains("--bind", "--irc-port", "--plain-port", "--http-port", "--data-dir", "--config")
                .contains("--flood-burst", "--sendq-bytes", "--ping-timeout", "--max-connections-per-ip")
                .contains("Default: 6667", "Default: 6666", "Default: 8080", "Default: ./data");
    }

    @Test
    void clientHelpListsItsOptions() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("client", "--help")).isZero();
        assertThat(out.toString())
                .contains("NAME", "--server", "--tls", "--insecure", "--password-file", "--log-dir", "--no-log")
                .contains("--lang", "default: 127.0.0.1");
    }

    @Test
    void floodMaxLagIsAnOptionWithItsDefault() throws java.io.IOException {
        ServerCommand defaults = new ServerCommand();
        new CommandLine(defaults).parseArgs();
        assertThat(defaults.chatConfig().floodMaxLagSeconds()).isEqualTo(10);
        ServerCommand set = new ServerCommand();
        new CommandLine(set).parseArgs("--flood-max-lag", "3");
        assertThat(set.chatConfig().floodMaxLagSeconds()).isEqualTo(3);
    }

    @Test
    void versionIsPrinted() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("--version")).isZero();
        assertThat(out.toString()).startsWith("chatroom ");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("server", "--no-such-flag")).isEqualTo(2);
    }

    @Test
    void missingConfigFileIsReported() {
        assertThat(Main.run("server", "--config", "/nonexistent/chatroom.properties"))
                .isEqualTo(2);
    }
}
