package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ChatIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void roomMessageReachesEveryMemberButNotOutsiders() {
        try (RawClient alice = server.register("alice1");
                RawClient bob = server.register("bob1");
                RawClient carol = server.register("carol1")) {
            alice.send("JOIN #room1").expect(" 366 ");
            bob.send("JOIN #room1").expect(" 366 ");
            alice.expect("JOIN #room1");
            alice.send("PRIVMSG #room1 :hello 你好");
            assertThat(bob.expect("PRIVMSG #room1")).endsWith(":alice1!u@127.0.0.1 PRIVMSG #room1 :hello 你好");
            assertThat(carol.sync()).noneMatch(l -> l.contains("PRIVMSG"));
        }
    }

    @Test
    void whisperToSeveralReachesOnlyThem() {
        try (RawClient alice = server.register("alice2");
                RawClient bob = server.register("bob2");
                RawClient carol = server.register("carol2");
                RawClient dave = server.register("dave2")) {
            alice.send("PRIVMSG bob2,carol2 :secret");
            assertThat(bob.expect("PRIVMSG")).endsWith("PRIVMSG bob2 secret");
            assertThat(carol.expect("PRIVMSG")).endsWith("PRIVMSG carol2 secret");
            List<String> daveSaw = dave.sync();
            assertThat(daveSaw).noneMatch(l -> l.contains("secret"));
        }
    }
}
