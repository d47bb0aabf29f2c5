package chatroom.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Netty's line framer (failFast off: a line longer than the limit is discarded whole and reported as a
 * {@code TooLongFrameException}) that frames nothing while its connection's {@link ReadPause} holds lines back: the
 * rest of a read stays here as bytes, so a paused connection adds nothing more to the hub than what it had sent before
 * the pause, and {@link #resume} frames it. The plain port's framer; the IRC port's {@link IrcLineDecoder} is one too.
 */
class LineFramer extends LineBasedFrameDecoder implements HeldLines {
    private @Nullable ReadPause pause;

    LineFramer(int maxFrameBytes) {
        super(maxFrameBytes, true, false);
    }

    @Override
    public final void pausedBy(ReadPause p) {
        pause = p;
    }

    @Override
    public final void resume(ChannelHandlerContext ctx) {
        if (actualReadableBytes() > 0) {
            try {
                channelRead(ctx, Unpooled.EMPTY_BUFFER);
            } catch (Exception e) {
                ctx.fireExceptionCaught(e);
            }
        }
    }

    @Override
    protected @Nullable Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        ReadPause p = pause;
        if (p != null && p.holdsLines()) {
            return null;
        }
        return super.decode(ctx, buffer);
    }

    /** The connection ended: its last lines are framed whatever holds them back. */
    @Override
    protected final void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        pause = null;
        super.decodeLast(ctx, in, out);
    }
}
