package chatroom.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Caps simultaneous connections per remote address across all ports (DESIGN.md rule 5). Shared by all channels. */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int max;
    private final ConcurrentMap<String, Integer> counts = new ConcurrentHashMap<>();

    ConnectionLimiter(int max) {
        this.max = max;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        String ip = NettyConnection.addressOf(ctx.channel().remoteAddress());
        int n = counts.merge(ip, 1, Integer::sum);
        if (max > 0 && n > max) {
            Disconnector.disconnect(ctx.channel(), "Too many connections from your address (at most " + max + ")");
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        String ip = NettyConnection.addressOf(ctx.channel().remoteAddress());
        counts.computeIfPresent(ip, (k, v) -> v <= 1 ? null : v - 1);
        super.channelInactive(ctx);
    }
}
