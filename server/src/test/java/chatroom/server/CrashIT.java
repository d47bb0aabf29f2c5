package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.testkit.RawClient;
import chatroom.testkit.TestPostgres;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md rule 2 under {@code kill -9}: several clients send as fast as they can, two receivers record every line
 * they get, the server is killed mid-stream and restarted. Every line a receiver got must be in the history, in the
 * order the receivers saw, once.
 */
@Timeout(180)
class CrashIT {
    private static final Pattern MSG = Pattern.compile("^@\\S*msgid=([^; ]+)\\S* :\\S+ PRIVMSG #crash :?(.*)$");
    private static final int SENDERS = 3;

    @TempDir
    Path dataDir;

    private final List<ServerProcess> servers = new ArrayList<>();
    private final List<RawClient> clients = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    @AfterEach
    void cleanUp() {
        stop.set(true);
        clients.forEach(RawClient::close);
        servers.forEach(ServerProcess::close);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void everyLineAnyoneReceivedIsInHistoryOnceAndInOrderAfterKill9(String backend) throws Exception {
        String[] db = backend.equals("sqlite") ? new String[0] : new String[] {"--db", TestPostgres.freshSchemaUrl()};
        ServerProcess first = start(db);
        List<List<String[]>> received = new ArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RawClient r = join(first.irc(), "recv" + i, "message-tags");
            List<String[]> got = Collections.synchronizedList(new ArrayList<>());
            received.add(got);
            readers.add(Thread.ofPlatform().name("receiver-" + i).start(() -> record(r, got)));
        }
        for (int i = 0; i < SENDERS; i++) {
            RawClient s = join(first.irc(), "send" + i, "");
            int sender = i;
            Thread.ofPlatform().name("sender-" + i).start(() -> flood(s, sender));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> received.get(0).size() >= 1_000);
        first.kill9();
        for (Thread t : readers) {
            t.join(Duration.ofSeconds(30));
        }
        stop.set(true);

        List<String[]> history = readAllHistory(start(db).irc());
        Map<String, String> byMsgid = new LinkedHashMap<>();
        for (String[] h : history) {
            assertThat(byMsgid.put(h[0], h[1]))
                    .as("msgid %s stored twice", h[0])
                    .isNull();
        }
        assertThat(new HashSet<>(byMsgid.values())).as("a line stored twice").hasSize(byMsgid.size());
        for (List<String[]> got : received) {
            List<String> seen = got.stream().map(m -> m[0]).toList();
            assertThat(byMsgid.keySet()).as("every received line is in history").containsAll(seen);
            Set<String> seenSet = new HashSet<>(seen);
            List<String> historyOrder =
                    byMsgid.keySet().stream().filter(seenSet::contains).toList();
            assertThat(historyOrder).as("history keeps the order receivers saw").isEqualTo(seen);
            for (String[] m : got) {
                assertThat(byMsgid.get(m[0])).isEqualTo(m[1]);
            }
        }
        assertThat(received.get(0)).hasSizeGreaterThanOrEqualTo(1_000);
    }

    private ServerProcess start(String[] db) throws Exception {
        List<String> args = new ArrayList<>(List.of("--flood-rate", "0", "--max-connections-per-ip", "0"));
        args.addAll(List.of(db));
        ServerProcess p = ServerProcess.start(dataDir, 3, args.toArray(String[]::new));
        servers.add(p);
        return p;
    }

    private RawClient join(InetSocketAddress irc, String nick, String caps) {
        RawClient c = RawClient.connect(irc).timeout(Duration.ofSeconds(60));
        clients.add(c);
        if (!caps.isEmpty()) {
            c.send("CAP REQ :" + caps);
        }
        c.send("NICK " + nick).send("USER " + nick + " 0 * :" + nick);
        if (!caps.isEmpty()) {
            c.send("CAP END");
        }
        c.expect(" 001 ");
        c.send("JOIN #crash").expect(" 366 ");
        return c;
    }

    /** Numbered lines as fast as the socket takes them, until the server is gone. */
    private void flood(RawClient c, int sender) {
        try {
            for (int n = 0; !stop.get(); n++) {
                c.send("PRIVMSG #crash :s" + sender + "-" + n);
            }
        } catch (RuntimeException gone) {
            // the server was killed
        }
    }

    /** Every PRIVMSG to #crash as [msgid, text], until the connection ends. */
    private static void record(RawClient c, List<String[]> got) {
        try {
            while (true) {
                Matcher m = MSG.matcher(c.expect(l -> l.contains(" PRIVMSG #crash ")));
                if (m.matches()) {
                    got.add(new String[] {m.group(1), m.group(2)});
                }
            }
        } catch (AssertionError closed) {
            // EOF: the server was killed
        }
    }

    /** The whole #crash history as [msgid, text], oldest first, read back with CHATHISTORY AFTER in pages. */
    private List<String[]> readAllHistory(InetSocketAddress irc) {
        RawClient c = join(irc, "reader", "batch message-tags server-time draft/chathistory");
        List<String[]> all = new ArrayList<>();
        String after = "timestamp=2000-01-01T00:00:00.000Z";
        while (true) {
            c.send("CHATHISTORY AFTER #crash " + after + " 1000");
            c.expect(l -> l.contains(" BATCH +") && l.endsWith(" chathistory #crash"));
            int before = all.size();
            while (true) {
                String line = c.expect(l -> l.contains(" PRIVMSG #crash ") || l.contains(" BATCH -"));
                if (line.contains(" BATCH -")) {
                    break;
                }
                Matcher m = MSG.matcher(line.replaceFirst("^@batch=[^; ]+;", "@"));
                assertThat(m.matches()).as(line).isTrue();
                all.add(new String[] {m.group(1), m.group(2)});
            }
            if (all.size() == before) {
                return all;
            }
            after = "msgid=" + all.getLast()[0];
        }
    }
}
