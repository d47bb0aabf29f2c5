package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.testkit.RawClient;
import chatroom.transport.TransportConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md rule 5: every kind of bad input gets a clear error or a clean disconnect with a reason, and two
 * bystanders in a room keep chatting throughout.
 */
@Timeout(60)
class BadInputIT {

    /** Runs {@code attack} against a server with two bystanders in #calm, then checks they still talk. */
    private static void withBystanders(TestServer server, Runnable attack) {
        try (RawClient a = server.register("calm_a");
                RawClient b = server.register("calm_b")) {
            a.send("JOIN #calm").expect(" 366 ");
            b.send("JOIN #calm").expect(" 366 ");
            attack.run();
            a.send("PRIVMSG #calm :still here");
            assertThat(b.expect("still here")).endsWith("PRIVMSG #calm :still here");
        }
    }

    @Test
    void binaryGarbageGetsErrorsNotACrash() {
        try (TestServer server = TestServer.start()) {
            withBystanders(server, () -> {
                try (RawClient bad = server.register("garbage")) {
                    byte[] junk = new byte[4096];
                    new Random(42).nextBytes(junk);
                    bad.sendBytes(junk).sendBytes("\r\n".getBytes(StandardCharsets.UTF_8));
                    List<String> seen = bad.sync();
                    assertThat(seen).isNotEmpty().allMatch(l -> l.contains("FAIL") || l.contains(" 4"));
                }
            });
        }
    }

    @Test
    void invalidUtf8IsRejectedAndTheConnectionStays() {
        try (TestServer server = TestServer.start();
                RawClient bad = server.register("badutf")) {
            bad.sendBytes(
                    new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', 'x', ' ', ':', (byte) 0xC3, 0x28, '\r', '\n'});
            assertThat(bad.expect("FAIL")).endsWith("FAIL PRIVMSG INVALID_UTF8 :Message rejected: it is not UTF-8");
            assertThat(bad.sync()).isEmpty();
        }
    }

    @Test
    void anOverlongLineGets417AndTheConnectionStaysUsable() {
        try (TestServer server = TestServer.start()) {
            withBystanders(server, () -> {
                try (RawClient bad = server.register("longline")) {
                    bad.send("PRIVMSG #calm :" + "x".repeat(600));
                    assertThat(bad.expect(" 417 ")).endsWith(":Input line was too long");
                    bad.send("PRIVMSG #calm :" + "y".repeat(100_000));
                    bad.expect(" 417 ");
                    assertThat(bad.sync()).isEmpty();
                }
            });
        }
    }

    @Test
    void nulAndBareCarriageReturnAreRefused() {
        try (TestServer server = TestServer.start();
                RawClient bad = server.register("nul")) {
            bad.sendBytes("PRIVMSG nul :a\u0000b\r\n".getBytes(StandardCharsets.UTF_8));
            assertThat(bad.expect(" 400 ")).contains("NUL or a bare CR");
            bad.sendBytes("PRIVMSG nul :a\rb\n".getBytes(StandardCharsets.UTF_8));
            assertThat(bad.expect(" 400 ")).contains("NUL or a bare CR");
            assertThat(bad.sync()).isEmpty();
        }
    }

    @Test
    void commandsBeforeRegistrationGet451AndUnknownCommands421() {
        try (TestServer server = TestServer.start();
                RawClient c = RawClient.connect(server.irc())) {
            c.send("JOIN #x");
            assertThat(c.expect(" 451 ")).endsWith("451 * :You have not registered");
            c.send("FROBNICATE now");
            assertThat(c.expect(" 421 ")).endsWith("421 * FROBNICATE :Unknown command");
            c.send("NICK early").send("USER e 0 * :E").expect(" 001 ");
            c.send("JOIN");
            assertThat(c.expect(" 461 ")).endsWith("461 early JOIN :Not enough parameters");
        }
    }

    @Test
    void anHttpRequestOnTheIrcPortIsToldAndClosed() {
        try (TestServer server = TestServer.start()) {
            withBystanders(server, () -> {
                try (RawClient c = RawClient.connect(server.irc())) {
                    c.send("GET / HTTP/1.1").send("Host: localhost");
                    assertThat(c.readUntilClosed()).contains("ERROR :This is not an HTTP server");
                }
            });
        }
    }

    @Test
    void aTlsClientHelloOnPlainTextPortsIsToldAndClosed() {
        byte[] hello = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};
        try (TestServer server = TestServer.start()) {
            withBystanders(server, () -> {
                for (var port : List.of(server.irc(), server.plain())) {
                    try (RawClient c = RawClient.connect(port)) {
                        c.sendBytes(hello);
                        assertThat(c.readUntilClosed()).anyMatch(l -> l.contains("does not speak TLS"));
                    }
                }
            });
        }
    }

    @Test
    void aFlooderIsSlowedThenDisconnectedAndOthersCarryOn() {
        try (TestServer server = TestServer.start(c -> c.withFlood(5, 1.0), t -> t)) {
            withBystanders(server, () -> {
                try (RawClient flooder = server.register("flooder")) {
                    flooder.send("JOIN #calm");
                    StringBuilder burst = new StringBuilder();
                    for (int i = 0; i < 100; i++) {
                        burst.append("PRIVMSG #calm :flood ").append(i).append("\r\n");
                    }
                    flooder.sendBytes(burst.toString().getBytes(StandardCharsets.UTF_8));
                    assertThat(flooder.readUntilClosed()).contains("ERROR :Excess Flood");
                }
            });
        }
    }

    @Test
    void aClientThatNeverReadsIsCutOffWithSendQExceeded() throws IOException {
        try (TestServer server = TestServer.start(c -> c, t -> withSendQueue(t, 64 * 1024));
                RawClient talker = server.register("talker")) {
            talker.send("JOIN #big").expect(" 366 ");
            try (Socket slow = new Socket()) {
                slow.setReceiveBufferSize(4096);
                slow.connect(server.irc());
                OutputStream out = slow.getOutputStream();
                out.write("NICK slow\r\nUSER s 0 * :S\r\nJOIN #big\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                talker.expect("JOIN #big");
                String big = "z".repeat(480);
                String quit = null;
                for (int i = 0; i < 40_000 && quit == null; i++) {
                    talker.send("PRIVMSG #big :" + big);
                    if (i % 100 == 99) {
                        quit = talker.sync().stream()
                                .filter(l -> l.contains("QUIT"))
                                .findFirst()
                                .orElse(null);
                    }
                }
                if (quit == null) {
                    // the deliveries wait for the store's commits and may trail the talker by many lines: all of
                    // them (19 MB) are far beyond any send queue and socket buffer, so the QUIT must follow
                    quit = talker.expect(l -> l.contains("QUIT"));
                }
                assertThat(quit).contains("slow!").endsWith("QUIT :SendQ exceeded");
            }
        }
    }

    @Test
    void aSilentClientIsPingedThenTimedOut() {
        try (TestServer server =
                        TestServer.start(c -> c, t -> t.withPing(Duration.ofMillis(200), Duration.ofMillis(300)));
                RawClient silent = server.register("silent")) {
            silent.expect("PING");
            assertThat(silent.readUntilClosed()).anyMatch(l -> l.startsWith("ERROR :Ping timeout"));
        }
    }

    @Test
    void aClientThatAnswersPingsStays() {
        try (TestServer server =
                        TestServer.start(c -> c, t -> t.withPing(Duration.ofMillis(200), Duration.ofMillis(300)));
                RawClient alive = server.register("alive")) {
            for (int i = 0; i < 3; i++) {
                String ping = alive.expect(l -> l.startsWith("PING"));
                alive.send("PONG " + ping.substring(5));
            }
            assertThat(alive.sync()).noneMatch(l -> l.startsWith("ERROR"));
        }
    }

    @Test
    void silentClientsAreTimedOutOneByOneWhileTheOneThatAnswersStays() {
        try (TestServer server =
                        TestServer.start(c -> c, t -> t.withPing(Duration.ofMillis(200), Duration.ofMillis(300)));
                RawClient first = server.register("first");
                RawClient alive = server.register("alive");
                RawClient last = server.register("last")) {
            // all three share the event loop's list of connections; the silent ones leave it from both sides of
            // the one that stays
            for (int i = 0; i < 3; i++) {
                String ping = alive.expect(l -> l.startsWith("PING"));
                alive.send("PONG " + ping.substring(5));
            }
            assertThat(first.readUntilClosed()).anyMatch(l -> l.startsWith("ERROR :Ping timeout"));
            assertThat(last.readUntilClosed()).anyMatch(l -> l.startsWith("ERROR :Ping timeout"));
            for (int i = 0; i < 2; i++) {
                String ping = alive.expect(l -> l.startsWith("PING"));
                alive.send("PONG " + ping.substring(5));
            }
            assertThat(alive.sync()).noneMatch(l -> l.startsWith("ERROR"));
        }
    }

    @Test
    void tooManyConnectionsFromOneAddressAreRefused() {
        try (TestServer server = TestServer.start(c -> c, t -> withMaxPerIp(t, 3));
                RawClient one = server.register("one");
                RawClient two = server.register("two");
                RawClient three = server.register("three");
                RawClient four = RawClient.connect(server.irc())) {
            assertThat(four.readUntilClosed()).anyMatch(l -> l.startsWith("ERROR :Too many connections"));
            one.send("PRIVMSG two :fine");
            two.expect("fine");
            three.send("QUIT").readUntilClosed();
            // the count drops once the server has closed three's channel, which may trail the client's EOF; a refused
            // try fails on the ERROR line or on its send (broken pipe)
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
                try (RawClient five = RawClient.connect(server.irc())) {
                    five.send("NICK five").send("USER u 0 * :Five");
                    assertThat(five.expect(l -> l.contains(" 001 ") || l.startsWith("ERROR")))
                            .contains(" 001 ");
                }
            });
        }
    }

    @Test
    void aRefusedClientThatSendsAtOnceStillReadsTheReason() throws IOException {
        // the server must not close with the client's lines unread: that sends a reset, which can destroy the ERROR
        byte[] eager =
                ("NICK eager\r\nUSER u 0 * :Eager\r\n" + "PING :now\r\n".repeat(500)).getBytes(StandardCharsets.UTF_8);
        try (TestServer server = TestServer.start(c -> c, t -> withMaxPerIp(t, 1));
                RawClient one = server.register("one")) {
            for (int i = 0; i < 20; i++) {
                try (Socket s =
                        new Socket(server.irc().getAddress(), server.irc().getPort())) {
                    s.getOutputStream().write(eager);
                    String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(answer).startsWith("ERROR :Too many connections");
                }
            }
            assertThat(one.sync()).isEmpty();
        }
    }

    @Test
    void anAddressThatConnectsTooFastIsRefusedWithAReason() {
        try (TestServer server = TestServer.start(c -> c, t -> t.withConnectionLimits(0, 3))) {
            for (int i = 0; i < 3; i++) {
                try (RawClient ok = server.register("fast" + i)) {
                    ok.send("QUIT").readUntilClosed();
                }
            }
            try (RawClient fourth = RawClient.connect(server.irc())) {
                assertThat(fourth.readUntilClosed())
                        .anyMatch(
                                l -> l.startsWith("ERROR :Connecting too fast from your address (at most 3 a minute)"));
            }
        }
    }

    @Test
    void aConnectionThatNeverRegistersIsClosedWithAReason() {
        try (TestServer server = TestServer.start(c -> c, t -> t.withRegistrationTimeout(Duration.ofMillis(500)));
                RawClient registered = server.register("patient");
                RawClient lingering = RawClient.connect(server.irc());
                RawClient telnet = RawClient.connect(server.plain())) {
            lingering.send("CAP LS 302");
            assertThat(lingering.readUntilClosed()).contains("ERROR :Registration timed out");
            assertThat(telnet.readUntilClosed()).anyMatch(l -> l.contains("Registration timed out"));
            assertThat(registered.sync()).isNotNull();
        }
    }

    private static TransportConfig withSendQueue(TransportConfig t, int bytes) {
        return new TransportConfig(
                t.maxLineBytes(),
                bytes,
                t.pingInterval(),
                t.pingTimeout(),
                t.maxConnectionsPerIp(),
                t.connectsPerIpPerMinute(),
                t.registrationTimeout());
    }

    private static TransportConfig withMaxPerIp(TransportConfig t, int max) {
        return t.withConnectionLimits(max, 0);
    }
}
