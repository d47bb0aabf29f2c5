package chatroom.transport;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Liveness on the event loop: after {@code interval} without an inbound line send {@code PING}; if nothing arrives
 * within {@code timeout}, disconnect with "Ping timeout". Any inbound line is a sign of life. One timer per
 * connection, re-armed from the time of the last line (what Netty's {@code IdleStateHandler} would do with a stage
 * and a second timer more per connection).
 */
final class PingTimeoutHandler extends ChannelInboundHandlerAdapter {
    private final String serverName;
    private final long intervalNanos;
    private final long timeoutNanos;
    private long lastRead;
    private boolean awaiting;
    private @Nullable Future<?> timer;

    PingTimeoutHandler(String serverName, Duration interval, Duration timeout) {
        this.serverName = serverName;
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        lastRead = System.nanoTime();
        arm(ctx, intervalNanos);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Future<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastRead = System.nanoTime();
        awaiting = false;
        ctx.fireChannelRead(msg);
    }

    private void arm(ChannelHandlerContext ctx, long delayNanos) {
        timer = ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long quiet = System.nanoTime() - lastRead;
        if (awaiting) {
            Disconnector.disconnect(
                    ctx.channel(), "Ping timeout: " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " seconds");
        } else if (quiet >= intervalNanos) {
            awaiting = true;
            ctx.writeAndFlush(Unpooled.copiedBuffer("PING :" + serverName + "\r\n", StandardCharsets.UTF_8));
            arm(ctx, timeoutNanos);
        } else {
            arm(ctx, intervalNanos - quiet);
        }
    }
}
