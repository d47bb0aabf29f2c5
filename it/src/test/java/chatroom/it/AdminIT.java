package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.Passwords;
import chatroom.testkit.RawClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The admin dashboard's API against a real server and real IRC clients: login, CSRF defences, every action. */
@Timeout(60)
class AdminIT {
    private static final String CSRF = "X-Chatroom-CSRF";
    private static String hash;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String cookie;
    private String csrf;

    @BeforeAll
    static void hashOnce() {
        hash = Passwords.hash("cup of tea");
    }

    @BeforeEach
    void start() {
        server = TestServer.startWithAdmin("root", hash);
        server.server().recentLog(() -> List.of("12:00:00 INFO Test - a recent line"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String origin() {
        return "http://127.0.0.1:" + server.http().getPort();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> post(String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST as the logged-in page sends it: cookie, CSRF header, own Origin. */
    private HttpResponse<String> act(String path, String json) throws IOException, InterruptedException {
        return post(path, json, "Cookie", cookie, CSRF, csrf, "Origin", origin());
    }

    private HttpResponse<String> logIn(String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> res =
                post("/admin/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}");
        if (res.statusCode() == 200) {
            cookie = res.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            Matcher m = Pattern.compile("\"csrf\":\"([^\"]+)\"").matcher(res.body());
            assertThat(m.find()).isTrue();
            csrf = m.group(1);
        }
        return res;
    }

    @Test
    void thePageIsServedAndTheApiNeedsALogin() throws Exception {
        HttpResponse<String> page = http.send(request("/admin").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("admin.js").doesNotContain("<script>");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self'");

        assertThat(http.send(request("/admin/api/state").build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
        for (String action : List.of("notice", "kick", "ban", "close-room", "stop", "logout")) {
            assertThat(post("/admin/api/" + action, "{}", "Origin", origin()).statusCode())
                    .as(action)
                    .isEqualTo(401);
        }
        assertThat(logIn("root", "not it").statusCode()).isEqualTo(401);
        assertThat(logIn("nobody", "cup of tea").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = logIn("root", "cup of tea");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("chatroom_admin=")
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict", "Path=/admin")
                .doesNotContain("Secure");

        // a forged request: right cookie (the browser sends it), but no header, a wrong one, or a foreign Origin
        String notice = "{\"text\":\"hello\"}";
        assertThat(post("/admin/api/notice", notice, "Cookie", cookie, "Origin", origin())
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/admin/api/notice", notice, "Cookie", cookie, CSRF, "guess", "Origin", origin())
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/admin/api/notice", notice, "Cookie", cookie, CSRF, csrf, "Origin", "http://evil.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.send(
                                request("/admin/api/notice")
                                        .header("Cookie", cookie)
                                        .header(CSRF, csrf)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(405);

        assertThat(act("/admin/api/logout", "{}").statusCode()).isEqualTo(200);
        assertThat(act("/admin/api/notice", notice).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreThrottled() throws Exception {
        int status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = logIn("root", "guess " + i).statusCode();
        }
        assertThat(status).isEqualTo(429);
        assertThat(logIn("root", "cup of tea").statusCode()).isEqualTo(429);
    }

    @Test
    void theStateListsUsersRoomsCountersAndTheLog() throws Exception {
        try (RawClient alice = server.register("alice");
                RawClient dave = server.plainLogin("dave")) {
            alice.send("JOIN #tea").expect("366");
            alice.send("TOPIC #tea :Earl Grey 伯爵茶").expect("TOPIC");
            alice.send("PRIVMSG #tea :hi").sync();
            dave.expect("lobby");
            logIn("root", "cup of tea");
            HttpResponse<String> res = http.send(
                    request("/admin/api/state").header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(res.body())
                    .contains("\"nick\":\"alice\"", "\"protocol\":\"irc\"", "\"address\":\"127.0.0.1\"")
                    .contains("\"nick\":\"dave\"", "\"protocol\":\"plain\"")
                    .contains("\"name\":\"#tea\"", "\"topic\":\"Earl Grey 伯爵茶\"", "\"members\":[\"@alice\"]")
                    .contains("\"connections\":{\"irc\":1,\"websocket\":0,\"plain\":1}")
                    .contains("a recent line", "\"oper\":\"root\"")
                    .containsPattern("\"messagesIn\":[1-9]")
                    .containsPattern("\"deliveriesOut\":[1-9]")
                    .containsPattern("\"uptimeSeconds\":\\d+");
        }
    }

    @Test
    void noticeKickBanAndCloseRoomReachRealClientsWithTheReason() throws Exception {
        try (RawClient alice = server.register("alice");
                RawClient bob = server.register("bob");
                RawClient carol = server.register("carol")) {
            for (RawClient c : List.of(alice, bob, carol)) {
                c.send("JOIN #tea").expect("366");
            }
            logIn("root", "cup of tea");
            HttpResponse<String> notice = act("/admin/api/notice", "{\"text\":\"维护 at noon\"}");
            assertThat(notice.statusCode()).isEqualTo(200);
            assertThat(notice.body()).contains("Notice sent to 3");
            for (RawClient c : List.of(alice, bob, carol)) {
                c.expect(l -> l.contains("NOTICE * :维护 at noon"));
            }

            HttpResponse<String> kick =
                    act("/admin/api/kick", "{\"room\":\"#tea\",\"nick\":\"bob\",\"reason\":\"too loud\"}");
            assertThat(kick.statusCode()).isEqualTo(200);
            bob.expect(l -> l.contains("KICK #tea bob :too loud"));
            alice.expect(l -> l.contains("KICK #tea bob :too loud"));
            assertThat(act("/admin/api/kick", "{\"room\":\"#tea\",\"nick\":\"bob\"}")
                            .statusCode())
                    .isEqualTo(422);

            HttpResponse<String> ban =
                    act("/admin/api/ban", "{\"target\":\"bob\",\"reason\":\"spam\",\"minutes\":\"5\"}");
            assertThat(ban.statusCode()).isEqualTo(200);
            // everyone here is 127.0.0.1: a K-line on bob's address takes all three
            assertThat(ban.body()).contains("K-line on *!*@127.0.0.1 added (spam)");
            bob.expect(l -> l.contains("465 bob :You are banned from this server: spam"));
            assertThat(bob.readUntilClosed()).anyMatch(l -> l.startsWith("ERROR") && l.contains("K-Lined: spam"));
            assertThat(act("/admin/api/ban", "{\"target\":\"x\",\"minutes\":\"soon\"}")
                            .statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void closeRoomRemovesEveryoneWithTheReason() throws Exception {
        try (RawClient alice = server.register("alice");
                RawClient bob = server.register("bob")) {
            alice.send("JOIN #tea").expect("366");
            bob.send("JOIN #tea").expect("366");
            logIn("root", "cup of tea");
            HttpResponse<String> closed =
                    act("/admin/api/close-room", "{\"room\":\"#tea\",\"reason\":\"closing time\"}");
            assertThat(closed.statusCode()).isEqualTo(200);
            assertThat(closed.body()).contains("2 removed from #tea");
            alice.expect(l -> l.contains("KICK #tea alice :closing time"));
            bob.expect(l -> l.contains("KICK #tea bob :closing time"));
            alice.send("NAMES #tea");
            assertThat(alice.sync()).noneMatch(l -> l.contains("353"));
        }
    }

    @Test
    void stopClosesTheServerTellingUsersWhy() throws Exception {
        try (RawClient alice = server.register("alice")) {
            logIn("root", "cup of tea");
            assertThat(act("/admin/api/stop", "{}").statusCode()).isEqualTo(202);
            assertThat(alice.readUntilClosed())
                    .anyMatch(l -> l.startsWith("ERROR") && l.contains("Server stopped by operator root"));
        }
        RawClient late = null;
        try {
            late = RawClient.connect(server.irc());
        } catch (RuntimeException refused) {
            // nobody listens any more
        }
        if (late != null) {
            assertThat(late.readUntilClosed()).isEmpty();
        }
    }
}
