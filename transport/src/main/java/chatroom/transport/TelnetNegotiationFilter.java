package chatroom.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Drops telnet IAC sequences (RFC 854/855) so that a real telnet client's option negotiation never reaches the line
 * parser. IAC never occurs in UTF-8 text, so IRC clients are unaffected. Keeps state across reads.
 */
final class TelnetNegotiationFilter extends ByteToMessageDecoder {
    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int WILL = 251;

    private enum State {
        DATA,
        COMMAND,
        OPTION,
        SUBNEGOTIATION,
        SUB_IAC
    }

    private State state = State.DATA;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.DATA && in.indexOf(in.readerIndex(), in.writerIndex(), (byte) IAC) < 0) {
            out.add(in.readRetainedSlice(in.readableBytes()));
            return;
        }
        ByteBuf clean = ctx.alloc().buffer(in.readableBytes());
        while (in.isReadable()) {
            int b = in.readUnsignedByte();
            switch (state) {
                case DATA -> {
                    if (b == IAC) {
                        state = State.COMMAND;
                    } else {
                        clean.writeByte(b);
                    }
                }
                case COMMAND -> {
                    if (b < SE || b == IAC) {
                        // not a telnet command (or an escaped 255): keep the bytes, UTF-8 checking judges them
                        clean.writeByte(IAC);
                        if (b != IAC) {
                            clean.writeByte(b);
                        }
                        state = State.DATA;
                    } else {
                        state = b == SB ? State.SUBNEGOTIATION : b >= WILL ? State.OPTION : State.DATA;
                    }
                }
                case OPTION -> state = State.DATA;
                case SUBNEGOTIATION -> state = b == IAC ? State.SUB_IAC : State.SUBNEGOTIATION;
                case SUB_IAC -> state = b == SE ? State.DATA : State.SUBNEGOTIATION;
            }
        }
        if (clean.isReadable()) {
            out.add(clean);
        } else {
            clean.release();
        }
    }
}
