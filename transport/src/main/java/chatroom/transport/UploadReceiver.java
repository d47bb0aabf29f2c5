package chatroom.transport;

import chatroom.core.upload.Upload;
import chatroom.core.upload.UploadGrants;
import chatroom.core.upload.UploadPolicy;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /upload} (ISUPPORT {@code draft/FILEHOST}): the request body is the file, its {@code Content-Type} the
 * file's type, its name in {@code Content-Disposition} ({@code filename*=} or {@code filename=}) or {@code ?name=}, and
 * {@code Authorization: Bearer <token>} a token from the IRC command {@code UPLOAD}. Sits before the HTTP aggregator,
 * so a body may be as large as the upload policy allows while every other request stays small; the body is held in
 * memory up to that limit and stored off the event loop. Answers 201 with {@code Location: /files/<id>/<name>}.
 */
final class UploadReceiver extends ChannelInboundHandlerAdapter {
    static final String PATH = "/upload";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChatChannelInitializer.Shared shared;
    private @Nullable Receiving current;

    UploadReceiver(ChatChannelInitializer.Shared shared) {
        this.shared = shared;
    }

    /** One upload in progress: what the headers said, the body so far, and whether the token was accepted. */
    private static final class Receiving {
        final HttpRequest request;
        final String name;
        final String contentType;
        final CompositeByteBuf body;
        boolean ended;
        boolean refused;
        UploadGrants.@Nullable Grant grant;
        boolean checked;

        Receiving(HttpRequest request, String name, String contentType, CompositeByteBuf body) {
            this.request = request;
            this.name = name;
            this.contentType = contentType;
            this.body = body;
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Receiving r = current;
        if (r != null && msg instanceof HttpContent content) {
            receive(ctx, r, content);
            return;
        }
        if (msg instanceof HttpRequest req
                && new QueryStringDecoder(req.uri()).path().equals(PATH)
                && !req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            start(ctx, req);
            if (msg instanceof HttpContent content && current != null) {
                receive(ctx, current, content);
            } else {
                ReferenceCountUtil.release(msg);
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void start(ChannelHandlerContext ctx, HttpRequest req) {
        UploadPolicy policy = shared.config().uploads();
        current = discarding(req); // until the request is accepted, whatever body it has is dropped
        if (!req.method().equals(HttpMethod.POST)) {
            refuse(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "Upload with POST");
            return;
        }
        if (policy.who() == UploadPolicy.Who.OFF) {
            refuse(ctx, HttpResponseStatus.FORBIDDEN, "File sharing is off on this server");
            return;
        }
        long length = HttpUtil.getContentLength(req, -1L);
        if (length > policy.maxBytes()) {
            refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, tooLarge(policy));
            return;
        }
        String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream");
        if (!policy.accepts(type)) {
            refuse(ctx, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "Files of type " + type + " are not accepted");
            return;
        }
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() < 8) {
            DefaultFullHttpResponse res = HttpRouter.textResponse(
                    HttpResponseStatus.UNAUTHORIZED, "Ask for a token with the IRC command UPLOAD", false);
            res.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"chatroom\"");
            answerAndClose(ctx, res);
            return;
        }
        Receiving r = new Receiving(req, fileName(req), type, ctx.alloc().compositeBuffer(Integer.MAX_VALUE));
        current = r;
        String token = auth.substring(7).trim();
        var state = shared.state();
        try {
            shared.hub().execute(() -> {
                UploadGrants.Grant grant = state.uploadGrants().find(token, state.now());
                ctx.executor().execute(() -> checked(ctx, r, grant));
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "The server is stopping");
        }
    }

    /** A request whose answer was sent: the rest of its body is dropped and the connection closes. */
    private static Receiving discarding(HttpRequest req) {
        Receiving r = new Receiving(req, "", "", io.netty.buffer.Unpooled.compositeBuffer());
        r.refused = true;
        return r;
    }

    private void checked(ChannelHandlerContext ctx, Receiving r, UploadGrants.@Nullable Grant grant) {
        if (r.refused || current != r) {
            return;
        }
        r.checked = true;
        r.grant = grant;
        if (grant == null) {
            refuse(ctx, HttpResponseStatus.UNAUTHORIZED, "The upload token is wrong or expired; ask again with UPLOAD");
            return;
        }
        if (HttpUtil.is100ContinueExpected(r.request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        if (r.ended) {
            store(ctx, r);
        }
    }

    private void receive(ChannelHandlerContext ctx, Receiving r, HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (r.refused) {
            content.release();
            if (last) {
                r.ended = true;
                ctx.close(); // the answer went out before; the rest of the body has been read
            }
            return;
        }
        if (r.body.readableBytes() + (long) content.content().readableBytes()
                > shared.config().uploads().maxBytes()) {
            content.release();
            refuse(
                    ctx,
                    HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                    tooLarge(shared.config().uploads()));
            return;
        }
        r.body.addComponent(true, content.content().retain());
        content.release();
        if (last) {
            r.ended = true;
            if (r.checked) {
                store(ctx, r);
            }
        }
    }

    /** Hashes and stores the body off the event loop, then answers 201 on it. */
    private void store(ChannelHandlerContext ctx, Receiving r) {
        UploadGrants.Grant grant = java.util.Objects.requireNonNull(r.grant);
        current = null;
        ByteBuf body = r.body;
        String id = newId();
        shared.blocking().execute(() -> {
            try {
                String sha = sha256(body);
                Upload upload = new Upload(
                        id,
                        sha,
                        r.name,
                        r.contentType,
                        body.readableBytes(),
                        grant.nick(),
                        grant.account(),
                        Instant.now());
                try (InputStream in = new ByteBufInputStream(body.duplicate())) {
                    shared.uploads().put(upload, in);
                }
                shared.metrics().uploaded(upload.size());
                String location = FileServer.PATH + id + "/"
                        + URLEncoder.encode(r.name, StandardCharsets.UTF_8).replace("+", "%20");
                ctx.executor().execute(() -> {
                    DefaultFullHttpResponse res = HttpRouter.textResponse(HttpResponseStatus.CREATED, location, false);
                    res.headers().set(HttpHeaderNames.LOCATION, location);
                    HttpRouter.send(ctx, res, HttpUtil.isKeepAlive(r.request));
                });
            } catch (IOException | RuntimeException e) {
                ctx.executor()
                        .execute(() ->
                                refuse(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "The file could not be stored"));
            } finally {
                body.release();
            }
        });
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String why) {
        Receiving r = current;
        if (r != null) {
            r.refused = true;
            if (r.body.refCnt() > 0) {
                r.body.release();
            }
        }
        answerAndClose(ctx, HttpRouter.textResponse(status, why, false));
    }

    /**
     * Answers, then closes once the request's body has been read (and dropped): closing with unread bytes would reset
     * the connection, and a client still sending a large body could lose the answer. The HTTP idle timeout ends a
     * client that stops sending halfway.
     */
    private void answerAndClose(ChannelHandlerContext ctx, DefaultFullHttpResponse res) {
        Receiving r = current;
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        var written = ctx.writeAndFlush(res);
        if (r == null || r.ended) {
            written.addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Receiving r = current;
        if (r != null && !r.refused && r.body.refCnt() > 0) {
            r.refused = true;
            r.body.release();
        }
        ctx.fireChannelInactive();
    }

    /** The file's name from Content-Disposition or ?name=, without any folder part or control characters. */
    static String fileName(HttpRequest req) {
        String name = null;
        String disposition = req.headers().get("Content-Disposition", "");
        var star = java.util.regex.Pattern.compile(
                        "filename\\*=UTF-8''([^;]+)", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(disposition);
        var plain = java.util.regex.Pattern.compile(
                        "filename=\"?([^\";]+)\"?", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(disposition);
        if (star.find()) {
            name = java.net.URLDecoder.decode(star.group(1).trim().replace("+", "%2B"), StandardCharsets.UTF_8);
        } else if (plain.find()) {
            name = plain.group(1).trim();
        } else {
            var q = new QueryStringDecoder(req.uri()).parameters().get("name");
            name = q == null || q.isEmpty() ? null : q.get(0);
        }
        if (name == null) {
            return "file";
        }
        String clean =
                name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
            return "file";
        }
        return clean.codePointCount(0, clean.length()) > 200
                ? clean.substring(0, clean.offsetByCodePoints(0, 200))
                : clean;
    }

    private static String tooLarge(UploadPolicy policy) {
        return "Files may be at most " + policy.maxBytes() / 1024 + " KiB";
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(ByteBuf body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ByteBuffer b : body.nioBuffers()) {
                digest.update(b);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
