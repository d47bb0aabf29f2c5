package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import chatroom.transport.TransportConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DESIGN.md rule 5 under load: while an IRC user and a telnet user chat in #lobby, 500 connections from 127.0.0.1
 * send garbage, HTTP, TLS handshakes, endless partial lines, overlong lines and invalid UTF-8; one client floods and
 * one never reads. The two users get every line of each other in order, every abuser gets its error or is closed,
 * and the server's heap does not keep what the abuse cost.
 */
@Timeout(60)
class AbuseIT {
    private static final int ABUSERS = 500;
    private static final int AT_ONCE = 150;
    private static final int LINES = 200;
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(2);
    private static final long HEAP_GROWTH_LIMIT = 32L << 20;
    private static final byte[] TLS_CLIENT_HELLO = {
        0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03
    };

    /** Kinds of abuse, in turn; each knows what it sends and what the server must answer. */
    private enum Kind {
        GARBAGE,
        HTTP,
        TLS,
        SLOWLORIS_IRC,
        SLOWLORIS_TELNET,
        OVERLONG,
        INVALID_UTF8
    }

    @Test
    void twoUsersChatUndisturbedWhileFiveHundredConnectionsAbuseTheServer() throws Exception {
        try (TestServer server = TestServer.start(c -> c.withFlood(100, 100.0), AbuseIT::limits);
                RawClient irc = server.register("ircuser");
                RawClient telnet = server.plainLogin("telnet1");
                RawClient flooder = server.register("flooder");
                Socket nonReader = new Socket();
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            irc.send("JOIN #lobby").expect(" 366 ");
            telnet.expect("Welcome, telnet1");
            telnet.expect("In lobby:");
            flooder.send("JOIN #flood").expect(" 366 ");
            joinWithoutReading(nonReader, server.irc());
            flooder.expect("nonreader!");
            long heapBefore = usedHeapAfterGc();

            CountDownLatch abuseUnderWay = new CountDownLatch(AT_ONCE);
            List<Future<?>> abuse = new ArrayList<>();
            Semaphore slots = new Semaphore(AT_ONCE);
            for (int i = 0; i < ABUSERS; i++) {
                Kind kind = Kind.values()[i % Kind.values().length];
                int seed = i;
                slots.acquire();
                abuse.add(pool.submit(() -> {
                    try {
                        abuse(server, kind, seed, abuseUnderWay);
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
                if (i == AT_ONCE - 1) {
                    // the users start chatting once the abuse is in full swing, and chat while it goes on
                    abuseUnderWay.await();
                    abuse.add(pool.submit(() -> chat(irc, telnet)));
                    abuse.add(pool.submit(() -> flood(flooder)));
                    abuse.add(pool.submit(() -> pumpUntilSendQueueExceeded(server)));
                }
            }
            for (Future<?> f : abuse) {
                get(f);
            }
            assertThat(usedHeapAfterGc() - heapBefore)
                    .as("heap growth in bytes")
                    .isLessThan(HEAP_GROWTH_LIMIT);
        }
    }

    /**
     * Test limits: no per-address caps (everything comes from 127.0.0.1), a short registration timeout so endless
     * partial lines are closed within the test, and a small send queue.
     */
    private static TransportConfig limits(TransportConfig t) {
        return new TransportConfig(
                        t.maxLineBytes(),
                        32 * 1024,
                        t.pingInterval(),
                        t.pingTimeout(),
                        t.maxConnectionsPerIp(),
                        t.connectsPerIpPerMinute(),
                        t.registrationTimeout())
                .withConnectionLimits(0, 0)
                .withRegistrationTimeout(REGISTRATION_TIMEOUT);
    }

    /** Each sends 200 lines while reading the other's 200: all arrive, in the order sent. */
    private static Void chat(RawClient irc, RawClient telnet) throws Exception {
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> fromIrc = senders.submit(() -> {
                for (int n = 0; n < LINES; n++) {
                    irc.send("PRIVMSG #lobby :i2p " + n);
                }
            });
            Future<?> fromTelnet = senders.submit(() -> {
                for (int n = 0; n < LINES; n++) {
                    telnet.send("say p2i " + n);
                }
            });
            for (int n = 0; n < LINES; n++) {
                assertThat(irc.expect(l -> l.contains(" PRIVMSG #lobby :p2i ")))
                        .startsWith(":telnet1!")
                        .endsWith(" PRIVMSG #lobby :p2i " + n);
                assertThat(telnet.expect(l -> l.contains("] [lobby] ircuser: i2p ")))
                        .endsWith("] [lobby] ircuser: i2p " + n);
            }
            get(fromIrc);
            get(fromTelnet);
        }
        return null;
    }

    /** Thousands of lines in one write: fake lag passes the limit and the flooder is cut off with a reason. */
    private static Void flood(RawClient flooder) {
        StringBuilder burst = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            burst.append("PRIVMSG #flood :f").append(i).append("\r\n");
        }
        try {
            flooder.sendBytes(burst.toString().getBytes(StandardCharsets.UTF_8));
        } catch (UncheckedIOException closedWhileWriting) {
            // the server may close before it has read everything
        }
        assertThat(flooder.readUntilClosed()).contains("ERROR :Excess Flood");
        return null;
    }

    /** Registers and joins #flood on a socket with a small receive buffer that is never read. */
    private static void joinWithoutReading(Socket socket, InetSocketAddress address) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(address, 5_000);
        OutputStream out = socket.getOutputStream();
        out.write("NICK nonreader\r\nUSER n 0 * :N\r\nJOIN #flood\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Three members of #flood talk there in long lines, in steps of 20 lines and a PING (so flood control only slows
     * them), until they see the non-reader leave with "SendQ exceeded".
     */
    private static Void pumpUntilSendQueueExceeded(TestServer server) throws Exception {
        AtomicBoolean cutOff = new AtomicBoolean();
        String text = "z".repeat(450);
        try (ExecutorService pumps = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                String nick = "pump" + p;
                running.add(pumps.submit(() -> {
                    try (RawClient pump = server.register(nick)) {
                        pump.send("JOIN #flood").expect(" 366 ");
                        for (int i = 0; i < 1000 && !cutOff.get(); i++) {
                            for (int k = 0; k < 20; k++) {
                                pump.send("PRIVMSG #flood :" + text);
                            }
                            if (pump.sync().stream()
                                    .anyMatch(l -> l.startsWith(":nonreader!") && l.endsWith("QUIT :SendQ exceeded"))) {
                                cutOff.set(true);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                get(f);
            }
        }
        assertThat(cutOff)
                .as("the non-reader was disconnected with SendQ exceeded")
                .isTrue();
        return null;
    }

    private static void abuse(TestServer server, Kind kind, int seed, CountDownLatch underWay) {
        InetSocketAddress port = kind == Kind.TLS || kind == Kind.SLOWLORIS_TELNET ? server.plain() : server.irc();
        try (RawClient c = RawClient.connect(port)) {
            c.sendBytes(payload(kind, seed));
            underWay.countDown();
            List<String> seen = c.readUntilClosed();
            String context = kind + " #" + seed + " got " + seen;
            switch (kind) {
                case GARBAGE -> {
                    // garbage with telnet commands in it gets telnet's answers (IAC, verb, option) before a line
                    List<String> lines = seen.stream()
                            .map(l -> l.replaceAll("^(\uFFFD\uFFFD[\\s\\S])+", ""))
                            .filter(l -> !l.isEmpty())
                            .toList();
                    assertThat(lines).as(context).isNotEmpty().allMatch(AbuseIT::isError);
                    assertThat(lines.getLast()).as(context).isEqualTo("ERROR :Registration timed out");
                }
                case HTTP -> assertThat(seen).as(context).containsExactly("ERROR :This is not an HTTP server");
                case TLS ->
                    assertThat(seen)
                            .as(context)
                            .anyMatch(l -> l.endsWith("This port does not speak TLS; use the TLS port"));
                case SLOWLORIS_IRC -> assertThat(seen).as(context).containsExactly("ERROR :Registration timed out");
                case SLOWLORIS_TELNET ->
                    assertThat(seen.getLast()).as(context).endsWith("! Disconnected: Registration timed out");
                case OVERLONG ->
                    assertThat(seen)
                            .as(context)
                            .containsExactly(
                                    ":chatroom.local 417 * :Input line was too long", "ERROR :Registration timed out");
                case INVALID_UTF8 ->
                    assertThat(seen)
                            .as(context)
                            .containsExactly(
                                    ":chatroom.local FAIL PRIVMSG INVALID_UTF8 :Message rejected: it is not UTF-8",
                                    "ERROR :Registration timed out");
            }
        }
    }

    private static byte[] payload(Kind kind, int seed) {
        return switch (kind) {
            case GARBAGE -> {
                byte[] junk = new byte[2048];
                new Random(seed).nextBytes(junk);
                junk[0] = 'X'; // not a TLS record: that is its own kind
                junk[junk.length - 1] = '\n';
                yield junk;
            }
            case HTTP -> ascii("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            case TLS -> TLS_CLIENT_HELLO;
            case SLOWLORIS_IRC -> ascii("NICK slow" + seed);
            case SLOWLORIS_TELNET -> ascii("login slow" + seed);
            case OVERLONG -> ascii("PRIVMSG #lobby :" + "x".repeat(20_000) + "\r\n");
            case INVALID_UTF8 ->
                new byte[] {'P', 'R', 'I', 'V', 'M', 'S', 'G', ' ', 'x', ' ', ':', (byte) 0xC3, 0x28, '\r', '\n'};
        };
    }

    /** An error reply of any kind: {@code FAIL}, a 4xx numeric or {@code ERROR}. */
    private static boolean isError(String line) {
        return line.startsWith("ERROR :") || line.matches(":chatroom\\.local (FAIL|4\\d\\d) .*");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void get(Future<?> f) throws InterruptedException {
        try {
            f.get(50, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }
}
