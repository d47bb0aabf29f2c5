package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** IRC over WebSocket on the HTTP port (IRCv3 websocket), with TCP users in the same rooms. */
@Timeout(60)
class WebSocketIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A JDK WebSocket client that collects each frame as one line, noting whether it came as text or binary. */
    static final class WsClient implements WebSocket.Listener {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
        WebSocket ws;

        static WsClient connect(InetSocketAddress http, String... subprotocols) {
            WsClient c = new WsClient();
            var builder = HTTP.newWebSocketBuilder();
            if (subprotocols.length > 0) {
                builder.subprotocols(
                        subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
            }
            c.ws = builder.buildAsync(URI.create("ws://127.0.0.1:" + http.getPort() + "/irc"), c)
                    .join();
            return c;
        }

        WsClient send(String line) {
            ws.sendText(line, true).join();
            return this;
        }

        WsClient register(String nick) {
            send("NICK " + nick).send("USER u 0 * :Web " + nick);
            expect(l -> l.contains(" 376 ") || l.contains(" 422 "));
            return this;
        }

        String expect(Predicate<String> p) {
            while (true) {
                String f;
                try {
                    f = frames.poll(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                if (f == null) {
                    throw new AssertionError("no matching frame in 10 s");
                }
                assertThat(f).doesNotContain("\r").doesNotContain("\n");
                if (p.test(f.substring(2))) {
                    return f;
                }
            }
        }

        /** A frame's line prefixed with {@code T } (text frame) or {@code B } (binary frame). */
        String expect(String fragment) {
            return expect(l -> l.contains(fragment));
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                frames.add("T " + text);
                text.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            binary.writeBytes(b);
            if (last) {
                frames.add("B " + binary.toString(StandardCharsets.UTF_8));
                binary.reset();
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            return null;
        }
    }

    static HttpResponse<String> get(InetSocketAddress http, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.getPort() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWebSocketUserChatsWithATcpUserInARoom() {
        try (TestServer server = TestServer.startWithHttp();
                RawClient tcp = server.register("tcpuser")) {
            WsClient web = WsClient.connect(server.http(), "text.ircv3.net").register("webuser");
            assertThat(web.ws.getSubprotocol()).isEqualTo("text.ircv3.net");
            web.send("JOIN #both").expect(" 366 ");
            tcp.send("JOIN #both").expect(" 366 ");
            assertThat(web.expect("JOIN")).startsWith("T :tcpuser!");
            web.send("PRIVMSG #both :你好 from the browser");
            assertThat(tcp.expect("PRIVMSG")).startsWith(":webuser!").endsWith("PRIVMSG #both :你好 from the browser");
            tcp.send("PRIVMSG #both :hello from irssi");
            assertThat(web.expect("PRIVMSG")).endsWith("PRIVMSG #both :hello from irssi");
            tcp.send("PRIVMSG webuser :a whisper");
            assertThat(web.expect("a whisper")).startsWith("T :tcpuser!");
        }
    }

    @Test
    void theBinarySubprotocolGetsBinaryFramesAndNoSubprotocolMeansText() {
        try (TestServer server = TestServer.startWithHttp();
                RawClient tcp = server.register("tcpuser")) {
            WsClient bin = WsClient.connect(server.http(), "binary.ircv3.net", "text.ircv3.net")
                    .register("binuser");
            assertThat(bin.ws.getSubprotocol()).isEqualTo("binary.ircv3.net");
            WsClient none = WsClient.connect(server.http()).register("plainws");
            assertThat(none.ws.getSubprotocol()).isEmpty();
            tcp.send("PRIVMSG binuser :字 bytes").send("PRIVMSG plainws :text please");
            assertThat(bin.expect("PRIVMSG")).isEqualTo("B :tcpuser!u@127.0.0.1 PRIVMSG binuser :字 bytes");
            assertThat(none.expect("PRIVMSG")).isEqualTo("T :tcpuser!u@127.0.0.1 PRIVMSG plainws :text please");
            // a binary client may send text frames too; both are one line each
            bin.send("PRIVMSG tcpuser :back");
            assertThat(tcp.expect("back")).startsWith(":binuser!");
        }
    }

    @Test
    void healthMetricsAndUnknownPaths() throws Exception {
        try (TestServer server = TestServer.startWithHttp()) {
            HttpResponse<String> health = get(server.http(), "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok\n");
            assertThat(health.headers().firstValue("x-content-type-options")).contains("nosniff");
            assertThat(health.headers().firstValue("content-security-policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
            HttpResponse<String> page = get(server.http(), "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(page.headers().firstValue("content-security-policy"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'self'"));
            assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\">");
            assertThat(get(server.http(), "/nothing-here").statusCode()).isEqualTo(404);
            HttpResponse<String> metrics = get(server.http(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
        }
    }

    @Test
    void metricsCountConnectionsMessagesDeliveriesAndCommits() throws Exception {
        try (TestServer server = TestServer.startWithHttp()) {
            String before = get(server.http(), "/metrics").body();
            assertThat(value(before, "chatroom_connections{protocol=\"websocket\"}"))
                    .isZero();
            assertThat(value(before, "chatroom_store_commit_seconds_count")).isZero();
            try (RawClient tcp = server.register("tcpuser")) {
                WsClient web = WsClient.connect(server.http(), "text.ircv3.net").register("webuser");
                web.send("PRIVMSG tcpuser :counted");
                tcp.expect("counted");
                String after = get(server.http(), "/metrics").body();
                assertThat(value(after, "chatroom_connections{protocol=\"websocket\"}"))
                        .isEqualTo(1);
                assertThat(value(after, "chatroom_connections{protocol=\"irc\"}"))
                        .isEqualTo(1);
                assertThat(value(after, "chatroom_messages_in_total{protocol=\"websocket\"}"))
                        .isGreaterThanOrEqualTo(3);
                assertThat(value(after, "chatroom_deliveries_out_total"))
                        .isGreaterThan(value(before, "chatroom_deliveries_out_total"));
                assertThat(value(after, "chatroom_store_commit_seconds_count")).isGreaterThanOrEqualTo(1);
                assertThat(value(after, "chatroom_sendq_disconnects_total")).isZero();
                web.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> value(
                                        get(server.http(), "/metrics").body(),
                                        "chatroom_connections{protocol=\"websocket\"}")
                                == 0);
            }
        }
    }

    /** The value of one sample in the Prometheus text exposition. */
    private static double value(String exposition, String sample) {
        return exposition
                .lines()
                .filter(l -> l.startsWith(sample + " "))
                .map(l -> Double.parseDouble(l.substring(sample.length() + 1).trim()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + sample + " in\n" + exposition));
    }

    @Test
    void aSilentBrowserIsPingedThenTimedOutWhileOneThatAnswersStays() {
        try (TestServer server =
                TestServer.startWithHttp(t -> t.withPing(Duration.ofMillis(200), Duration.ofMillis(300)))) {
            WsClient silent = WsClient.connect(server.http(), "text.ircv3.net").register("silent");
            WsClient alive = WsClient.connect(server.http(), "text.ircv3.net").register("alive");
            for (int i = 0; i < 3; i++) {
                String ping = alive.expect(l -> l.startsWith("PING"));
                alive.send("PONG " + ping.substring(5));
            }
            silent.expect("PING");
            silent.expect("ERROR :Ping timeout");
            assertThat(silent.closed).succeedsWithin(Duration.ofSeconds(10));
            alive.send("PING :still-here").expect("still-here");
        }
    }

    @Test
    void anOverlongLineIsAnsweredLikeOnTcpAndAnOversizedFrameClosesWithAReason() {
        try (TestServer server = TestServer.startWithHttp()) {
            WsClient web = WsClient.connect(server.http(), "text.ircv3.net").register("webuser");
            web.send("PRIVMSG webuser :" + "x".repeat(600));
            web.expect(" 417 ");
            web.send("PING :still-here").expect("still-here");
            web.send("PRIVMSG webuser :" + "x".repeat(5000));
            assertThat(web.closed)
                    .succeedsWithin(Duration.ofSeconds(10))
                    .asString()
                    .startsWith("1009 ");
        }
    }

    @Test
    void invalidUtf8InATextFrameClosesWithAReason() {
        try (TestServer server = TestServer.startWithHttp();
                RawWebSocket raw = RawWebSocket.open(server.http())) {
            raw.sendFrame(RawWebSocket.TEXT, new byte[] {'P', 'I', 'N', 'G', ' ', (byte) 0xC3, (byte) 0x28});
            RawWebSocket.Close close = raw.readClose();
            assertThat(close.code()).isEqualTo(1007);
            assertThat(close.reason()).isNotBlank();
        }
    }

    @Test
    void invalidUtf8InABinaryFrameIsAnsweredLikeOnTcp() {
        try (TestServer server = TestServer.startWithHttp();
                RawClient tcp = server.register("tcpuser")) {
            WsClient web = WsClient.connect(server.http(), "binary.ircv3.net").register("webuser");
            web.ws
                    .sendBinary(
                            ByteBuffer.wrap("PRIVMSG tcpuser :caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)), true)
                    .join();
            assertThat(web.expect("INVALID_UTF8")).contains("FAIL PRIVMSG INVALID_UTF8");
        }
    }

    @Test
    void aPlainRequestToTheWebSocketPathGets426AndAClose() {
        try (TestServer server = TestServer.startWithHttp();
                RawWebSocket raw = RawWebSocket.socket(server.http())) {
            raw.write("GET /irc HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String response = raw.readToEnd();
            assertThat(response).startsWith("HTTP/1.1 426 ").contains("text.ircv3.net");
        }
    }

    @Test
    void garbageIsAnsweredWith400AndAClose() {
        try (TestServer server = TestServer.startWithHttp();
                RawWebSocket raw = RawWebSocket.socket(server.http());
                RawClient tcp = server.register("survivor")) {
            raw.write("\u0016\u0003\u0001 NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(raw.readToEnd()).startsWith("HTTP/1.1 400 ");
            tcp.send("PING :alive").expect("alive");
        }
    }

    @Test
    void shutdownClosesWebSocketsWithTheReason() {
        TestServer server = TestServer.startWithHttp();
        WsClient web = WsClient.connect(server.http(), "text.ircv3.net").register("webuser");
        server.close();
        assertThat(web.closed).succeedsWithin(Duration.ofSeconds(10)).asString().startsWith("1000 ");
        assertThat(web.frames).anySatisfy(f -> assertThat(f).startsWith("T ERROR :"));
    }

    @Test
    void withACertificateTheHttpPortSpeaksTls(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir) {
        try (TestServer server = TestServer.startWithHttps(dataDir);
                RawClient https = RawClient.connectTls(server.http(), cert -> {})) {
            https.send("GET /healthz HTTP/1.1").send("Host: 127.0.0.1").send("");
            https.expect("HTTP/1.1 200 OK");
            https.expect("ok");
        }
    }

    @Test
    void aConnectionOverTheLimitGets503WithTheReason() {
        try (TestServer server = TestServer.startWithHttp(t -> t.withConnectionLimits(1, 0));
                RawClient first = server.register("first");
                RawWebSocket second = RawWebSocket.socket(server.http())) {
            second.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(second.readToEnd()).startsWith("HTTP/1.1 503 ").contains("Too many connections");
            first.send("PING :fine").expect("fine");
        }
    }
}
