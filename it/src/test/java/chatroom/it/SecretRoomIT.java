package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A secret (+s) room shows nothing of itself, its members or its messages to someone outside it. */
@Timeout(60)
class SecretRoomIT {
    private static final String CAPS = "batch message-tags server-time draft/chathistory";

    private static RawClient withHistoryCaps(TestServer server, String nick) {
        RawClient c = RawClient.connect(server.irc());
        c.send("CAP REQ :" + CAPS)
                .send("NICK " + nick)
                .send("USER u 0 * :" + nick)
                .send("CAP END");
        c.expect(l -> l.contains(" 376 ") || l.contains(" 422 "));
        return c;
    }

    @Test
    void aSecretRoomIsInvisibleToANonMemberInEveryQueryAndInHistory() {
        try (TestServer server = TestServer.start();
                RawClient alice = withHistoryCaps(server, "s_alice");
                RawClient eve = withHistoryCaps(server, "s_eve")) {
            alice.send("JOIN #hush").expect(" 366 ");
            alice.send("MODE #hush +s").expect(" MODE #hush +s");
            alice.send("TOPIC #hush :hush-topic").expect(" TOPIC ");
            alice.send("PRIVMSG #hush :hush-hush");
            alice.send("PRIVMSG s_eve :hello eve");
            alice.sync();

            List<String> seen = new ArrayList<>(eve.sync());
            assertThat(seen).anyMatch(l -> l.endsWith("PRIVMSG s_eve :hello eve"));
            List<String> list = eve.send("LIST").sync();
            assertThat(list).anyMatch(l -> l.contains(" 323 ")).noneMatch(l -> l.contains("#hush"));
            List<String> names = eve.send("NAMES #hush").sync();
            assertThat(names).anyMatch(l -> l.contains(" 366 ")).noneMatch(l -> l.contains("s_alice"));
            List<String> who = eve.send("WHO #hush").sync();
            assertThat(who).anyMatch(l -> l.contains(" 315 ")).noneMatch(l -> l.contains(" 352 "));
            List<String> whois = eve.send("WHOIS s_alice").sync();
            assertThat(whois).anyMatch(l -> l.contains(" 318 ")).noneMatch(l -> l.contains("#hush"));
            List<String> topic = eve.send("TOPIC #hush").sync();
            assertThat(topic).noneMatch(l -> l.contains("hush-topic"));
            List<String> history = eve.send("CHATHISTORY LATEST #hush * 10").sync();
            assertThat(history).anyMatch(l -> l.contains("FAIL CHATHISTORY INVALID_TARGET"));
            List<String> targets = eve.send(
                            "CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z timestamp=2100-01-01T00:00:00.000Z 50")
                    .sync();
            assertThat(targets).anyMatch(l -> l.contains("CHATHISTORY TARGETS s_alice "));
            assertThat(targets).noneMatch(l -> l.contains("#hush"));
            seen.addAll(list);
            seen.addAll(names);
            seen.addAll(who);
            seen.addAll(whois);
            seen.addAll(topic);
            seen.addAll(history);
            seen.addAll(targets);
            assertThat(seen).noneMatch(l -> l.contains("hush-hush"));
        }
    }
}
