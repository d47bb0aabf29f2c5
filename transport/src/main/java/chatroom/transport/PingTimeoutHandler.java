package chatroom.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Liveness on the event loop: after the idle interval (an {@code IdleStateHandler} before this one) send {@code PING};
 * if nothing arrives within {@code timeout}, disconnect with "Ping timeout". Any inbound line is a sign of life.
 */
final class PingTimeoutHandler extends ChannelInboundHandlerAdapter {
    private final String serverName;
    private final Duration timeout;
    private boolean awaiting;

    PingTimeoutHandler(String serverName, Duration timeout) {
        this.serverName = serverName;
        this.timeout = timeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        awaiting = false;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (!(evt instanceof IdleStateEvent)) {
            super.userEventTriggered(ctx, evt);
            return;
        }
        if (awaiting) {
            return;
        }
        awaiting = true;
        ctx.writeAndFlush(Unpooled.copiedBuffer("PING :" + serverName + "\r\n", StandardCharsets.UTF_8));
        ctx.executor()
                .schedule(
                        () -> {
                            if (awaiting && ctx.channel().isActive()) {
                                Disconnector.disconnect(
                                        ctx.channel(), "Ping timeout: " + timeout.toSeconds() + " seconds");
                            }
                        },
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
    }
}
