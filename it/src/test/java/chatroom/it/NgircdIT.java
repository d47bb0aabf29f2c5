package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.client.ChatClient;
import chatroom.client.ClientConfig;
import chatroom.client.Member;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client library is an ordinary IRC client: it registers and chats on ngIRCd (no IRCv3 history, no
 * echo-message, no msgids). Skipped when ngircd is not installed, except in CI ({@code CI=true}), where it fails.
 */
@Timeout(60)
class NgircdIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private static Path ngircd() {
        Path found = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/sbin", "/usr/local/sbin"))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "ngircd"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        if (found == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("ngircd is not installed (CI installs the Debian package ngircd)");
            }
            Assumptions.abort("ngircd is not installed");
        }
        return Objects.requireNonNull(found);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process start(Path binary, int port) throws IOException {
        // ngircd started as root drops to an unprivileged user and then writes its PID file here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path conf = dir.resolve("ngircd.conf");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        List.of(
                                "[Global]",
                                "Name = peer.ngircd.test",
                                "Info = chatroom client test",
                                "Listen = 127.0.0.1",
                                "Ports = " + port,
                                "MotdPhrase = hello",
                                "PidFile = " + dir.resolve("ngircd.pid"),
                                "[Limits]",
                                "MaxConnectionsIP = 0",
                                "MaxNickLength = 30",
                                "[Options]",
                                "DNS = no",
                                "Ident = no",
                                "PAM = no",
                                "")));
        return new ProcessBuilder(binary.toString(), "--nodaemon", "--config", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("ngircd.log").toFile())
                .start();
    }

    @Test
    void registersJoinsChatsAndWhispersOnNgircd() throws Exception {
        Path binary = ngircd();
        int port = freePort();
        Process server = start(binary, port);
        try {
            await().atMost(WAIT).until(() -> accepts(port) || !server.isAlive());
            assertThat(server.isAlive())
                    .as("ngircd runs; see its log in the test's temp dir")
                    .isTrue();
            ClientListenerRecorder a = new ClientListenerRecorder();
            ClientListenerRecorder b = new ClientListenerRecorder();
            try (ChatClient alice = ChatClient.connect(ClientConfig.of("127.0.0.1", port, "alice"), a);
                    ChatClient bob = ChatClient.connect(ClientConfig.of("127.0.0.1", port, "bob"), b)) {
                await().atMost(WAIT).until(() -> a.connected.contains("alice") && b.connected.contains("bob"));
                alice.join("#chat");
                await().atMost(WAIT).until(() -> a.memberNicks("#chat").contains("alice"));
                bob.join("#chat");
                await().atMost(WAIT).until(() -> a.memberNicks("#chat").contains("bob"));
                assertThat(a.members.get("#chat")).contains(new Member("alice", "@"));

                alice.send("#chat", "你好 ngircd, hello");
                await().atMost(WAIT).until(() -> b.texts("#chat", "alice").contains("你好 ngircd, hello"));
                // no echo-message on ngircd: the library shows alice her own line itself
                assertThat(a.texts("#chat", "alice")).containsExactly("你好 ngircd, hello");

                bob.send("alice", "悄悄话 whisper");
                await().atMost(WAIT).until(() -> a.texts("bob", "bob").contains("悄悄话 whisper"));
                assertThat(a.errors).isEmpty();
            }
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
