package chatroom.transport;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Caps simultaneous connections per remote address across all ports, and how many new ones an address may open per
 * minute (DESIGN.md rule 5; a reconnect loop or a scanner is refused with a reason). Shared by all channels. A
 * connection it lets through no longer carries it: the stage leaves the pipeline and the count is released when the
 * channel closes, which saves a pipeline context on every open connection.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    /** Addresses whose minute is tracked beyond which expired ones are swept. */
    private static final int SWEEP_AT = 10_000;

    private final int max;
    private final int perMinute;
    private final ConcurrentMap<String, Integer> counts = new ConcurrentHashMap<>();
    /** Per address: the start of its current one-minute window and the connections opened in it. */
    private final ConcurrentMap<String, long[]> recent = new ConcurrentHashMap<>();
    /**
     * One listener for every channel, so an open connection holds nothing of the limiter's. The channel keeps the
     * remote address it had when it was active, so the same key is found at close.
     */
    private final ChannelFutureListener release = closed -> {
        String ip = NettyConnection.addressOf(closed.channel().remoteAddress());
        counts.computeIfPresent(ip, (k, v) -> v <= 1 ? null : v - 1);
    };

    ConnectionLimiter(int max, int perMinute) {
        this.max = max;
        this.perMinute = perMinute;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String ip = NettyConnection.addressOf(ctx.channel().remoteAddress());
        int n = counts.merge(ip, 1, Integer::sum);
        ctx.channel().closeFuture().addListener(release);
        if (max > 0 && n > max) {
            Disconnector.disconnect(ctx.channel(), "Too many connections from your address (at most " + max + ")");
            return;
        }
        if (perMinute > 0 && openedThisMinute(ip, System.nanoTime()) > perMinute) {
            Disconnector.disconnect(
                    ctx.channel(),
                    "Connecting too fast from your address (at most " + perMinute + " a minute); wait a minute");
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }

    private long openedThisMinute(String ip, long now) {
        if (recent.size() > SWEEP_AT) {
            recent.values().removeIf(w -> now - w[0] >= MINUTE);
        }
        long[] w = recent.compute(
                ip,
                (k, old) ->
                        old == null || now - old[0] >= MINUTE ? new long[] {now, 1} : new long[] {old[0], old[1] + 1});
        return w[1];
    }
}
