package chatroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inbound IRC stages on an EmbeddedChannel: whole lines, lines split across reads, and malformed input. */
class LineDecodingTest {
    private final List<Throwable> errors = new ArrayList<>();

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(
                new ForeignProtocolDetector(),
                new TelnetNegotiationFilter(),
                new IrcLineDecoder(chatroom.protocol.Limits.MAX_FRAME_BYTES),
                new ChannelInboundHandlerAdapter() {
                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        errors.add(cause);
                    }
                });
    }

    private static ByteBuf bytes(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
    }

    private static String command(Object line) {
        return ((InboundLine.Message) line).message().command();
    }

    @Test
    void decodesWholeLinesAndIgnoresEmptyOnes() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(bytes("NICK alice\r\n\r\nUSER a 0 * :Alice A\n"));
        assertThat(command(ch.readInbound())).isEqualTo("NICK");
        InboundLine.Message user = ch.readInbound();
        assertThat(user.message().params()).containsExactly("a", "0", "*", "Alice A");
        assertThat(ch.<Object>readInbound()).isNull();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void reassemblesALineSplitAcrossReadsEvenInsideACharacter() {
        EmbeddedChannel ch = channel();
        byte[] line = "PRIVMSG #大厅 :你好\r\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < line.length; i += 3) {
            ch.writeInbound(Unpooled.wrappedBuffer(line, i, Math.min(3, line.length - i)));
        }
        InboundLine.Message m = ch.readInbound();
        assertThat(m.message().params()).containsExactly("#大厅", "你好");
    }

    @Test
    void invalidUtf8NulAndBareCrBecomeErrorLinesAndTheChannelStaysOpen() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'j', 'o', 'i', 'n', ' ', (byte) 0xff, '\n'}));
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.InvalidUtf8("JOIN"));
        ch.writeInbound(bytes("PRIVMSG x :a\u0000b\n"));
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.ForbiddenCharacters("PRIVMSG"));
        ch.writeInbound(bytes("PRIVMSG x :a\rb\n"));
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.ForbiddenCharacters("PRIVMSG"));
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void aReplacementCharacterSentAsTextIsKeptButOverlongAndSurrogateFormsAreInvalid() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(bytes("PRIVMSG x :a\uFFFDb\n"));
        assertThat(((InboundLine.Message) ch.readInbound()).message().params()).containsExactly("x", "a\uFFFDb");
        ch.writeInbound(Unpooled.wrappedBuffer(hex("505249564d5347 20 78 20 3a c0af 0a"))); // an overlong '/'
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.InvalidUtf8("PRIVMSG"));
        ch.writeInbound(Unpooled.wrappedBuffer(hex("505249564d5347 20 78 20 3a eda080 0a"))); // a lone surrogate
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.InvalidUtf8("PRIVMSG"));
        ch.writeInbound(
                Unpooled.wrappedBuffer(hex("505249564d5347 20 78 20 3a efbfbd e4 0a"))); // U+FFFD, then a cut one
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.InvalidUtf8("PRIVMSG"));
    }

    @Test
    void aMessageOver512BytesIsTooLongButTagsHaveTheirOwnBudget() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(bytes("PRIVMSG #a :" + "x".repeat(500) + "\n"));
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.TooLong());
        ch.writeInbound(bytes("@+t=" + "y".repeat(3000) + " PRIVMSG #a :" + "x".repeat(400) + "\n"));
        assertThat(command(ch.readInbound())).isEqualTo("PRIVMSG");
        ch.writeInbound(bytes("@+t=" + "y".repeat(4093) + " TAGMSG #a\n"));
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.TooLong());
    }

    @Test
    void aLineBeyondTheFrameLimitIsDiscardedWholeThenReportedAndReadingGoesOn() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(bytes("PRIVMSG #a :" + "z".repeat(10_000)));
        ch.writeInbound(bytes("z".repeat(10_000) + "\nPING :after\n"));
        assertThat(errors).singleElement().isInstanceOf(TooLongFrameException.class);
        assertThat(command(ch.readInbound())).isEqualTo("PING");
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void telnetNegotiationIsDroppedEvenWhenSplit() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'N', 'I', (byte) 255, (byte) 251}));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1, 'C', 'K', ' ', 'b', (byte) 255, (byte) 250, 24, 1}));
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 255, (byte) 240, 'o', 'b', '\n'}));
        InboundLine.Message m = ch.readInbound();
        assertThat(m.message().command()).isEqualTo("NICK");
        assertThat(m.message().params()).containsExactly("bob");
    }

    private static byte[] hex(String hex) {
        return ByteBufUtil.decodeHexDump(hex.replace(" ", ""));
    }

    private static String outbound(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            sb.append(ByteBufUtil.hexDump(b));
            b.release();
        }
        return sb.toString();
    }

    @Test
    void aLineANonBinaryTelnetClientMangledArrivesWholeAndItsTimingMarksAreAnswered() {
        EmbeddedChannel ch = channel();
        // GNU inetutils telnet 2.4, line mode, no BINARY, typing "PRIVMSG #a :我的世界在这里" + Return: the 9A of
        // 的 (E7 9A 84) went out as IAC SUSP and the 9C of 在 (E5 9C A8) as IAC BRK, each followed by IAC DO TM
        ch.writeInbound(Unpooled.wrappedBuffer(hex("505249565347202361203a e6 88 91 e7 ff ed ff fd 06 84 e4 b8 96"
                + " e7 95 8c e5 ff f3 ff fd 06 a8 e8 bf 99 e9 87 8c 0d 0a")));
        InboundLine.Message m = ch.readInbound();
        assertThat(m.message().params()).containsExactly("#a", "我的世界在这里");
        // DO BINARY once (the peer speaks telnet), then WILL TIMING-MARK for each DO TIMING-MARK
        assertThat(outbound(ch)).isEqualTo("fffd00" + "fffb06" + "fffb06");
        assertThat(ch.isActive()).isTrue();
    }

    @Test
    void aMangledLineIsRepairedEvenWhenEveryByteArrivesInARead() {
        EmbeddedChannel ch = channel();
        // the line of the test above, one byte per read: which character a SUSP or BRK interrupts is carried across
        // reads (a lead byte, continuation bytes alone, then the telnet command in a read of its own)
        byte[] line = hex("505249565347202361203a e6 88 91 e7 ff ed ff fd 06 84 e4 b8 96"
                + " e7 95 8c e5 ff f3 ff fd 06 a8 e8 bf 99 e9 87 8c 0d 0a");
        for (byte b : line) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        InboundLine.Message m = ch.readInbound();
        assertThat(m.message().params()).containsExactly("#a", "我的世界在这里");
        // 业 (E4 B8 9A): its last byte went out as IAC SUSP, after a read that held only a continuation byte
        for (byte b : hex("505249564d5347 20 23 61 20 3a e4 b8 ffed fffd06 0d0a")) {
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        assertThat(((InboundLine.Message) ch.readInbound()).message().params()).containsExactly("#a", "业");
        assertThat(outbound(ch)).isEqualTo("fffd00" + "fffb06" + "fffb06" + "fffb06");
    }

    @Test
    void anInterruptBetweenCharactersIsDroppedAndAnswered() {
        EmbeddedChannel ch = channel();
        // ^C typed on its own: IAC IP, IAC DO TM; then an ordinary line
        ch.writeInbound(Unpooled.wrappedBuffer(hex("fff4 fffd06 50494e47203a78 0d0a")));
        InboundLine.Message m = ch.readInbound();
        assertThat(m.message().command()).isEqualTo("PING");
        assertThat(m.message().params()).containsExactly("x");
        assertThat(outbound(ch)).isEqualTo("fffd00" + "fffb06");
    }

    @Test
    void optionsAreRefusedExceptBinaryAndOnlyOnce() {
        EmbeddedChannel ch = channel();
        // telnet -8 with negotiation: DO ENCRYPT, WILL ENCRYPT, DO SGA, WILL TTYPE, WILL NAWS, DO STATUS,
        // DO BINARY, WILL BINARY
        ch.writeInbound(Unpooled.wrappedBuffer(hex("fffd26 fffb26 fffd03 fffb18 fffb1f fffd05 fffd00 fffb00")));
        assertThat(outbound(ch))
                .isEqualTo("fffd00" + "fffc26" + "fffe26" + "fffc03" + "fffe18" + "fffe1f" + "fffc05" + "fffb00");
        // already agreed or already off: no answer, so negotiation cannot loop
        ch.writeInbound(Unpooled.wrappedBuffer(hex("fffb00 fffd00 fffc18 fffe03")));
        assertThat(outbound(ch)).isEmpty();
        // the client turns BINARY off: acknowledged once
        ch.writeInbound(Unpooled.wrappedBuffer(hex("fffc00 fffc00")));
        assertThat(outbound(ch)).isEqualTo("fffe00");
        assertThat(ch.<Object>readInbound()).isNull();
    }

    @Test
    void crNulEndsALineOnceThePeerSpeaksTelnet() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(hex("fff1 50494e47203a61 0d")));
        ch.writeInbound(Unpooled.wrappedBuffer(hex("00 50494e47203a62 0d00")));
        assertThat(((InboundLine.Message) ch.readInbound()).message().params()).containsExactly("a");
        assertThat(((InboundLine.Message) ch.readInbound()).message().params()).containsExactly("b");
    }

    @Test
    void withoutTelnetNegotiationNothingIsEverSent() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(bytes("PRIVMSG #a :的在\r\n"));
        assertThat(((InboundLine.Message) ch.readInbound()).message().params()).containsExactly("#a", "的在");
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {'P', 'I', 'N', 'G', ' ', 'a', '\r', 0, 'b', '\n'}));
        assertThat(ch.<Object>readInbound()).isEqualTo(new InboundLine.ForbiddenCharacters("PING"));
        assertThat(outbound(ch)).isEmpty();
    }

    @Test
    void aTlsClientHelloIsRefusedBeforeFraming() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x16, 0x03, 0x01, 0x00, 0x10}));
        ByteBuf out = ch.readOutbound();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("ERROR :This port does not speak TLS; use the TLS port\r\n");
        out.release();
        ch.runPendingTasks();
        assertThat(ch.isOpen()).isFalse();
    }
}
