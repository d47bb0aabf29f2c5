package chatroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.protocol.IrcMessage;
import chatroom.protocol.Limits;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzing the inbound stages of the IRC and plain-text ports on an EmbeddedChannel (docs/security.md, "Fuzzing").
 * The first input byte picks the port and how the rest is cut into reads. Whatever the bytes: the framer never hands
 * on a frame over the limit, the only error is the overlong-line one, every decoded message is free of CR, LF and NUL,
 * and cutting the same bytes into different reads changes nothing.
 */
class LineDecodingFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyBytes(byte[] input) {
        if (input.length == 0) {
            return;
        }
        boolean plain = (input[0] & 1) == 1;
        int chunk = 1 + ((input[0] & 0xff) >>> 1);
        byte[] data = Arrays.copyOfRange(input, 1, input.length);
        Run whole = run(plain, data, data.length + 1);
        Run pieces = run(plain, data, chunk);
        assertThat(pieces.inbound).isEqualTo(whole.inbound);
        assertThat(pieces.tooLong).isEqualTo(whole.tooLong);
        assertThat(pieces.outbound).isEqualTo(whole.outbound);
        if (pieces.closed) {
            // bytes after the line that closed the connection are read only when they came in the same read
            assertThat(whole.telnetReplies).startsWith(pieces.telnetReplies);
        } else {
            assertThat(pieces.telnetReplies).isEqualTo(whole.telnetReplies);
        }
        for (Object line : whole.inbound) {
            if (line instanceof InboundLine.Message m) {
                assertClean(m.message());
            }
        }
    }

    private static void assertClean(IrcMessage m) {
        assertThat(m.command()).isNotEmpty().doesNotContain("\r", "\n", "\0", " ");
        if (m.source() != null) {
            assertThat(m.source()).doesNotContain("\r", "\n", "\0", " ");
        }
        assertThat(m.params()).allSatisfy(p -> assertThat(p).doesNotContain("\r", "\n", "\0"));
    }

    /** What one pass of the bytes through a fresh pipeline produced. */
    private record Run(List<Object> inbound, int tooLong, String outbound, String telnetReplies, boolean closed) {}

    private static Run run(boolean plain, byte[] data, int chunk) {
        List<Object> inbound = new ArrayList<>();
        int[] tooLong = {0};
        ChannelHandler errors = new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                assertThat(cause).isInstanceOf(TooLongFrameException.class);
                tooLong[0]++;
            }
        };
        EmbeddedChannel ch = plain
                ? new EmbeddedChannel(
                        new ForeignProtocolDetector(),
                        new TelnetNegotiationFilter(),
                        new LineBasedFrameDecoder(Limits.MAX_FRAME_BYTES, true, false),
                        new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ByteBuf frame = (ByteBuf) msg;
                                assertThat(frame.readableBytes()).isLessThanOrEqualTo(Limits.MAX_FRAME_BYTES);
                                assertThat(frame.indexOf(frame.readerIndex(), frame.writerIndex(), (byte) '\n'))
                                        .isNegative();
                                ctx.fireChannelRead(msg);
                            }
                        },
                        new PlainTranslatorHandler(ZoneOffset.UTC),
                        errors)
                : new EmbeddedChannel(
                        new ForeignProtocolDetector(),
                        new TelnetNegotiationFilter(),
                        new IrcLineDecoder(Limits.MAX_FRAME_BYTES),
                        errors);
        for (int i = 0; i < data.length && ch.isOpen(); i += chunk) {
            ch.writeInbound(Unpooled.wrappedBuffer(data, i, Math.min(chunk, data.length - i)));
        }
        for (Object o; (o = ch.readInbound()) != null; ) {
            inbound.add(o);
        }
        StringBuilder outbound = new StringBuilder();
        StringBuilder telnetReplies = new StringBuilder();
        for (Object o; (o = ch.readOutbound()) != null; ) {
            if (o instanceof ByteBuf b && b.isReadable() && b.getUnsignedByte(b.readerIndex()) == 0xff) {
                // the telnet filter's answers go out as soon as their read is decoded, so they interleave with the
                // replies to lines differently when the same bytes come in other reads: compare them on their own
                telnetReplies.append(ByteBufUtil.hexDump(b));
            } else if (o instanceof ByteBuf b) {
                // plain-port replies start with the wall-clock time: compare them without it
                outbound.append(b.toString(StandardCharsets.UTF_8).replaceAll("\\[\\d\\d:\\d\\d:\\d\\d] ", ""));
            } else {
                outbound.append(o);
            }
            ReferenceCountUtil.release(o);
        }
        boolean closed = !ch.isOpen();
        ch.finishAndReleaseAll();
        return new Run(inbound, tooLong[0], outbound.toString(), telnetReplies.toString(), closed);
    }
}
