package chatroom.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Looks at the first byte once: a TLS ClientHello (0x16) on a plain-text port gets a clear reason and a close
 * instead of waiting for a line end that never comes. Then it leaves the pipeline. HTTP request lines are text and
 * are answered by the dispatcher or the plain translator.
 */
final class ForeignProtocolDetector extends ByteToMessageDecoder {
    private static final int TLS_HANDSHAKE = 0x16;
    private static final int SSL2_HELLO = 0x80;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        int first = in.getUnsignedByte(in.readerIndex());
        if (first == TLS_HANDSHAKE || first == SSL2_HELLO) {
            in.skipBytes(in.readableBytes());
            Disconnector.disconnect(ctx.channel(), "This port does not speak TLS; use the TLS port");
            return;
        }
        out.add(in.readRetainedSlice(in.readableBytes()));
        ctx.pipeline().remove(this);
    }
}
