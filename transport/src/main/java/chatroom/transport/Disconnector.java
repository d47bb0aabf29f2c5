package chatroom.transport;

import chatroom.core.Connection;
import chatroom.protocol.IrcMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the server closes a connection (hivemq {@code MqttServerDisconnector}): it writes {@code ERROR :reason}
 * (plain-text sessions get a readable line), logs once, and closes after the write. Must run on the channel's event
 * loop or be safe to submit there; it submits itself when called from elsewhere.
 */
public final class Disconnector {
    private static final Logger log = LoggerFactory.getLogger(Disconnector.class);
    static final AttributeKey<Boolean> CLOSING = AttributeKey.valueOf("chatroom.closing");

    private static final int CLOSE_GRACE_SECONDS = 2;

    private Disconnector() {}

    public static void disconnect(Channel ch, String reason) {
        if (!ch.eventLoop().inEventLoop()) {
            ch.eventLoop().execute(() -> disconnect(ch, reason));
            return;
        }
        if (Boolean.TRUE.equals(ch.attr(CLOSING).getAndSet(true))) {
            return;
        }
        SessionHandler session = ch.pipeline().get(SessionHandler.class);
        NettyConnection c = session == null ? null : session.connection();
        if (c != null) {
            c.closeReason(reason);
        }
        log.info("disconnecting {}: {}", NettyConnection.addressOf(ch.remoteAddress()), reason);
        ch.config().setAutoRead(false);
        if (ch.pipeline().get(HttpServerCodec.class) != null) {
            // an HTTP connection (no WebSocket yet), e.g. refused by the connection limiter: an HTTP answer
            FullHttpResponse res = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1,
                    HttpResponseStatus.SERVICE_UNAVAILABLE,
                    Unpooled.copiedBuffer(reason + "\n", StandardCharsets.UTF_8));
            res.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ch.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        } else if (ch.pipeline().get(WebSocketIrcCodec.class) != null) {
            // the ERROR line in its own frame, then a close frame with the reason (at most 123 bytes)
            ch.write(Unpooled.copiedBuffer("ERROR :" + reason, StandardCharsets.UTF_8));
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, closeReason(reason)))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            // plain-text sessions get the ERROR rendered by their translator, with the time like every other line
            Object goodbye = (c != null && c.protocol() == Connection.Protocol.PLAIN)
                    ? IrcMessage.of("ERROR", reason)
                    : Unpooled.copiedBuffer("ERROR :" + reason + "\r\n", StandardCharsets.UTF_8);
            ch.writeAndFlush(goodbye).addListener(ChannelFutureListener.CLOSE);
        }
        // a client that does not read never completes the write: close anyway after a grace period
        ch.eventLoop().schedule(() -> ch.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** A WebSocket close reason is at most 123 bytes of UTF-8; longer ones are cut at a character boundary. */
    static String closeReason(String reason) {
        byte[] b = reason.getBytes(StandardCharsets.UTF_8);
        if (b.length <= 123) {
            return reason;
        }
        int keep = 123;
        while (keep > 0 && (b[keep] & 0xC0) == 0x80) {
            keep--;
        }
        return new String(b, 0, keep, StandardCharsets.UTF_8);
    }

    static boolean closing(Channel ch) {
        // hasAttr first: attr() would add the attribute to every connection it is asked about
        return ch.hasAttr(CLOSING) && Boolean.TRUE.equals(ch.attr(CLOSING).get());
    }
}
