package chatroom.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP port's requests before any WebSocket: {@code /irc} (and {@code /}) with a WebSocket upgrade go on to
 * Netty's {@code WebSocketServerProtocolHandler}; {@code /healthz} answers once the hub has run a task; {@code
 * /metrics} is the Prometheus text exposition; everything else is 404. Requests that do not parse get 400 and a close.
 * Every answer is small text with {@code nosniff} and a Content-Security-Policy that allows nothing.
 */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String IRC_PATH = "/irc";
    private static final long HEALTH_TIMEOUT_SECONDS = 5;

    private final ChatChannelInitializer.Shared shared;

    HttpRouter(ChatChannelInitializer.Shared shared) {
        super(FullHttpRequest.class, true);
        this.shared = shared;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (req.decoderResult().isFailure()) {
            String why = String.valueOf(req.decoderResult().cause().getMessage());
            respond(ctx, req, HttpResponseStatus.BAD_REQUEST, "Bad request: " + why, false);
            return;
        }
        String path = new QueryStringDecoder(req.uri()).path();
        boolean upgrade = req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
        // "/" too: irctest and clients configured with a bare ws://host:port connect there (Ergo accepts any path)
        if (path.equals(IRC_PATH) || (path.equals("/") && upgrade)) {
            if (!upgrade) {
                respond(
                        ctx,
                        req,
                        HttpResponseStatus.UPGRADE_REQUIRED,
                        "IRC over WebSocket: connect with a WebSocket client (subprotocol " + WebSocketIrcCodec.TEXT
                                + " or " + WebSocketIrcCodec.BINARY + ")",
                        false);
                return;
            }
            req.setUri(IRC_PATH);
            ctx.fireChannelRead(req.retain());
            return;
        }
        boolean read = req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD);
        switch (path) {
            case "/healthz" -> {
                if (read) {
                    health(ctx, req.retain());
                } else {
                    respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "Use GET", false);
                }
            }
            case "/metrics" -> {
                if (read) {
                    metrics(ctx, req);
                } else {
                    respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "Use GET", false);
                }
            }
            default -> {
                if (path.startsWith(AdminApi.PATH)) {
                    shared.admin().handle(ctx, req, path, shared);
                } else if (read && (path.equals("/admin") || path.equals("/admin/"))) {
                    StaticFiles.File page = shared.web().find("/admin/admin.html");
                    if (page != null) {
                        web(ctx, req, page);
                    } else {
                        respond(ctx, req, HttpResponseStatus.NOT_FOUND, "Not found", HttpUtil.isKeepAlive(req));
                    }
                } else if (path.startsWith(FileServer.PATH)) {
                    FileServer.serve(ctx, req, path, shared);
                } else if (read && shared.web().find(path) != null) {
                    web(ctx, req, java.util.Objects.requireNonNull(shared.web().find(path)));
                } else {
                    respond(ctx, req, HttpResponseStatus.NOT_FOUND, "Not found", HttpUtil.isKeepAlive(req));
                }
            }
        }
    }

    /** The browser client's files, with a policy that lets the page use only itself and its own WebSocket. */
    private static void web(ChannelHandlerContext ctx, FullHttpRequest req, StaticFiles.File file) {
        boolean head = req.method().equals(HttpMethod.HEAD);
        FullHttpResponse res;
        if (file.etag().equals(req.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
        } else {
            res = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.OK, head ? Unpooled.EMPTY_BUFFER : file.content());
            res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, file.length());
        }
        res.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, file.contentType())
                .set(HttpHeaderNames.ETAG, file.etag())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set(
                        "Content-Security-Policy",
                        "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; media-src 'self';"
                                + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        send(ctx, res, HttpUtil.isKeepAlive(req));
    }

    /** 200 once the hub has run a task for us, 503 if it has not within the timeout or refuses work. */
    private void health(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean[] answered = {false};
        ScheduledFuture<?> timeout = ctx.executor()
                .schedule(
                        () -> {
                            if (!answered[0]) {
                                answered[0] = true;
                                respond(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, "hub not answering", false);
                                req.release();
                            }
                        },
                        HEALTH_TIMEOUT_SECONDS,
                        TimeUnit.SECONDS);
        try {
            shared.hub()
                    .execute(() -> ctx.executor().execute(() -> {
                        if (!answered[0]) {
                            answered[0] = true;
                            timeout.cancel(false);
                            respond(ctx, req, HttpResponseStatus.OK, "ok", HttpUtil.isKeepAlive(req));
                            req.release();
                        }
                    }));
        } catch (RejectedExecutionException e) {
            answered[0] = true;
            timeout.cancel(false);
            respond(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, "shutting down", false);
            req.release();
        }
    }

    /**
     * The scrape runs on a virtual thread: the histogram's collection may wait briefly for an observation in flight on
     * the history writer, and an event loop never waits. The response is written from there (Netty hands it over).
     */
    private void metrics(ChannelHandlerContext ctx, FullHttpRequest req) {
        HttpMethod method = req.method();
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        ServerMetrics metrics = shared.metrics();
        Thread.ofVirtual().name("chatroom-metrics").start(() -> {
            byte[] body = metrics.scrape();
            FullHttpResponse res = response(method, HttpResponseStatus.OK, body);
            res.headers().set(HttpHeaderNames.CONTENT_TYPE, metrics.contentType());
            send(ctx, res, keepAlive);
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            ctx.close(); // an HTTP connection nobody uses (the idle stage goes once a WebSocket is up)
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    static void respond(
            ChannelHandlerContext ctx, FullHttpRequest req, HttpResponseStatus status, String text, boolean keepAlive) {
        FullHttpResponse res = response(req.method(), status, (text + "\n").getBytes(StandardCharsets.UTF_8));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (status.equals(HttpResponseStatus.UPGRADE_REQUIRED)) {
            res.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
        }
        send(ctx, res, keepAlive);
    }

    /** A small text answer (HEAD: headers only) with the headers every answer of this port has. */
    static DefaultFullHttpResponse textResponse(HttpResponseStatus status, String text, boolean head) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        DefaultFullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        res.headers()
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .set("X-Content-Type-Options", "nosniff")
                .set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return res;
    }

    private static FullHttpResponse response(HttpMethod method, HttpResponseStatus status, byte[] body) {
        boolean head = method.equals(HttpMethod.HEAD);
        FullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        res.headers()
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set("X-Content-Type-Options", "nosniff")
                .set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return res;
    }

    static void send(ChannelHandlerContext ctx, FullHttpResponse res, boolean keepAlive) {
        if (keepAlive) {
            HttpUtil.setKeepAlive(res, true);
            ctx.writeAndFlush(res);
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
