package chatroom.transport;

import chatroom.core.upload.Upload;
import chatroom.core.upload.UploadGrants;
import chatroom.core.upload.UploadStore;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Shared files at {@code /files/<id>/<name>}: {@code GET} and {@code HEAD} with single byte ranges, {@code DELETE}
 * by the uploader's token. Files are answered with headers that keep a browser from running them: a sandboxing
 * Content-Security-Policy, {@code nosniff}, and {@code attachment} for every type that is not shown inline safely.
 * The store is read on a virtual thread, never on the event loop.
 */
final class FileServer {
    static final String PATH = "/files/";
    private static final Pattern FILE = Pattern.compile("/files/([A-Za-z0-9_-]{1,64})(/[^/]*)?");
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    /** Types a browser may show in place; anything else downloads. SVG is not here: it can carry script. */
    private static final Set<String> INLINE =
            Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "application/pdf", "text/plain");

    private FileServer() {}

    /** Answers a request under {@link #PATH}. */
    static void serve(
            ChannelHandlerContext ctx, FullHttpRequest req, String path, ChatChannelInitializer.Shared shared) {
        Matcher m = FILE.matcher(path);
        if (!m.matches()) {
            HttpRouter.send(ctx, HttpRouter.textResponse(HttpResponseStatus.NOT_FOUND, "Not found", false), false);
            return;
        }
        String id = m.group(1);
        req.retain();
        if (req.method().equals(HttpMethod.DELETE)) {
            delete(ctx, req, id, shared);
        } else if (req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD)) {
            shared.blocking().execute(() -> read(ctx, req, id, shared.uploads()));
        } else {
            answer(ctx, req, HttpRouter.textResponse(HttpResponseStatus.METHOD_NOT_ALLOWED, "Use GET", false));
        }
    }

    private static void read(ChannelHandlerContext ctx, FullHttpRequest req, String id, UploadStore store) {
        DefaultFullHttpResponse res;
        try {
            Optional<Upload> found = store.find(id);
            if (found.isEmpty()) {
                res = HttpRouter.textResponse(HttpResponseStatus.NOT_FOUND, "No such file", false);
            } else {
                res = file(req, found.get(), store);
            }
        } catch (IOException | RuntimeException e) {
            res = HttpRouter.textResponse(HttpResponseStatus.INTERNAL_SERVER_ERROR, "The file cannot be read", false);
        }
        DefaultFullHttpResponse answer = res;
        ctx.executor().execute(() -> answer(ctx, req, answer));
    }

    private static DefaultFullHttpResponse file(FullHttpRequest req, Upload u, UploadStore store) throws IOException {
        String etag = "\"" + u.sha256() + "\"";
        if (etag.equals(req.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            DefaultFullHttpResponse res =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED);
            res.headers().set(HttpHeaderNames.ETAG, etag);
            return res;
        }
        long size = u.size();
        long from = 0;
        long to = size - 1;
        HttpResponseStatus status = HttpResponseStatus.OK;
        String range = req.headers().get(HttpHeaderNames.RANGE);
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) { // the last n bytes
                    from = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    from = Long.parseLong(m.group(1));
                    to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                }
                if (from >= size || from > to) {
                    DefaultFullHttpResponse res = HttpRouter.textResponse(
                            HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "Range not satisfiable", false);
                    res.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size);
                    return res;
                }
                status = HttpResponseStatus.PARTIAL_CONTENT;
            } // several ranges or a malformed one: the whole file, as RFC 9110 allows
        }
        int length = (int) (to - from + 1);
        boolean head = req.method().equals(HttpMethod.HEAD);
        byte[] bytes = new byte[0];
        if (!head && size > 0) {
            try (InputStream in = store.open(u, from)) {
                bytes = in.readNBytes(length);
            }
        }
        DefaultFullHttpResponse res = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, status, head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes));
        String type = u.contentType().split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        boolean inline = INLINE.contains(type) || type.startsWith("audio/") || type.startsWith("video/");
        res.headers()
                .set(
                        HttpHeaderNames.CONTENT_TYPE,
                        inline
                                ? (type.equals("text/plain") ? "text/plain; charset=utf-8" : type)
                                : "application/octet-stream")
                .set(
                        HttpHeaderNames.CONTENT_DISPOSITION,
                        (inline ? "inline" : "attachment") + "; filename*=UTF-8''"
                                + URLEncoder.encode(u.name(), StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .setInt(HttpHeaderNames.CONTENT_LENGTH, size == 0 ? 0 : length)
                .set(HttpHeaderNames.ACCEPT_RANGES, "bytes")
                .set(HttpHeaderNames.ETAG, etag)
                .set(HttpHeaderNames.CACHE_CONTROL, "private, max-age=86400")
                .set("X-Content-Type-Options", "nosniff")
                .set("Content-Security-Policy", "default-src 'none'; img-src 'self'; media-src 'self'; sandbox")
                .set("Cross-Origin-Resource-Policy", "same-origin")
                .set("Referrer-Policy", "no-referrer");
        if (status.equals(HttpResponseStatus.PARTIAL_CONTENT)) {
            res.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes " + from + "-" + to + "/" + size);
        }
        return res;
    }

    /** {@code DELETE} with {@code Authorization: Bearer <token>} of the uploader's nick or account. */
    private static void delete(
            ChannelHandlerContext ctx, FullHttpRequest req, String id, ChatChannelInitializer.Shared shared) {
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION, "");
        String token =
                auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
        var state = shared.state();
        try {
            shared.hub().execute(() -> {
                UploadGrants.Grant grant =
                        token.isEmpty() ? null : state.uploadGrants().find(token, state.now());
                shared.blocking().execute(() -> deleteAs(ctx, req, id, grant, shared.uploads()));
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            answer(ctx, req, HttpRouter.textResponse(HttpResponseStatus.SERVICE_UNAVAILABLE, "Stopping", false));
        }
    }

    private static void deleteAs(
            ChannelHandlerContext ctx,
            FullHttpRequest req,
            String id,
            UploadGrants.@Nullable Grant grant,
            UploadStore store) {
        DefaultFullHttpResponse res;
        try {
            Optional<Upload> found = store.find(id);
            if (grant == null) {
                res = HttpRouter.textResponse(HttpResponseStatus.UNAUTHORIZED, "Ask for a token with UPLOAD", false);
            } else if (found.isEmpty()) {
                res = HttpRouter.textResponse(HttpResponseStatus.NOT_FOUND, "No such file", false);
            } else if (!found.get().uploadedBy(grant.nick(), grant.account())) {
                res = HttpRouter.textResponse(HttpResponseStatus.FORBIDDEN, "Only its uploader may delete it", false);
            } else {
                store.delete(id);
                res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
            }
        } catch (IOException | RuntimeException e) {
            res = HttpRouter.textResponse(
                    HttpResponseStatus.INTERNAL_SERVER_ERROR, "The file cannot be deleted", false);
        }
        DefaultFullHttpResponse answer = res;
        ctx.executor().execute(() -> answer(ctx, req, answer));
    }

    private static void answer(ChannelHandlerContext ctx, FullHttpRequest req, DefaultFullHttpResponse res) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        req.release();
        HttpRouter.send(ctx, res, keepAlive);
    }
}
