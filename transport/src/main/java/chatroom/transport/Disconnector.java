package chatroom.transport;

import chatroom.core.Connection;
import chatroom.protocol.IrcMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
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
    static final AttributeKey<NettyConnection> CONNECTION = AttributeKey.valueOf("chatroom.connection");
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
        NettyConnection c = ch.attr(CONNECTION).get();
        if (c != null) {
            c.closeReason(reason);
        }
        log.info("disconnecting {}: {}", NettyConnection.addressOf(ch.remoteAddress()), reason);
        // plain-text sessions get the ERROR rendered by their translator, with the time like every other line
        Object goodbye = (c != null && c.protocol() == Connection.Protocol.PLAIN)
                ? IrcMessage.of("ERROR", reason)
                : Unpooled.copiedBuffer("ERROR :" + reason + "\r\n", StandardCharsets.UTF_8);
        ch.config().setAutoRead(false);
        ch.writeAndFlush(goodbye).addListener(ChannelFutureListener.CLOSE);
        // a client that does not read never completes the write: close anyway after a grace period
        ch.eventLoop().schedule(() -> ch.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    static boolean closing(Channel ch) {
        return Boolean.TRUE.equals(ch.attr(CLOSING).get());
    }
}
