package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatroom.testkit.RawClient;
import chatroom.transport.NettyHub;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * DESIGN.md rule 4: no blocking call on an event loop or the hub. BlockHound (with Netty's own integration, loaded
 * by service discovery) fails any blocking call on those threads while a busy scenario runs. Runs in its own JVM
 * (see the failsafe executions in this module's pom), because BlockHound instruments the whole JVM.
 */
@Timeout(60)
class BlockHoundIT {
    static TestServer server;

    @BeforeAll
    static void install() {
        BlockHound.builder()
                .nonBlockingThreadPredicate(p -> p.or(t -> t.getName().startsWith(NettyHub.THREAD_NAME)))
                // the hub waiting for work when idle is its purpose, not a blocking call inside a task; handing it
                // a task takes its queue's lock for a few instructions (never across I/O)
                .allowBlockingCallsInside("io.netty.util.concurrent.SingleThreadEventExecutor", "takeTask")
                .allowBlockingCallsInside("io.netty.util.concurrent.SingleThreadEventExecutor", "offerTask")
                .install();
        server = TestServer.startWithAdmin("root", chatroom.core.Passwords.hash("cup of tea"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void blockingOnTheHubIsDetected() {
        var f = server.server.onHub(st -> {
            try {
                Thread.sleep(1); // deliberately blocking: BlockHound must refuse it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slept";
        });
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(BlockingOperationError.class);
    }

    @Test
    void accountsAndSaslNeverBlockTheHubOrAnEventLoop() throws Exception {
        try (RawClient dana = server.register("dana")) {
            dana.send("REGISTER * * sesame123").expect("REGISTER SUCCESS");
            dana.send("PRIVMSG NickServ :SET PASSWORD newsecret1").expect(":Password changed");
            dana.send("PRIVMSG NickServ :CERT ADD " + "ab".repeat(32)).expect("added to your account");
        }
        try (RawClient c = RawClient.connect(server.irc())) {
            assertThat(SaslIT.scram(c, "dana", "wrong-one")).contains(" 904 ");
            assertThat(SaslIT.scram(c, "dana", "newsecret1")).contains(" 903 ");
        }
    }

    @Test
    void aBusyConversationNeverBlocksTheHubOrAnEventLoop() {
        try (RawClient alice = server.register("alice");
                RawClient bob = server.register("bob");
                RawClient telnet = server.plainLogin("carol")) {
            alice.send("JOIN #lobby").expect(" 366 ");
            bob.send("JOIN #lobby").expect(" 366 ");
            for (int i = 0; i < 200; i++) {
                alice.send("PRIVMSG #lobby :line " + i);
                bob.send("PRIVMSG alice :whisper " + i);
            }
            bob.expect("line 199");
            alice.expect("whisper 199");
            alice.send("NICK alice2")
                    .send("TOPIC #lobby :news")
                    .send("WHOIS bob")
                    .send("LIST");
            bob.sendBytes(new byte[] {(byte) 0xff, (byte) 0xfe, '\r', '\n'});
            bob.send("X".repeat(600));
            bob.expect(" 417 ");
            telnet.send("say hi from telnet");
            alice.expect("hi from telnet");
            bob.send("QUIT :bye");
            assertThat(alice.sync()).isNotNull();
        }
    }

    @Test
    void webSocketsHealthAndMetricsNeverBlockTheHubOrAnEventLoop() throws Exception {
        try (RawClient friend = server.register("wsfriend")) {
            var web = WebSocketIT.WsClient.connect(server.http(), "binary.ircv3.net")
                    .register("webby");
            for (int i = 0; i < 100; i++) {
                web.send("PRIVMSG wsfriend :ws " + i);
                if (i % 20 == 0) {
                    assertThat(WebSocketIT.get(server.http(), "/metrics").statusCode())
                            .isEqualTo(200);
                }
            }
            friend.expect("ws 99");
            friend.send("PRIVMSG webby :back");
            web.expect("back");
            assertThat(WebSocketIT.get(server.http(), "/healthz").statusCode()).isEqualTo(200);
            assertThat(WebSocketIT.get(server.http(), "/nothing").statusCode()).isEqualTo(404);
            web.send("PRIVMSG wsfriend :" + "x".repeat(5000));
            assertThat(web.closed).succeedsWithin(java.time.Duration.ofSeconds(10));
            assertThat(friend.sync()).isNotNull();
        }
    }

    @Test
    void theAdminApiNeverBlocksTheHubOrAnEventLoop() throws Exception {
        String base = "http://127.0.0.1:" + server.http().getPort();
        var http = java.net.http.HttpClient.newHttpClient();
        java.util.function.BiFunction<String, String, java.net.http.HttpRequest.Builder> post =
                (path, json) -> java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        var ofString = java.net.http.HttpResponse.BodyHandlers.ofString();
        assertThat(http.send(
                                post.apply("/admin/api/login", "{\"name\":\"root\",\"password\":\"no\"}")
                                        .build(),
                                ofString)
                        .statusCode())
                .isEqualTo(401);
        var login = http.send(
                post.apply("/admin/api/login", "{\"name\":\"root\",\"password\":\"cup of tea\"}")
                        .build(),
                ofString);
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = login.body().replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
        try (RawClient eve = server.register("eve")) {
            eve.send("JOIN #bh").expect("366");
            var state = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/admin/api/state"))
                            .header("Cookie", cookie)
                            .build(),
                    ofString);
            assertThat(state.body()).contains("\"nick\":\"eve\"");
            for (String[] action : new String[][] {
                {"/admin/api/notice", "{\"text\":\"hi\"}"}, {"/admin/api/kick", "{\"room\":\"#bh\",\"nick\":\"eve\"}"}
            }) {
                var res = http.send(
                        post.apply(action[0], action[1])
                                .header("Cookie", cookie)
                                .header("X-Chatroom-CSRF", csrf)
                                .build(),
                        ofString);
                assertThat(res.statusCode()).as(action[0]).isEqualTo(200);
            }
            eve.expect("KICK #bh eve");
        }
    }
}
