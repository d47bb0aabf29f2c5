package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File sharing over the HTTP port: tokens from IRC, limits, safe download headers, ranges, deletion, restarts. */
class UploadIT {
    @TempDir
    Path data;

    private TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.http().getPort() + path);
    }

    private static String token(RawClient c) {
        c.send("UPLOAD");
        String note = c.expect("NOTE UPLOAD TOKEN");
        return note.split(" ")[4];
    }

    private HttpResponse<String> post(String token, String type, byte[] body, String name)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/upload"))
                .header("Content-Type", type)
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + name)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Test
    void aSharedFileComesBackByteForByteWithSafeHeadersAndRanges() throws Exception {
        server = TestServer.startWithHttp(data, 0);
        byte[] image = randomBytes(300_000);
        try (RawClient alice = server.register("alice");
                RawClient dave = server.plainLogin("dave")) {
            alice.send("JOIN #lobby").expect("366");
            HttpResponse<String> created = post(token(alice), "image/png", image, "%E7%8C%AB%20cat.png");
            assertThat(created.statusCode()).isEqualTo(201);
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches("/files/[A-Za-z0-9_-]{22}/%E7%8C%AB%20cat\\.png");

            HttpResponse<byte[]> got = get(location);
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.body()).isEqualTo(image);
            assertThat(got.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(got.headers().firstValue("Content-Disposition"))
                    .hasValue("inline; filename*=UTF-8''%E7%8C%AB%20cat.png");
            assertThat(got.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(got.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("sandbox");

            HttpResponse<byte[]> part = get(location, "Range", "bytes=1000-1999");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/300000");
            assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(image, 1000, 2000));
            assertThat(get(location, "Range", "bytes=-10").body())
                    .isEqualTo(java.util.Arrays.copyOfRange(image, 299_990, 300_000));
            assertThat(get(location, "Range", "bytes=300000-").statusCode()).isEqualTo(416);
            String etag = got.headers().firstValue("ETag").orElseThrow();
            assertThat(get(location, "If-None-Match", etag).statusCode()).isEqualTo(304);

            // the message that shares it carries the link, which a telnet user sees as text
            String url = uri(location).toString();
            alice.send("PRIVMSG #lobby :" + url);
            dave.expect(url);
        }
    }

    @Test
    void typesThatCouldRunInTheBrowserAreDownloadedNotShown() throws Exception {
        server = TestServer.startWithHttp(data, 0);
        try (RawClient alice = server.register("alice")) {
            HttpResponse<String> created = post(token(alice), "application/zip", randomBytes(100), "a.zip");
            HttpResponse<byte[]> got =
                    get(created.headers().firstValue("Location").orElseThrow());

            assertThat(got.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(got.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith("attachment;");
            assertThat(post(
                                    token(alice),
                                    "text/html",
                                    "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                                    "x.html")
                            .statusCode())
                    .isEqualTo(415);
            assertThat(post(token(alice), "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8), "x.svg")
                            .statusCode())
                    .as("image/* is accepted but SVG is never shown in place")
                    .isEqualTo(201);
        }
    }

    @Test
    void uploadsNeedAValidTokenAndFitTheLimit() throws Exception {
        server = TestServer.startWithHttp(data, 0);
        try (RawClient alice = server.register("alice")) {
            HttpResponse<String> none = post(null, "image/png", randomBytes(10), "a.png");
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"chatroom\"");
            assertThat(post("forged", "image/png", randomBytes(10), "a.png").statusCode())
                    .isEqualTo(401);
            HttpResponse<String> large = post(token(alice), "image/png", randomBytes((1 << 20) + 1), "big.png");
            assertThat(large.statusCode()).isEqualTo(413);
            assertThat(large.body()).contains("at most 1024 KiB");
            // a chunked body without a length is cut off at the limit too
            HttpRequest chunked = HttpRequest.newBuilder(uri("/upload"))
                    .header("Authorization", "Bearer " + token(alice))
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(randomBytes(3 << 20))))
                    .build();
            assertThat(http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(413);
            // the server is fine afterwards
            assertThat(post(token(alice), "image/png", randomBytes(10), "ok.png")
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    @Test
    void onlyTheUploaderDeletesAndFilesOutliveARestart() throws Exception {
        server = TestServer.startWithHttp(data, 0);
        String location;
        byte[] bytes = randomBytes(5000);
        try (RawClient alice = server.register("alice");
                RawClient bob = server.register("bob")) {
            location = post(token(alice), "image/jpeg", bytes, "a.jpg")
                    .headers()
                    .firstValue("Location")
                    .orElseThrow();
            String id = location.split("/")[2];

            HttpResponse<String> byBob = http.send(
                    HttpRequest.newBuilder(uri("/files/" + id))
                            .header("Authorization", "Bearer " + token(bob))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(byBob.statusCode()).isEqualTo(403);
            bob.send("UPLOAD DELETE " + id);
            bob.expect("FAIL UPLOAD NOT_YOURS " + id);
        }
        int port = server.http().getPort();
        server.close();
        server = TestServer.startWithHttp(data, port);
        assertThat(get(location).body()).isEqualTo(bytes);

        try (RawClient alice = server.register("alice")) {
            String id = location.split("/")[2];
            alice.send("UPLOAD DELETE " + id);
            alice.expect("NOTE UPLOAD DELETED " + id);
            assertThat(get(location).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aGuestSharesInARoomOpenToEveryoneWhereTheServerWantsAnAccount() throws Exception {
        server = TestServer.startWithHttp(data, 0, chatroom.core.upload.UploadPolicy.Who.REGISTERED);
        try (RawClient ann = server.register("ann");
                RawClient guest = server.register("guest")) {
            ann.send("REGISTER * * sesame123").expect("REGISTER SUCCESS");
            ann.send("JOIN #open").expect(" 366 ");
            ann.send("PRIVMSG ChanServ :REGISTER #open").expect("is now registered to ann");
            ann.send("CS SET #open UPLOADS everyone").expect("Files may now be shared in #open by anyone connected");
            guest.send("UPLOAD #open");
            assertThat(guest.expect("FAIL UPLOAD")).contains("NOT_IN_ROOM #open");
            guest.send("JOIN #open").expect(" 366 ");
            guest.send("UPLOAD");
            assertThat(guest.expect("FAIL UPLOAD")).contains(" ACCOUNT_REQUIRED ");

            guest.send("UPLOAD #open");
            String token = guest.expect("NOTE UPLOAD TOKEN").split(" ")[4];
            byte[] image = randomBytes(2000);
            HttpResponse<String> created = post(token, "image/png", image, "guest.png");
            assertThat(created.statusCode()).isEqualTo(201);
            String url =
                    uri(created.headers().firstValue("Location").orElseThrow()).toString();
            guest.send("PRIVMSG #open :" + url);
            ann.expect(url);
            assertThat(get(created.headers().firstValue("Location").orElseThrow())
                            .body())
                    .isEqualTo(image);

            ann.send("CS SET #open UPLOADS voiced").expect("Files may now be shared in #open by operators");
            guest.send("UPLOAD #open");
            assertThat(guest.expect("FAIL UPLOAD")).contains(" VOICE_REQUIRED #open ");
        }
    }

    @Test
    void theUploadUrlIsAdvertisedToIrcClients() {
        server = TestServer.startWithHttp(data, 0);
        try (RawClient c = RawClient.connect(server.irc())) {
            c.send("NICK alice").send("USER alice 0 * :Alice");
            String isupport = c.expect("draft/FILEHOST=");
            assertThat(List.of(isupport.split(" ")))
                    .contains("draft/FILEHOST=http://127.0.0.1:" + server.http().getPort() + "/upload");
        }
    }
}
