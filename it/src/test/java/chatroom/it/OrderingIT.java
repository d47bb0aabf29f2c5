package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** DESIGN.md rule 1: every member of a room sees the room's messages in one order, whoever sends them. */
@Timeout(60)
class OrderingIT {
    static final int PER_SENDER = 200;

    @Test
    void concurrentSendersAreSeenInTheSameOrderByEveryMember() {
        try (TestServer server = TestServer.start()) {
            List<RawClient> members = new ArrayList<>();
            for (String nick : List.of("s1", "s2", "s3", "quiet")) {
                RawClient c = server.register(nick);
                c.send("CAP REQ echo-message").expect("ACK");
                c.send("JOIN #order").expect(" 366 ");
                members.add(c);
            }
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (RawClient sender : members.subList(0, 3)) {
                senders.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < PER_SENDER; i++) {
                        sender.send("PRIVMSG #order :" + i);
                    }
                }));
            }
            senders.forEach(CompletableFuture::join);
            int total = 3 * PER_SENDER;
            List<List<String>> seen = new ArrayList<>();
            for (RawClient c : members) {
                List<String> lines = new ArrayList<>();
                while (lines.size() < total) {
                    String line = c.expect(l -> l.contains("PRIVMSG #order"));
                    lines.add(line.substring(1, line.indexOf('!')) + ":" + line.substring(line.lastIndexOf(' ') + 1));
                }
                seen.add(lines);
            }
            for (List<String> other : seen.subList(1, seen.size())) {
                assertThat(other).isEqualTo(seen.get(0));
            }
            for (String sender : List.of("s1", "s2", "s3")) {
                List<String> fromSender = seen.get(0).stream()
                        .filter(l -> l.startsWith(sender + ":"))
                        .toList();
                assertThat(fromSender).hasSize(PER_SENDER);
                for (int i = 0; i < PER_SENDER; i++) {
                    assertThat(fromSender.get(i)).isEqualTo(sender + ":" + i);
                }
            }
            members.forEach(RawClient::close);
        }
    }
}
