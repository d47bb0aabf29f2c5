package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.Passwords;
import chatroom.core.ServerConfig;
import chatroom.testkit.RawClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's K-line over real sockets: it disconnects, refuses, survives a restart and can be lifted. */
class KlineIT {
    @TempDir
    Path dataDir;

    private static final String HASH = Passwords.hash("s3cret");

    private TestServer start() {
        return TestServer.startIn(dataDir, null, c -> c.withOpers(List.of(new ServerConfig.Oper("admin", HASH))));
    }

    @Test
    void aKlineKeepsAUserOutAcrossNicksAndRestartsUntilLifted() {
        try (TestServer server = start();
                RawClient boss = server.register("boss");
                RawClient troll = RawClient.connect(server.irc())) {
            troll.send("NICK troll").send("USER troll 0 * :T").expect(" 376 ");
            boss.send("OPER admin s3cret").expect(" 381 ");
            boss.send("KLINE *!troll@* :flooding the lesson");
            assertThat(boss.expect("K-line")).endsWith("K-line on *!troll@* added (flooding the lesson), permanent");
            assertThat(troll.expect(" 465 ")).endsWith(":You are banned from this server: flooding the lesson");
            assertThat(troll.readUntilClosed()).anyMatch(l -> l.startsWith("ERROR :") && l.contains("K-Lined"));
        }
        try (TestServer server = start()) {
            try (RawClient again = RawClient.connect(server.irc())) {
                again.send("NICK someone_else").send("USER troll 0 * :T");
                assertThat(again.expect(" 465 ")).contains("flooding the lesson");
                assertThat(again.readUntilClosed()).anyMatch(l -> l.startsWith("ERROR :"));
            }
            try (RawClient boss = server.register("boss")) {
                boss.send("OPER admin s3cret").expect(" 381 ");
                boss.send("STATS k");
                assertThat(boss.expect(" 216 ")).contains(" K *!troll@* 0 boss :flooding the lesson");
                boss.send("UNKLINE *!troll@*");
                assertThat(boss.expect("K-line")).endsWith("K-line on *!troll@* removed");
            }
        }
        try (TestServer server = start();
                RawClient back = server.register("troll")) {
            back.send("PING :ok").expect("PONG");
        }
    }
}
