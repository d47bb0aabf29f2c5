package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.client.ChatClient;
import chatroom.client.ChatMessage;
import chatroom.client.ClientConfig;
import chatroom.client.ClientView;
import chatroom.client.Member;
import chatroom.core.ServerConfig;
import chatroom.testkit.RawClient;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client library against the real server: chat, whispers, SASL, TLS, and reconnecting with gap-fill. */
@Timeout(120)
class ClientIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private static ChatClient connect(InetSocketAddress at, String nick, ClientListenerRecorder rec) throws Exception {
        return ChatClient.connect(ClientConfig.of("127.0.0.1", at.getPort(), nick), rec);
    }

    @Test
    void twoClientsChatInARoomAndWhisperInChineseAndEnglish() throws Exception {
        ClientListenerRecorder a = new ClientListenerRecorder();
        ClientListenerRecorder b = new ClientListenerRecorder();
        try (TestServer server = TestServer.start();
                ChatClient alice = connect(server.irc(), "alice", a);
                ChatClient bob = connect(server.irc(), "小明", b)) {
            await().atMost(WAIT).until(() -> !a.connected.isEmpty() && !b.connected.isEmpty());
            alice.join("#课堂"); // first in: alice creates the room and is its operator
            await().atMost(WAIT).until(() -> a.memberNicks("#课堂").contains("alice"));
            bob.join("#课堂");
            await().atMost(WAIT).until(() -> a.memberNicks("#课堂").containsAll(List.of("alice", "小明")));

            alice.send("#课堂", "大家好, hello everyone");
            await().atMost(WAIT).until(() -> b.texts("#课堂", "alice").contains("大家好, hello everyone"));
            ChatMessage got = b.messages.stream()
                    .filter(m -> m.text().equals("大家好, hello everyone"))
                    .findFirst()
                    .orElseThrow();
            assertThat(got.room()).isTrue();
            assertThat(got.msgid()).isNotBlank();
            // echo-message: alice sees her own line with the same id as everyone else
            await().atMost(WAIT).until(() -> a.texts("#课堂", "alice").contains("大家好, hello everyone"));
            assertThat(a.messages.stream()
                            .filter(m -> m.sender().equals("alice"))
                            .findFirst()
                            .orElseThrow()
                            .msgid())
                    .isEqualTo(got.msgid());

            bob.send("alice", "悄悄话: a whisper for you");
            await().atMost(WAIT).until(() -> a.texts("小明", "小明").contains("悄悄话: a whisper for you"));
            assertThat(a.messages.stream()
                            .filter(m -> m.conversation().equals("小明"))
                            .findFirst()
                            .orElseThrow()
                            .room())
                    .isFalse();
            // bob's own whisper is filed under the person he whispered to
            await().atMost(WAIT).until(() -> b.texts("alice", "小明").contains("悄悄话: a whisper for you"));

            String longText = "长消息".repeat(300) + " the end";
            alice.send("#课堂", longText);
            await().atMost(WAIT)
                    .until(() -> String.join("", b.texts("#课堂", "alice")).endsWith("the end"));
            List<String> pieces =
                    b.texts("#课堂", "alice").subList(1, b.texts("#课堂", "alice").size());
            assertThat(pieces).hasSizeGreaterThan(1);
            assertThat(String.join("", pieces)).isEqualTo(longText);

            alice.topic("#课堂", "今天的话题 today's topic");
            await().atMost(WAIT).until(() -> b.topics.contains("#课堂 今天的话题 today's topic alice"));
            assertThat(b.members.get("#课堂")).containsExactlyInAnyOrder(new Member("alice", "@"), new Member("小明", ""));
            assertThat(a.threads).allMatch(t -> t.startsWith("chatroom-client"));
            ClientView view = bob.view().get(10, TimeUnit.SECONDS);
            assertThat(view.nick()).isEqualTo("小明");
            assertThat(view.connected()).isTrue();
            assertThat(view.whispers()).containsExactly("alice");
            ClientView.Room room = view.rooms().stream()
                    .filter(r -> r.name().equals("#课堂"))
                    .findFirst()
                    .orElseThrow();
            assertThat(room.topic()).isEqualTo("今天的话题 today's topic");
            assertThat(room.members()).containsExactlyInAnyOrder(new Member("alice", "@"), new Member("小明", ""));
        }
    }

    @Test
    void aTakenNameBecomesNameUnderscoreWithASentenceSaying() throws Exception {
        ClientListenerRecorder first = new ClientListenerRecorder();
        ClientListenerRecorder second = new ClientListenerRecorder();
        try (TestServer server = TestServer.start();
                ChatClient one = connect(server.irc(), "dup", first)) {
            await().atMost(WAIT).until(() -> first.connected.contains("dup"));
            try (ChatClient two = ChatClient.connect(
                    ClientConfig.of("127.0.0.1", server.irc().getPort(), "dup").withLocale(Locale.SIMPLIFIED_CHINESE),
                    second)) {
                await().atMost(WAIT).until(() -> second.connected.contains("dup_"));
                assertThat(second.errors).containsExactly("名字 dup 已被占用，改用 dup_。");
            }
        }
    }

    @Test
    void saslLogsInToAnAccountAndAWrongPasswordStopsWithASentence() throws Exception {
        try (TestServer server = TestServer.startIn(dataDir, null)) {
            try (RawClient owner = server.register("小红")) {
                owner.send("REGISTER * * sesame123").expect("REGISTER SUCCESS");
            }
            ClientListenerRecorder rec = new ClientListenerRecorder();
            try (ChatClient c = ChatClient.connect(
                            ClientConfig.of("127.0.0.1", server.irc().getPort(), "小红")
                                    .withPassword("sesame123"),
                            rec);
                    RawClient friend = server.register("friend")) {
                await().atMost(WAIT).until(() -> rec.connected.contains("小红"));
                friend.send("WHOIS 小红");
                assertThat(friend.expect(" 330 ")).contains(" 330 friend 小红 小红 :is logged in as");
            }
            ClientListenerRecorder wrong = new ClientListenerRecorder();
            try (ChatClient c = ChatClient.connect(
                    ClientConfig.of("127.0.0.1", server.irc().getPort(), "小红").withPassword("not-it"), wrong)) {
                await().atMost(WAIT).until(() -> !wrong.disconnects.isEmpty());
                assertThat(wrong.disconnects)
                        .containsExactly(new ClientListenerRecorder.Disconnect(
                                "Wrong name or password for 小红; not logging in again.", null));
                assertThat(wrong.connected).isEmpty();
            }
        }
    }

    @Test
    void aLongPasswordGoesInSaslChunksOf400Bytes() throws Exception {
        String password = "密码".repeat(60) + "-long-password"; // with the name, 512 bytes of base64: two chunks
        try (TestServer server = TestServer.startIn(dataDir, null)) {
            try (RawClient owner = server.register("longpw")) {
                owner.send("REGISTER * * " + password).expect("REGISTER SUCCESS");
            }
            ClientListenerRecorder rec = new ClientListenerRecorder();
            try (ChatClient c = ChatClient.connect(
                            ClientConfig.of("127.0.0.1", server.irc().getPort(), "longpw")
                                    .withPassword(password),
                            rec);
                    RawClient friend = server.register("friend")) {
                await().atMost(WAIT).until(() -> rec.connected.contains("longpw"));
                friend.send("WHOIS longpw");
                assertThat(friend.expect(" 330 ")).contains(" 330 friend longpw longpw :is logged in as");
            }
        }
    }

    @Test
    void anUnreachableServerIsASentenceAndARetryIsScheduled() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClientListenerRecorder rec = new ClientListenerRecorder();
        try (ChatClient c = ChatClient.connect(
                ClientConfig.of("127.0.0.1", port, "nobody").withLocale(Locale.SIMPLIFIED_CHINESE), rec)) {
            await().atMost(WAIT).until(() -> !rec.disconnects.isEmpty());
            ClientListenerRecorder.Disconnect d = rec.disconnects.getFirst();
            assertThat(d.reason()).startsWith("无法连接服务器 127.0.0.1:" + port + "：");
            assertThat(d.retryIn()).isBetween(Duration.ofMillis(750), Duration.ofSeconds(1));
        }
    }

    @Test
    void overTlsWithTheServersSelfSignedCertificate() throws Exception {
        ClientListenerRecorder rec = new ClientListenerRecorder();
        ClientListenerRecorder other = new ClientListenerRecorder();
        try (TestServer server = TestServer.startWithTls(dataDir);
                ChatClient c = ChatClient.connect(
                        ClientConfig.of("127.0.0.1", server.ircTls().getPort(), "secure")
                                .withTls(true),
                        rec);
                ChatClient plain = connect(server.irc(), "plain", other)) {
            await().atMost(WAIT).until(() -> !rec.connected.isEmpty() && !other.connected.isEmpty());
            c.send("plain", "over TLS 加密");
            await().atMost(WAIT).until(() -> other.texts("secure", "secure").contains("over TLS 加密"));
            c.quit("good night");
            await().atMost(WAIT).until(() -> !rec.disconnects.isEmpty());
            assertThat(rec.disconnects)
                    .containsExactly(new ClientListenerRecorder.Disconnect("You left the server.", null));
        }
    }

    /** Over WebSocket (the HTTP port's /irc) a client chats with a TCP client, and comes back after a restart. */
    @Test
    void overWebSocketItChatsAndComesBackAfterARestart() throws Exception {
        ClientListenerRecorder rec = new ClientListenerRecorder();
        ClientListenerRecorder tcp = new ClientListenerRecorder();
        TestServer first = TestServer.startWithHttp(dataDir, 0);
        int httpPort = first.http().getPort();
        try (ChatClient web = ChatClient.connect(
                        ClientConfig.of("127.0.0.1", httpPort, "网页").withWebSocket("/irc"), rec);
                ChatClient plain = connect(first.irc(), "plain", tcp)) {
            web.join("#ws");
            plain.join("#ws");
            await().atMost(WAIT).until(() -> rec.memberNicks("#ws").contains("plain"));
            web.send("#ws", "over WebSocket 网页");
            await().atMost(WAIT).until(() -> tcp.texts("#ws", "网页").contains("over WebSocket 网页"));
            plain.send("网页", "a whisper back 悄悄话");
            await().atMost(WAIT).until(() -> rec.texts("plain", "plain").contains("a whisper back 悄悄话"));

            first.close();
            await().atMost(WAIT).until(() -> !rec.disconnects.isEmpty());
            try (TestServer second = TestServer.startWithHttp(dataDir, httpPort);
                    RawClient other = second.register("other")) {
                other.send("JOIN #ws").expect(" 366 ");
                other.send("PRIVMSG #ws :sent while the WebSocket client was away");
                other.sync();
                await().atMost(Duration.ofSeconds(40))
                        .until(() -> rec.texts("#ws", "other").contains("sent while the WebSocket client was away"));
                assertThat(rec.connected).hasSize(2);
            }
        }
    }

    @Test
    void aSharedFileIsUploadedAndItsLinkSaid() throws Exception {
        ClientListenerRecorder rec = new ClientListenerRecorder();
        ClientListenerRecorder other = new ClientListenerRecorder();
        Path file =
                java.nio.file.Files.write(dataDir.resolve("作业 homework.pdf"), new byte[] {'%', 'P', 'D', 'F', 1, 2});
        try (TestServer server = TestServer.startWithHttp(dataDir, 0);
                ChatClient alice = connect(server.irc(), "alice", rec);
                ChatClient bob = connect(server.irc(), "bob", other)) {
            await().atMost(WAIT).until(() -> !rec.connected.isEmpty() && !other.connected.isEmpty());
            String url = alice.share("bob", file).get(30, TimeUnit.SECONDS);

            assertThat(url).startsWith("http://127.0.0.1:" + server.http().getPort() + "/files/");
            await().atMost(WAIT).until(() -> other.texts("alice", "alice").contains(url));
            byte[] back = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            assertThat(back).isEqualTo(java.nio.file.Files.readAllBytes(file));
        }
        try (TestServer noHttp = TestServer.start();
                ChatClient alice = connect(noHttp.irc(), "alice", rec)) {
            await().atMost(WAIT).until(() -> rec.connected.size() == 2);
            assertThat(alice.share("#room", file))
                    .failsWithin(WAIT)
                    .withThrowableThat()
                    .havingCause()
                    .isInstanceOf(chatroom.client.ShareException.class)
                    .withMessage("This server does not take files.");
        }
    }

    @Test
    void sharingAsksForTheRoomSoItsOwnRuleDecides() throws Exception {
        ClientListenerRecorder rec = new ClientListenerRecorder();
        Path file = java.nio.file.Files.write(
                dataDir.resolve("notes.txt"), "笔记 notes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (TestServer server =
                        TestServer.startWithHttp(dataDir, 0, chatroom.core.upload.UploadPolicy.Who.REGISTERED);
                RawClient ann = server.register("ann")) {
            ann.send("REGISTER * * sesame123").expect("REGISTER SUCCESS");
            for (String room : List.of("#open", "#quiet")) {
                ann.send("JOIN " + room).expect(" 366 ");
                ann.send("CS REGISTER " + room).expect("is now registered to ann");
            }
            ann.send("CS SET #open UPLOADS everyone").expect("Files may now");
            ann.send("CS SET #quiet UPLOADS off").expect("Files may now");
            try (ChatClient guest = connect(server.irc(), "guest", rec)) {
                guest.join("#open");
                guest.join("#quiet");
                await().atMost(WAIT)
                        .until(() -> rec.memberNicks("#open").contains("guest")
                                && rec.memberNicks("#quiet").contains("guest"));

                String url = guest.share("#open", file).get(30, TimeUnit.SECONDS);
                ann.expect(l -> l.contains(" PRIVMSG #open ") && l.endsWith(url));
                assertThat(guest.share("#quiet", file))
                        .failsWithin(WAIT)
                        .withThrowableThat()
                        .havingCause()
                        .isInstanceOf(chatroom.client.ShareException.class)
                        .withMessage("File sharing is off in #quiet.");
                assertThat(guest.share("ann", file))
                        .as("a whisper follows the server's policy")
                        .failsWithin(WAIT)
                        .withThrowableThat()
                        .havingCause()
                        .withMessage("Only people logged in to an account may share files on this server.");
            }
        }
    }

    private static UnaryOperator<ServerConfig> historyPage(int lines) {
        return c -> {
            ServerConfig.Builder b = c.toBuilder();
            b.chathistoryLimit = lines;
            return b.build();
        };
    }

    /**
     * The server stops; the sender reconnects to its restarted successor first and talks while the reader is still
     * away (more than one page of history), then the reader comes back while the sender keeps talking. The reader
     * shows every line once, in order; lines typed while disconnected arrive after reconnecting.
     */
    @Test
    void afterARestartTheReaderGetsEveryMissedLineOnceInOrder() throws Exception {
        String room = "#夜班";
        ClientListenerRecorder r = new ClientListenerRecorder();
        ClientListenerRecorder s = new ClientListenerRecorder();
        List<String> expected = new ArrayList<>();
        TestServer first = TestServer.startIn(dataDir, null, historyPage(5));
        try (ChatClient reader = connect(first.irc(), "reader", r);
                ChatClient sender = connect(first.irc(), "sender", s)) {
            reader.join(room);
            sender.join(room);
            await().atMost(WAIT).until(() -> r.memberNicks(room).contains("sender"));
            for (int i = 0; i < 3; i++) {
                sender.send(room, "before " + i);
                expected.add("before " + i);
            }
            await().atMost(WAIT).until(() -> r.texts(room, "sender").size() == 3);

            first.close();
            await().atMost(WAIT).until(() -> !r.disconnects.isEmpty() && !s.disconnects.isEmpty());
            assertThat(r.disconnects.getFirst().retryIn()).isNotNull();
            for (int i = 0; i < 3; i++) {
                sender.send(room, "queued 断线 " + i);
                expected.add("queued 断线 " + i);
            }
            reader.send(room, "typed by the reader while away");

            try (TestServer second = TestServer.startIn(dataDir, null, historyPage(5))) {
                sender.server("127.0.0.1", second.irc().getPort());
                await().atMost(WAIT).until(() -> s.connected.size() == 2);
                for (int i = 0; i < 12; i++) {
                    sender.send(room, "missed " + i);
                    expected.add("missed " + i);
                }
                // echo-message: each line is stored before the server echoes it
                await().atMost(WAIT).until(() -> s.texts(room, "sender").size() == expected.size());

                reader.server("127.0.0.1", second.irc().getPort());
                for (int i = 0; i < 10; i++) {
                    sender.send(room, "live " + i);
                    expected.add("live " + i);
                }
                sender.send(room, "the end");
                expected.add("the end");
                await().atMost(WAIT).until(() -> r.texts(room, "sender").contains("the end"));
                assertThat(r.texts(room, "sender")).containsExactlyElementsOf(expected);
                assertThat(r.connected).hasSize(2);
                await().atMost(WAIT).until(() -> s.texts(room, "reader").contains("typed by the reader while away"));
                assertThat(s.texts(room, "reader")).containsExactly("typed by the reader while away");
                assertThat(r.messages.stream()
                                .map(ChatMessage::msgid)
                                .distinct()
                                .count())
                        .isEqualTo(r.messages.size());
            }
        }
    }

    @Test
    void theClientComesBackByItselfWhenTheServerRestartsOnTheSamePort() throws Exception {
        ClientListenerRecorder r = new ClientListenerRecorder();
        TestServer first = TestServer.startIn(dataDir, null);
        int port = first.irc().getPort();
        try (ChatClient c = connect(first.irc(), "back", r)) {
            c.join("#again");
            await().atMost(WAIT).until(() -> r.memberNicks("#again").contains("back"));
            first.close();
            await().atMost(WAIT).until(() -> !r.disconnects.isEmpty());
            assertThat(r.disconnects.getFirst().reason()).isEqualTo("Disconnected from the server: test over");
            try (TestServer second = TestServer.startIn(dataDir, null, cfg -> cfg, port)) {
                await().atMost(WAIT).until(() -> r.connected.size() == 2);
                try (RawClient other = second.register("other")) {
                    other.send("JOIN #again").expect(" 366 ");
                    // only a member of #again hears of other's JOIN: the client rejoined by itself
                    await().atMost(WAIT).until(() -> r.memberNicks("#again").contains("other"));
                    other.send("PRIVMSG #again :欢迎回来 welcome back");
                    await().atMost(WAIT).until(() -> r.texts("#again", "other").contains("欢迎回来 welcome back"));
                }
            }
        }
    }

    @Test
    void linesPastTheQueueLimitAreRefusedWithASentenceNotDroppedSilently() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClientListenerRecorder rec = new ClientListenerRecorder();
        try (ChatClient c =
                ChatClient.connect(ClientConfig.of("127.0.0.1", port, "q").withQueueLimit(2), rec)) {
            IntStream.range(0, 3).forEach(i -> c.send("#x", "line " + i));
            await().atMost(WAIT).until(() -> !rec.errors.isEmpty());
            assertThat(rec.errors)
                    .containsExactly("Not connected and 2 lines are already waiting; this line was not sent: line 2");
            ClientView view = c.view().get(10, TimeUnit.SECONDS);
            assertThat(view.connected()).isFalse();
            assertThat(view.queued()).isEqualTo(2);
        }
    }
}
