package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.client.ChatClient;
import chatroom.client.ChatMessage;
import chatroom.client.ClientConfig;
import chatroom.client.RoomInfo;
import chatroom.client.UserInfo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client library's commands beyond chatting against the real server: actions, away, LIST, WHO, older history. */
@Timeout(120)
class ClientCommandsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static ChatClient connect(InetSocketAddress at, String nick, ClientListenerRecorder rec) throws Exception {
        return ChatClient.connect(ClientConfig.of("127.0.0.1", at.getPort(), nick), rec);
    }

    @Test
    void actionsAwayListAndWho() throws Exception {
        ClientListenerRecorder a = new ClientListenerRecorder();
        ClientListenerRecorder b = new ClientListenerRecorder();
        try (TestServer server = TestServer.start();
                ChatClient alice = connect(server.irc(), "alice", a);
                ChatClient bob = connect(server.irc(), "bob", b)) {
            await().atMost(WAIT).until(() -> !a.connected.isEmpty() && !b.connected.isEmpty());
            alice.join("#会议");
            await().atMost(WAIT).until(() -> a.memberNicks("#会议").contains("alice"));
            alice.topic("#会议", "周会 weekly");
            bob.join("#会议");
            await().atMost(WAIT).until(() -> a.memberNicks("#会议").contains("bob"));

            alice.action("#会议", "挥手 waves");
            await().atMost(WAIT).until(() -> b.texts("#会议", "alice").contains("挥手 waves"));
            ChatMessage waved = b.messages.stream()
                    .filter(m -> m.text().equals("挥手 waves"))
                    .findFirst()
                    .orElseThrow();
            assertThat(waved.action()).isTrue();
            await().atMost(WAIT)
                    .until(() -> a.messages.stream()
                            .anyMatch(m -> m.action() && m.sender().equals("alice")));

            List<RoomInfo> rooms = bob.listRooms().get(10, TimeUnit.SECONDS);
            assertThat(rooms).contains(new RoomInfo("#会议", 2, "周会 weekly"));

            alice.away("午饭 lunch");
            await().atMost(WAIT).until(() -> a.aways.contains("alice 午饭 lunch"));
            List<UserInfo> who = bob.who("#会议").get(10, TimeUnit.SECONDS);
            assertThat(who).extracting(UserInfo::nick).containsExactlyInAnyOrder("alice", "bob");
            UserInfo al = who.stream()
                    .filter(u -> u.nick().equals("alice"))
                    .findFirst()
                    .orElseThrow();
            assertThat(al.away()).isTrue();
            assertThat(al.prefixes()).isEqualTo("@");
            bob.send("alice", "在吗?");
            await().atMost(WAIT).until(() -> b.aways.contains("alice 午饭 lunch"));
            alice.away(null);
            await().atMost(WAIT).until(() -> a.aways.contains("alice null"));
        }
    }

    @Test
    void olderHistoryOnRequestComesOnceOldestFirst() throws Exception {
        ClientListenerRecorder a = new ClientListenerRecorder();
        ClientListenerRecorder late = new ClientListenerRecorder();
        try (TestServer server = TestServer.start();
                ChatClient alice = connect(server.irc(), "alice", a)) {
            await().atMost(WAIT).until(() -> !a.connected.isEmpty());
            alice.join("#old");
            await().atMost(WAIT).until(() -> a.memberNicks("#old").contains("alice"));
            IntStream.rangeClosed(1, 8).forEach(i -> alice.send("#old", "line " + i));
            await().atMost(WAIT).until(() -> a.texts("#old", "alice").contains("line 8"));
            try (ChatClient carol = connect(server.irc(), "carol", late)) {
                await().atMost(WAIT).until(() -> !late.connected.isEmpty());
                carol.join("#old");
                await().atMost(WAIT).until(() -> late.memberNicks("#old").contains("carol"));
                alice.send("#old", "line 9");
                await().atMost(WAIT).until(() -> late.texts("#old", "alice").contains("line 9"));

                carol.history("#old", 5); // before line 9, the oldest line carol has seen
                await().atMost(WAIT).until(() -> late.history.containsKey("#old"));
                assertThat(late.history.get("#old").get(0))
                        .extracting(ChatMessage::text)
                        .containsExactly("line 4", "line 5", "line 6", "line 7", "line 8");
                carol.history("#old", 5);
                await().atMost(WAIT).until(() -> late.history.get("#old").size() == 2);
                assertThat(late.history.get("#old").get(1))
                        .extracting(ChatMessage::text)
                        .containsExactly("line 1", "line 2", "line 3");
            }
        }
    }

    @Test
    void aFallbackNickTakesTheWantedNickBackWhenItFreesUp() throws Exception {
        ClientListenerRecorder first = new ClientListenerRecorder();
        ClientListenerRecorder second = new ClientListenerRecorder();
        try (TestServer server = TestServer.start()) {
            ChatClient one = connect(server.irc(), "dup", first);
            await().atMost(WAIT).until(() -> first.connected.contains("dup"));
            one.join("#r");
            await().atMost(WAIT).until(() -> first.memberNicks("#r").contains("dup"));
            try (ChatClient two = connect(server.irc(), "dup", second)) {
                await().atMost(WAIT).until(() -> second.connected.contains("dup_"));
                two.join("#r"); // sharing a room, it sees the holder's QUIT
                await().atMost(WAIT).until(() -> second.memberNicks("#r").contains("dup"));
                one.close();
                await().atMost(WAIT).until(() -> second.nicks.contains("dup_ dup"));
                assertThat(two.view().get(10, TimeUnit.SECONDS).nick()).isEqualTo("dup");
            }
        }
    }
}
