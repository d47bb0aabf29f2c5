package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.core.history.History;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryQuery;
import chatroom.core.history.HistoryStore;
import chatroom.testkit.RawClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ARCHITECTURE.md "Back-pressure": a store that falls behind stops the server from reading the senders, so the lines
 * waiting for it stay bounded (and the server's memory with them), and once it catches up every line is delivered.
 */
@Timeout(120)
class HistoryBackPressureIT {
    private static final int LINES = History.BACKLOG_LIMIT + 30_000;
    /** What a held connection may still add: the lines it had at the hub (64 at most, ReadPause.HIGH). */
    private static final int SLACK = 64;

    /** A store whose appends wait while it is shut. */
    private static final class SlowStore implements HistoryStore {
        private final HistoryStore store;
        private volatile CountDownLatch open = new CountDownLatch(0);

        SlowStore(HistoryStore store) {
            this.store = store;
        }

        void shut() {
            open = new CountDownLatch(1);
        }

        void open() {
            open.countDown();
        }

        @Override
        public long lastSeq() {
            return store.lastSeq();
        }

        @Override
        public void append(List<HistoryEvent> events) {
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.append(events);
        }

        @Override
        public void sync() {
            store.sync();
        }

        @Override
        public List<HistoryEvent> read(HistoryQuery query) {
            return store.read(query);
        }

        @Override
        public HistoryEvent find(String conversation, String msgid) {
            return store.find(conversation, msgid);
        }

        @Override
        public List<HistoryEvent> latestPerConversation(
                Collection<String> rooms, String nick, Instant whispersSince, Instant from, Instant to, int limit) {
            return store.latestPerConversation(rooms, nick, whispersSince, from, to, limit);
        }

        @Override
        public List<HistoryEvent> export(String room, String whispersOf, Instant since, long afterSeq, int limit) {
            return store.export(room, whispersOf, since, afterSeq, limit);
        }

        @Override
        public int prune(Instant cutoff, int keepPerConversation) {
            return store.prune(cutoff, keepPerConversation);
        }

        @Override
        public void close() {
            store.close();
        }
    }

    @Test
    void aStoreThatFallsBehindStopsTheReadingAndLosesNothing() throws Exception {
        SlowStore[] slow = new SlowStore[1];
        try (TestServer server = TestServer.startWithStore(s -> slow[0] = new SlowStore(s));
                RawClient alice = server.register("alice");
                RawClient bob = server.register("bob")) {
            alice.send("JOIN #flood").expect(" 366 ");
            bob.send("JOIN #flood").expect(" 366 ");
            byte[] flood = lines("PRIVMSG #flood :line ");
            floodWhileShut(server, slow[0], () -> alice.sendBytes(flood));
            expectEveryLineInOrder(bob, "#flood");
            alice.send("PRIVMSG #flood :after the flood");
            assertThat(bob.expect("after the flood")).endsWith("PRIVMSG #flood :after the flood");
        }
    }

    @Test
    void aTelnetSenderIsHeldAsTightly() throws Exception {
        SlowStore[] slow = new SlowStore[1];
        try (TestServer server = TestServer.startWithStore(s -> slow[0] = new SlowStore(s));
                RawClient alice = server.plainLogin("alice");
                RawClient bob = server.register("bob")) {
            alice.expect("* you joined lobby");
            bob.send("JOIN #lobby").expect(" 366 ");
            byte[] flood = lines("line "); // a line of text is said in the room you are in
            floodWhileShut(server, slow[0], () -> alice.sendBytes(flood));
            expectEveryLineInOrder(bob, "#lobby");
        }
    }

    @Test
    void aWebSocketSenderIsHeldAsTightly() throws Exception {
        SlowStore[] slow = new SlowStore[1];
        try (TestServer server = TestServer.startWithStore(s -> slow[0] = new SlowStore(s));
                RawClient bob = server.register("bob")) {
            WebSocketIT.WsClient alice =
                    WebSocketIT.WsClient.connect(server.http()).register("alice");
            alice.send("JOIN #flood").expect(" 366 ");
            bob.send("JOIN #flood").expect(" 366 ");
            floodWhileShut(server, slow[0], () -> {
                for (int i = 0; i < LINES; i++) {
                    alice.send("PRIVMSG #flood :line " + i); // a frame each
                }
            });
            expectEveryLineInOrder(bob, "#flood");
            alice.ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    @Test
    void aHeldConnectionIsNotTimedOutForTheSilenceItWasHeldIn() throws Exception {
        SlowStore[] slow = new SlowStore[1];
        Duration ping = Duration.ofSeconds(2);
        try (TestServer server = TestServer.startWithStore(s -> slow[0] = new SlowStore(s), ping, ping);
                RawClient alice = server.register("alice")) {
            alice.send("JOIN #flood").expect(" 366 ");
            byte[] flood = lines("PRIVMSG #flood :line ");
            slow[0].shut();
            CompletableFuture<Void> sent;
            try {
                sent = CompletableFuture.runAsync(() -> alice.sendBytes(flood));
                await().atMost(Duration.ofSeconds(30)).until(() -> backlog(server) >= History.BACKLOG_LIMIT);
                // unanswered, a PING goes out 2 s into the hold and "Ping timeout" follows 2 s later
                await().during(Duration.ofSeconds(6))
                        .atMost(Duration.ofSeconds(8))
                        .until(() -> !alice.isClosedByServer());
            } finally {
                slow[0].open();
            }
            sent.get();
            assertThat(alice.timeout(Duration.ofSeconds(60)).sync())
                    .as("read again once released, and answered")
                    .noneMatch(l -> l.startsWith("ERROR"));
        }
    }

    /**
     * Shuts the store, runs {@code send} (which sends {@link #LINES} lines) and checks that once the backlog reaches
     * the limit only what was already read comes in, however much is still to be sent (without the hold all 50,000
     * lines are in within a second); then opens the store and waits for {@code send} to finish.
     */
    private static void floodWhileShut(TestServer server, SlowStore slow, Runnable send) throws Exception {
        slow.shut();
        CompletableFuture<Void> sent;
        try {
            sent = CompletableFuture.runAsync(send);
            await().atMost(Duration.ofSeconds(30)).until(() -> backlog(server) >= History.BACKLOG_LIMIT);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> backlog(server) <= History.BACKLOG_LIMIT + SLACK);
        } finally {
            slow.open(); // also when the test fails, so that the server can stop
        }
        sent.get();
    }

    /** {@code prefix} and a number, {@link #LINES} times, each line ending in CR LF. */
    private static byte[] lines(String prefix) {
        StringBuilder flood = new StringBuilder();
        for (int i = 0; i < LINES; i++) {
            flood.append(prefix).append(i).append("\r\n");
        }
        return flood.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void expectEveryLineInOrder(RawClient reader, String room) {
        int[] next = {0};
        reader.timeout(Duration.ofSeconds(60)).expect(l -> {
            if (l.contains(" PRIVMSG " + room + " :line ")) {
                assertThat(l).endsWith(" PRIVMSG " + room + " :line " + next[0]);
                next[0]++;
            }
            return next[0] == LINES;
        });
    }

    private static long backlog(TestServer server) throws InterruptedException, ExecutionException {
        return server.server.onHub(s -> s.history().backlog()).get();
    }
}
