package chatroom.transport;

import chatroom.core.Connection;
import chatroom.protocol.IrcMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
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

    /**
     * After the goodbye is written: end our side (FIN), then read and drop what the client still sends until it closes
     * too, or the grace period ends. Closing with unread input would send a reset, which can destroy the goodbye in
     * the client's receive buffer before it reads it, e.g. a refused client that sent its registration at once (the
     * lingering close of web servers).
     */
    private static final ChannelFutureListener LINGERING_CLOSE = written -> {
        Channel ch = written.channel();
        if (!written.isSuccess() || !(ch instanceof DuplexChannel duplex) || !ch.isActive()) {
            ch.close();
            return;
        }
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        ChannelFuture ended = tls == null ? ch.newSucceededFuture() : tls.closeOutbound();
        ended.addListener(done -> {
            if (!done.isSuccess() || !ch.isActive()) {
                ch.close();
                return;
            }
            SessionHandler session = ch.pipeline().get(SessionHandler.class);
            if (session != null) {
                session.ended();
            }
            ch.pipeline().addFirst(Drop.INSTANCE);
            // once the client's FIN arrives the channel closes itself (half-closure is not allowed)
            duplex.shutdownOutput().addListener(shut -> {
                if (shut.isSuccess()) {
                    ch.config().setAutoRead(true);
                } else {
                    ch.close();
                }
            });
        });
    };

    private Disconnector() {}

    /** The first stage of a closing connection: everything read is dropped. */
    @ChannelHandler.Sharable
    private static final class Drop extends ChannelInboundHandlerAdapter {
        static final Drop INSTANCE = new Drop();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {}

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

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
            ch.writeAndFlush(res).addListener(LINGERING_CLOSE);
        } else if (ch.pipeline().get(WebSocketIrcCodec.class) != null) {
            // the ERROR line in its own frame, then a close frame with the reason (at most 123 bytes)
            ch.write(Unpooled.copiedBuffer("ERROR :" + reason, StandardCharsets.UTF_8));
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE, closeReason(reason)))
                    .addListener(LINGERING_CLOSE);
        } else {
            // plain-text sessions get the ERROR rendered by their translator, with the time like every other line
            Object goodbye = (c != null && c.protocol() == Connection.Protocol.PLAIN)
                    ? IrcMessage.of("ERROR", reason)
                    : Unpooled.copiedBuffer("ERROR :" + reason + "\r\n", StandardCharsets.UTF_8);
            ch.writeAndFlush(goodbye).addListener(LINGERING_CLOSE);
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
