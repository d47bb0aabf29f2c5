package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a user runs it: ports printed on stdout, {@code stop} on the console, SIGTERM, closed stdin. */
@Timeout(60)
class ServerProcessIT {
    @TempDir
    Path dataDir;

    private Process process;
    private final Map<String, InetSocketAddress> listening = new HashMap<>();

    private void start(String... extra) throws IOException {
        Path jar = Path.of("target", "chatroom.jar");
        assertThat(jar).exists();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var cmd = new ArrayList<>(List.of(
                javaBin,
                "-jar",
                jar.toString(),
                "server",
                "--bind",
                "127.0.0.1",
                "--irc-port",
                "0",
                "--plain-port",
                "0",
                "--irc-tls-port",
                "0",
                "--data-dir",
                dataDir.toString()));
        cmd.addAll(List.of(extra));
        process = new ProcessBuilder(cmd)
                .redirectError(dataDir.resolve("stderr.txt").toFile())
                .start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        while (listening.size() < 3) {
            String line = out.readLine();
            assertThat(line).as("server stdout ended before it listened").isNotNull();
            if (line.startsWith("listening ")) {
                String[] parts = line.split(" ");
                String[] hostPort = parts[2].split(":");
                listening.put(parts[1], new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])));
            }
        }
        CompletableFuture.runAsync(() -> out.lines().forEach(l -> {}));
    }

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void stopOnTheConsoleTellsUsersWhyAndExitsZero() throws Exception {
        start();
        try (RawClient alice = RawClient.register(listening.get("irc"), "alice")) {
            OutputStream stdin = process.getOutputStream();
            stdin.write("users\nstop\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(alice.expect("ERROR")).isEqualTo("ERROR :Server shutting down");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    @Test
    void endOfConsoleInputKeepsTheServerRunning() throws Exception {
        start();
        process.getOutputStream().close();
        try (RawClient alice = RawClient.register(listening.get("irc"), "alice")) {
            assertThat(alice.sync()).isNotNull();
            assertThat(process.isAlive()).isTrue();
        }
    }

    @Test
    void sigtermTellsUsersAndStops() throws Exception {
        start();
        try (RawClient alice = RawClient.register(listening.get("irc"), "alice")) {
            process.destroy(); // SIGTERM
            assertThat(alice.expect("ERROR")).isEqualTo("ERROR :Server shutting down");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void logsConnectsLoginsAndDisconnectsToAFileUnderTheDataDir() throws Exception {
        start();
        try (RawClient alice = RawClient.register(listening.get("irc"), "alice")) {
            alice.send("QUIT :bye").readUntilClosed();
        }
        process.getOutputStream().write("stop\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dataDir.resolve("logs").resolve("chatroom.log"));
        assertThat(log)
                .contains("connect IRC from 127.0.0.1")
                .contains("login alice")
                .contains("(1 online)");
        assertThat(log).contains("logout alice: Quit: bye (0 online)");
    }

    @Test
    void tlsWorksWithOpensslAndTheSelfSignedCertificateSurvivesARestart() throws Exception {
        start();
        InetSocketAddress tls = listening.get("irc-tls");
        assertThat(opensslRegisters(tls)).anyMatch(l -> l.contains(" 001 tlsuser "));
        String firstCert = Files.readString(dataDir.resolve("tls").resolve("self-signed-cert.pem"));
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        listening.clear();
        start();
        assertThat(Files.readString(dataDir.resolve("tls").resolve("self-signed-cert.pem")))
                .isEqualTo(firstCert);
        assertThat(opensslRegisters(listening.get("irc-tls"))).anyMatch(l -> l.contains(" 001 tlsuser "));
    }

    /** A real TLS client: openssl s_client registers and quits; returns what it printed. */
    private static List<String> opensslRegisters(InetSocketAddress tls) throws Exception {
        Process client = new ProcessBuilder(
                        "openssl", "s_client", "-quiet", "-connect", "127.0.0.1:" + tls.getPort(), "-tls1_3")
                .redirectErrorStream(true)
                .start();
        client.getOutputStream()
                .write("NICK tlsuser\r\nUSER t 0 * :T\r\nQUIT :done\r\n".getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
        assertThat(client.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    @Test
    void theConfigFileSuppliesDefaultsAndFlagsWin() throws Exception {
        Path conf = dataDir.resolve("chatroom.properties");
        Files.writeString(conf, "server-name = irc.example.test\nnetwork-name = ExampleNet\n");
        start("--config", conf.toString(), "--network-name", "FlagNet");
        try (RawClient alice = RawClient.connect(listening.get("irc"))) {
            alice.send("NICK alice").send("USER a 0 * :A");
            assertThat(alice.expect(" 001 ")).startsWith(":irc.example.test 001 alice :Welcome to the FlagNet");
        }
    }
}
