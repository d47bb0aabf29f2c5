package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatroom.testkit.RawClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    private ServerProcess server;
    private Process process;
    private Map<String, InetSocketAddress> listening;

    private void start(String... extra) throws IOException {
        server = ServerProcess.start(dataDir, 3, extra);
        process = server.process;
        listening = server.listening;
    }

    @AfterEach
    void kill() {
        if (server != null) {
            server.close();
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
    void theAdminDashboardShowsTheServerLogAndItsStopEndsTheProcess() throws Exception {
        server = ServerProcess.start(dataDir, 4, "--oper", "root:" + chatroom.core.Passwords.hash("cup of tea"));
        process = server.process;
        listening = server.listening;
        String base = "http://127.0.0.1:" + listening.get("http").getPort();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"root\",\"password\":\"cup of tea\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = login.body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
        try (RawClient alice = RawClient.register(listening.get("irc"), "alice")) {
            alice.sync();
            HttpResponse<String> state = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/admin/api/state"))
                            .header("Cookie", cookie)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // the real log: the start line and the login just made
            assertThat(state.body()).contains("chatroom started", "admin root logged in", "\"nick\":\"alice\"");
            HttpResponse<String> stop = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/admin/api/stop"))
                            .header("Content-Type", "application/json")
                            .header("Cookie", cookie)
                            .header("X-Chatroom-CSRF", csrf)
                            .header("Origin", base)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stop.statusCode()).isEqualTo(202);
            assertThat(alice.expect("ERROR")).isEqualTo("ERROR :Server stopped by operator root");
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    @Test
    void theConsoleKicksClosesRoomsAndKlines() throws Exception {
        start();
        try (RawClient alice = RawClient.register(listening.get("irc"), "alice");
                RawClient bob = RawClient.register(listening.get("irc"), "bob")) {
            alice.send("JOIN #a").expect("366");
            bob.send("JOIN #a").expect("366");
            OutputStream stdin = process.getOutputStream();
            stdin.write("kick #a bob too loud\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(bob.expect("KICK")).endsWith("KICK #a bob :too loud");
            stdin.write("close #a closing time\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(alice.expect("KICK #a alice")).endsWith("KICK #a alice :closing time");
            stdin.write("kline bob 5 spam and more\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(bob.expect("465")).endsWith(":You are banned from this server: spam and more");
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
        Files.writeString(conf, "server-name = irc.example.test\nnetwork-name = ExampleNet\nplain-bind = 127.0.0.2\n");
        start("--config", conf.toString(), "--network-name", "FlagNet");
        try (RawClient alice = RawClient.connect(listening.get("irc"))) {
            alice.send("NICK alice").send("USER a 0 * :A");
            assertThat(alice.expect(" 001 ")).startsWith(":irc.example.test 001 alice :Welcome to the FlagNet");
        }
        // the plain-text port listens on its own address, and only there
        InetSocketAddress plain = listening.get("plain");
        assertThat(plain.getAddress().getHostAddress()).isEqualTo("127.0.0.2");
        try (RawClient telnet = RawClient.connect(plain)) {
            telnet.expect("login NAME");
        }
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", plain.getPort()).close())
                .isInstanceOf(java.net.ConnectException.class);
    }
}
