package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code chatroom client NAME} from the packaged jar in a pipe, as a script runs it. */
@Timeout(90)
class ClientProcessIT {
    @TempDir
    Path dataDir;

    @TempDir
    Path home;

    @Test
    void aScriptPipedIntoTheClientIsDeliveredBeforeItQuits() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir, 3);
                RawClient alice = RawClient.register(server.irc(), "alice")) {
            alice.send("JOIN #a").expect(" 366 ");
            String javaBin =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(
                            javaBin,
                            "-jar",
                            Path.of("target", "chatroom.jar").toString(),
                            "client",
                            "bob",
                            "--server",
                            "127.0.0.1:" + server.irc().getPort(),
                            "--lang",
                            "en")
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("out.txt").toFile());
            pb.environment().put("XDG_DATA_HOME", home.toString());
            Process client = pb.start();
            try (OutputStream in = client.getOutputStream()) {
                // typed faster than the client connects: /quit still waits until the server has every line
                in.write("/join #a\nhello 你好\n@alice psst\n/quit bye 再见\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(client.exitValue()).isZero();
            // delivered before the client quit
            assertThat(alice.expect("PRIVMSG #a :hello 你好")).contains(":bob!");
            assertThat(alice.expect("PRIVMSG alice ")).startsWith(":bob!").endsWith("psst");
            assertThat(alice.expect(" QUIT ")).startsWith(":bob!").contains("bye 再见");

            List<String> out = Files.readAllLines(home.resolve("out.txt"), StandardCharsets.UTF_8);
            assertThat(out).anyMatch(l -> l.matches("\\[\\d\\d:\\d\\d] #a bob: hello 你好"));
            assertThat(out).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
            Path transcripts = home.resolve("chatroom").resolve("transcripts");
            assertThat(Files.readString(transcripts.resolve("#a.log"))).contains("bob: hello 你好");
            assertThat(Files.readString(transcripts.resolve("alice.log"))).contains("bob: psst");
        }
    }
}
