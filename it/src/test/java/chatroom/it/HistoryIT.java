package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.store.DatabaseUrl;
import chatroom.testkit.RawClient;
import chatroom.testkit.TestPostgres;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** History end to end: telnet replay, CHATHISTORY across a restart, and the store failing and coming back. */
@Timeout(60)
class HistoryIT {
    private static final String CAPS = "batch message-tags server-time echo-message draft/chathistory";

    @TempDir
    Path dataDir;

    private static RawClient ircWithHistory(InetSocketAddress irc, String nick) {
        RawClient c = RawClient.connect(irc);
        c.send("CAP REQ :" + CAPS)
                .send("NICK " + nick)
                .send("USER " + nick + " 0 * :" + nick)
                .send("CAP END");
        c.expect(" 001 ");
        return c;
    }

    @Test
    void aTelnetUserSeesTheRoomsLastLinesOnJoiningMarkedAsHistoryAndCanAskForMore() {
        try (TestServer server = TestServer.start(c -> c.withHistoryReplayLines(2), t -> t);
                RawClient alice = server.register("h_alice")) {
            alice.send("JOIN #lobby").expect(" 366 ");
            alice.send("PRIVMSG #lobby :one").send("PRIVMSG #lobby :two").send("PRIVMSG #lobby :三");
            alice.sync();
            try (RawClient bob = RawClient.connect(server.plain())) {
                bob.send("login h_bob");
                bob.expect("* you joined lobby");
                assertThat(bob.expect("History of lobby")).endsWith("* History of lobby:");
                assertThat(bob.expect("(history)")).endsWith("(history) [lobby] h_alice: two");
                assertThat(bob.expect("(history)")).endsWith("(history) [lobby] h_alice: 三");
                assertThat(bob.expect("End of history")).endsWith("* End of history of lobby (2 lines)");
                bob.send("history lobby 3");
                bob.expect("History of lobby");
                assertThat(bob.expect("(history)")).endsWith("(history) [lobby] h_alice: one");
                bob.expect("(history) [lobby] h_alice: two");
                bob.expect("(history) [lobby] h_alice: 三");
                assertThat(bob.expect("End of history")).endsWith("(3 lines)");
                alice.send("PRIVMSG h_bob :just between us");
                bob.expect("just between us");
                bob.send("history h_alice");
                assertThat(bob.expect("(history)")).endsWith("(history) h_alice -> you: just between us");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void historyAndMessageIdsSurviveARestart(String backend) {
        String db = backend.equals("sqlite") ? null : TestPostgres.freshSchemaUrl();
        String said;
        try (TestServer first = TestServer.startIn(dataDir, db);
                RawClient alice = ircWithHistory(first.irc(), "r_alice")) {
            alice.send("JOIN #keep").expect(" 366 ");
            said = alice.send("PRIVMSG #keep :before the restart 重启前").expect("PRIVMSG #keep");
        }
        try (TestServer second = TestServer.startIn(dataDir, db);
                RawClient alice = ircWithHistory(second.irc(), "r_alice")) {
            alice.send("JOIN #keep").expect(" 366 ");
            String now = alice.send("PRIVMSG #keep :after").expect("PRIVMSG #keep");
            alice.send("CHATHISTORY LATEST #keep * 10");
            alice.expect(" BATCH +");
            String replayed = alice.expect("PRIVMSG #keep");
            assertThat(withoutBatchTag(replayed)).isEqualTo(said);
            assertThat(withoutBatchTag(alice.expect("PRIVMSG #keep"))).isEqualTo(now);
            assertThat(msgid(now)).isNotEqualTo(msgid(said));
        }
    }

    @Test
    void whileSqliteIsLockedSendersAreToldNothingIsDeliveredAndItRecovers() throws Exception {
        try (TestServer server = TestServer.startIn(dataDir, null)) {
            Path db = dataDir.resolve("chatroom.db");
            assertThat(db).exists();
            try (Connection lock = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                checkStoreFailure(server, () -> exec(lock, "BEGIN EXCLUSIVE"), () -> exec(lock, "ROLLBACK"));
            }
        }
    }

    @Test
    void whenPostgresRefusesWritesSendersAreToldNothingIsDeliveredAndItRecovers() throws Exception {
        String url = TestPostgres.freshSchemaUrl();
        DatabaseUrl u = DatabaseUrl.parse(url, dataDir);
        try (TestServer server = TestServer.startIn(dataDir, url);
                Connection admin = DriverManager.getConnection(u.jdbcUrl(), u.user(), u.password())) {
            String table = u.schema() + ".events";
            checkStoreFailure(
                    server,
                    () -> exec(admin, "REVOKE INSERT ON " + table + " FROM CURRENT_USER"),
                    () -> exec(admin, "GRANT INSERT ON " + table + " TO CURRENT_USER"));
        }
    }

    private void checkStoreFailure(TestServer server, SqlStep breakIt, SqlStep repair) throws Exception {
        try (RawClient alice = server.register("f_alice");
                RawClient bob = server.register("f_bob")) {
            alice.timeout(Duration.ofSeconds(20));
            alice.send("JOIN #f").expect(" 366 ");
            bob.send("JOIN #f").expect(" 366 ");
            alice.sync();
            breakIt.run();
            alice.send("PRIVMSG #f :lost");
            assertThat(alice.expect("FAIL"))
                    .startsWith(":chatroom.local FAIL PRIVMSG TEMPORARILY_UNAVAILABLE #f :Your message was not"
                            + " delivered");
            assertThat(bob.sync()).noneMatch(l -> l.contains("lost"));
            repair.run();
            alice.send("PRIVMSG #f :back");
            assertThat(bob.expect("PRIVMSG #f")).endsWith("PRIVMSG #f back");
            bob.send("CAP REQ :batch draft/chathistory").expect(" ACK ");
            List<String> history = bob.send("CHATHISTORY LATEST #f * 10").sync();
            assertThat(history).anyMatch(l -> l.endsWith("PRIVMSG #f back"));
            assertThat(history).noneMatch(l -> l.contains("lost"));
        }
    }

    @FunctionalInterface
    private interface SqlStep {
        void run() throws Exception;
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String withoutBatchTag(String line) {
        return line.replaceFirst("batch=[^; ]+;?", "").replace("@ ", "").replaceFirst(";(?= )", "");
    }

    private static String msgid(String line) {
        return line.replaceFirst("^.*msgid=([^; ]+).*$", "$1");
    }
}
