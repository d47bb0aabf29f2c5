package chatroom.transport;

import chatroom.core.Passwords;
import chatroom.core.ServerConfig;
import chatroom.core.command.AdminActions;
import chatroom.protocol.CaseMapping;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin dashboard's JSON API under {@code /admin/api/}. {@code login} checks an operator's name and password
 * ({@code --oper}; bcrypt off the event loop, failures throttled like IRC logins) and sets an {@code HttpOnly;
 * SameSite=Strict} session cookie; it answers a CSRF token. {@code state} (GET) needs the cookie; every action (POST)
 * needs the cookie, a JSON body, the token in {@code X-Chatroom-CSRF} and, when the browser sends an {@code Origin},
 * the server's own.
 */
final class AdminApi {
    static final String PATH = "/admin/api/";
    static final String COOKIE = "chatroom_admin";
    static final String CSRF_HEADER = "X-Chatroom-CSRF";
    private static final Logger log = LoggerFactory.getLogger(AdminApi.class);

    private final ChatServer server;
    private final AdminSessions sessions;
    private final AdminActions actions;
    private final Supplier<List<String>> recentLog;

    AdminApi(ChatServer server, AdminActions actions, Supplier<List<String>> recentLog) {
        this.server = server;
        this.actions = actions;
        this.recentLog = recentLog;
        this.sessions = new AdminSessions(java.time.InstantSource.system());
    }

    void handle(ChannelHandlerContext ctx, FullHttpRequest req, String path, ChatChannelInitializer.Shared shared) {
        String action = path.substring(PATH.length());
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        boolean post = req.method().equals(HttpMethod.POST);
        if (action.equals("state") ? !req.method().equals(HttpMethod.GET) : !post) {
            json(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, error("Use " + (post ? "GET" : "POST")), keepAlive);
            return;
        }
        if (post && !sameOrigin(ctx, req)) {
            json(ctx, HttpResponseStatus.FORBIDDEN, error("Cross-origin request refused"), keepAlive);
            return;
        }
        Map<String, String> body = post ? AdminJson.parse(ByteBufUtil.getBytes(req.content())) : Map.of();
        if (body == null || (post && !isJson(req))) {
            json(ctx, HttpResponseStatus.BAD_REQUEST, error("Send a JSON object"), keepAlive);
            return;
        }
        if (action.equals("login")) {
            login(ctx, shared, body, keepAlive);
            return;
        }
        String id = sessionId(req);
        AdminSessions.Login login = sessions.find(id);
        if (login == null || id == null) {
            json(ctx, HttpResponseStatus.UNAUTHORIZED, error("Log in first"), keepAlive);
            return;
        }
        if (post && !login.csrf().equals(req.headers().get(CSRF_HEADER))) {
            json(ctx, HttpResponseStatus.FORBIDDEN, error("Missing or wrong " + CSRF_HEADER + " header"), keepAlive);
            return;
        }
        switch (action) {
            case "state" -> state(ctx, shared, login, keepAlive);
            case "logout" -> {
                sessions.remove(id);
                FullHttpResponse res = response(HttpResponseStatus.OK, AdminJson.object(Map.of("text", "Logged out")));
                res.headers().set(HttpHeaderNames.SET_COOKIE, cookie(ctx, "", 0));
                HttpRouter.send(ctx, res, keepAlive);
            }
            case "notice", "kick", "ban", "close-room", "stop" -> act(ctx, action, body, login.oper(), keepAlive);
            default -> json(ctx, HttpResponseStatus.NOT_FOUND, error("No such action"), keepAlive);
        }
    }

    private void act(ChannelHandlerContext ctx, String action, Map<String, String> body, String oper, boolean keep) {
        String given = body.getOrDefault("reason", "").strip();
        String reason = given.isEmpty() ? "By order of the server operator" : given;
        log.info("admin {}: {} {}", oper, action, body);
        CompletableFuture<AdminActions.Outcome> done;
        switch (action) {
            case "notice" -> {
                String text = body.getOrDefault("text", "");
                if (text.isBlank()) {
                    json(ctx, HttpResponseStatus.BAD_REQUEST, error("Give a text"), keep);
                    return;
                }
                done = server.announce(text).thenApply(n -> new AdminActions.Outcome(true, "Notice sent to " + n));
            }
            case "kick" -> {
                String room = body.getOrDefault("room", "");
                String nick = body.getOrDefault("nick", "");
                done = server.onHub(st -> actions.kick(room, nick, reason));
            }
            case "close-room" -> {
                String room = body.getOrDefault("room", "");
                done = server.onHub(st -> actions.closeRoom(room, reason));
            }
            case "ban" -> {
                String target = body.getOrDefault("target", "");
                long minutes;
                try {
                    minutes = Long.parseLong(body.getOrDefault("minutes", "0").strip());
                } catch (NumberFormatException e) {
                    minutes = -1;
                }
                if (target.isBlank() || minutes < 0) {
                    json(ctx, HttpResponseStatus.BAD_REQUEST, error("Give a nick or mask and minutes >= 0"), keep);
                    return;
                }
                Duration lifetime = Duration.ofMinutes(minutes);
                done = server.onHub(st -> actions.kline(target.strip(), reason, lifetime, oper));
            }
            default -> {
                // stop: answer first, then shut down on a thread of its own (shutdown waits for the event loops)
                json(ctx, HttpResponseStatus.ACCEPTED, AdminJson.object(Map.of("text", "Stopping")), false);
                Thread.ofVirtual()
                        .name("chatroom-admin-stop")
                        .start(() -> server.requestStop("Server stopped by operator " + oper));
                return;
            }
        }
        done.whenCompleteAsync(
                (o, e) -> {
                    if (e != null) {
                        json(
                                ctx,
                                HttpResponseStatus.INTERNAL_SERVER_ERROR,
                                error(String.valueOf(e.getMessage())),
                                keep);
                    } else {
                        json(
                                ctx,
                                o.done() ? HttpResponseStatus.OK : HttpResponseStatus.UNPROCESSABLE_ENTITY,
                                AdminJson.object(Map.of("text", o.text())),
                                keep);
                    }
                },
                ctx.executor()); // the answer is written on the connection's event loop, not the hub
    }

    /** Throttle check and bookkeeping on the hub, the bcrypt check on a virtual thread. */
    private void login(
            ChannelHandlerContext ctx, ChatChannelInitializer.Shared shared, Map<String, String> body, boolean keep) {
        String name = body.getOrDefault("name", "");
        String password = body.getOrDefault("password", "");
        String key = "admin:" + CaseMapping.fold(name);
        String address =
                ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        ServerConfig.Oper oper = shared.config().opers().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElse(null);
        shared.hub().execute(() -> {
            Duration wait = shared.state()
                    .loginThrottle()
                    .wait(key, address, shared.state().now());
            if (!wait.isZero()) {
                FullHttpResponse res =
                        response(HttpResponseStatus.TOO_MANY_REQUESTS, error("Too many failed logins; wait a while"));
                res.headers().setInt(HttpHeaderNames.RETRY_AFTER, (int) Math.max(1, wait.toSeconds()));
                HttpRouter.send(ctx, res, keep);
                return;
            }
            shared.blocking().execute(() -> {
                boolean ok = oper != null && Passwords.verify(password, oper.passwordHash());
                shared.hub().execute(() -> {
                    if (ok) {
                        shared.state().loginThrottle().succeeded(key);
                    } else {
                        shared.state()
                                .loginThrottle()
                                .failed(key, address, shared.state().now());
                    }
                });
                if (!ok) {
                    log.warn("admin login refused for '{}' from {}", name, address);
                    json(ctx, HttpResponseStatus.UNAUTHORIZED, error("Wrong name or password"), keep);
                    return;
                }
                String id = sessions.create(name);
                AdminSessions.Login login = sessions.find(id);
                log.info("admin {} logged in from {}", name, address);
                FullHttpResponse res = response(
                        HttpResponseStatus.OK,
                        AdminJson.object(Map.of("oper", name, "csrf", login == null ? "" : login.csrf())));
                res.headers().set(HttpHeaderNames.SET_COOKIE, cookie(ctx, id, AdminSessions.IDLE.toSeconds()));
                HttpRouter.send(ctx, res, keep);
            });
        });
    }

    private void state(
            ChannelHandlerContext ctx, ChatChannelInitializer.Shared shared, AdminSessions.Login login, boolean keep) {
        server.onHub(AdminJson::snapshot)
                .whenCompleteAsync(
                        (snap, e) -> {
                            if (e != null) {
                                json(
                                        ctx,
                                        HttpResponseStatus.SERVICE_UNAVAILABLE,
                                        error("The hub did not answer"),
                                        keep);
                            } else {
                                json(
                                        ctx,
                                        HttpResponseStatus.OK,
                                        AdminJson.state(snap, login.oper(), shared.metrics(), recentLog.get()),
                                        keep);
                            }
                        },
                        ctx.executor()); // the JSON is written on the connection's event loop, not the hub
    }

    private static String cookie(ChannelHandlerContext ctx, String value, long maxAgeSeconds) {
        Cookie c = new DefaultCookie(COOKIE, value);
        c.setHttpOnly(true);
        c.setPath("/admin");
        c.setMaxAge(maxAgeSeconds);
        c.setSecure(tls(ctx));
        String encoded = ServerCookieEncoder.STRICT.encode(c);
        return encoded + "; SameSite=Strict";
    }

    private static @Nullable String sessionId(FullHttpRequest req) {
        String header = req.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return null;
        }
        for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
            if (c.name().equals(COOKIE)) {
                return c.value();
            }
        }
        return null;
    }

    /** No Origin (not a browser, or a same-origin GET): fine; otherwise it must be this server as the client saw it. */
    private static boolean sameOrigin(ChannelHandlerContext ctx, FullHttpRequest req) {
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        String host = req.headers().get(HttpHeaderNames.HOST);
        return origin == null || (host != null && origin.equals((tls(ctx) ? "https://" : "http://") + host));
    }

    private static boolean isJson(FullHttpRequest req) {
        String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
        return type != null
                && HttpUtil.getMimeType(type) != null
                && HttpUtil.getMimeType(type).toString().equalsIgnoreCase("application/json");
    }

    private static boolean tls(ChannelHandlerContext ctx) {
        return ctx.pipeline().get(SslHandler.class) != null;
    }

    private static byte[] error(String text) {
        return AdminJson.object(Map.of("error", text));
    }

    private static void json(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] body, boolean keepAlive) {
        HttpRouter.send(ctx, response(status, body), keepAlive);
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        res.headers()
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON + "; charset=utf-8")
                .set("X-Content-Type-Options", "nosniff")
                .set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        return res;
    }
}
