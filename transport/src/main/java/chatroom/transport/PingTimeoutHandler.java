package chatroom.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Liveness on the event loop ({@link Liveness}): any inbound line is a sign of life. The stage joins its event loop's
 * list of connections when the channel becomes active and leaves it when it closes; the list's periodic check sends
 * the PING and closes on timeout.
 */
final class PingTimeoutHandler extends ChannelInboundHandlerAdapter {
    private final Liveness liveness;
    private Liveness.@Nullable Sweep sweep;
    private @Nullable Channel channel;
    /** The time of the last inbound line, or of the PING while {@link #awaiting} an answer. */
    long lastRead;
    /** A PING went out and nothing has arrived since. */
    boolean awaiting;
    /** The neighbours in the event loop's list. */
    @Nullable
    PingTimeoutHandler prev;

    @Nullable
    PingTimeoutHandler next;

    PingTimeoutHandler(Liveness liveness) {
        this.liveness = liveness;
    }

    Channel channel() {
        return Objects.requireNonNull(channel, "not active");
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (sweep != null) {
            super.channelActive(ctx); // already in the list: a second insert would link it to itself
            return;
        }
        channel = ctx.channel();
        Liveness.Sweep s = liveness.sweepOf(ctx.executor());
        sweep = s;
        lastRead = s.now();
        s.add(this);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Liveness.Sweep s = sweep;
        if (s != null) {
            s.remove(this);
            sweep = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Liveness.Sweep s = sweep;
        if (s != null) {
            lastRead = s.now();
        }
        awaiting = false;
        ctx.fireChannelRead(msg);
    }
}
