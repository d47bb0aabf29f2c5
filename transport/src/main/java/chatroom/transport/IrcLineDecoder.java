package chatroom.transport;

import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import chatroom.protocol.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Frames the IRC port's bytes into lines and decodes each to an {@link InboundLine}, in one stage (one pipeline
 * context less per connection than a framer followed by a decoder). Empty lines are ignored; invalid UTF-8, NUL or
 * bare CR, and a message part over 512 bytes become error lines the dispatcher answers (STYLE.md §8), the connection
 * stays up. A line longer than the frame limit is discarded whole and reported as a {@code TooLongFrameException}
 * (failFast off), which the session stage answers with 417.
 *
 * <p>While its connection's {@link ReadPause} holds lines back, the rest of a read stays here as bytes, undecoded
 * ({@link LineFramer}).
 */
final class IrcLineDecoder extends LineFramer {

    IrcLineDecoder(int maxFrameBytes) {
        super(maxFrameBytes);
    }

    @Override
    protected @Nullable Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, buffer);
        if (frame == null) {
            return null;
        }
        try {
            return decodeLine(frame);
        } finally {
            frame.release();
        }
    }

    static @Nullable InboundLine decodeLine(ByteBuf frame) {
        if (!frame.isReadable()) {
            return null;
        }
        int messageBytes = messageBytes(frame);
        // tags (with '@' and the space) and the message have separate budgets (IRCv3 message-tags)
        if (messageBytes > Limits.LINE_BYTES - 2 || frame.readableBytes() - messageBytes > Limits.CLIENT_TAG_BYTES) {
            return new InboundLine.TooLong();
        }
        String text = Utf8.decodeStrict(frame);
        if (text == null) {
            return new InboundLine.InvalidUtf8(guessCommand(frame));
        }
        if (Utf8.hasForbiddenCharacters(text)) {
            return new InboundLine.ForbiddenCharacters(guessCommand(frame));
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return new InboundLine.Message(IrcParser.parse(text));
        } catch (IrcParseException e) {
            return null; // a prefix or tags without a command: nothing to answer (modern.ircdocs.horse)
        }
    }

    /** Bytes of the line without its IRCv3 tags section (the 512-byte limit excludes tags). */
    private static int messageBytes(ByteBuf frame) {
        int start = frame.readerIndex();
        if (frame.getByte(start) == '@') {
            int space = frame.indexOf(start, frame.writerIndex(), (byte) ' ');
            if (space < 0) {
                return frame.readableBytes();
            }
            return frame.writerIndex() - space - 1;
        }
        return frame.readableBytes();
    }

    /** The verb, read as ASCII, for error replies about a line that could not be decoded. */
    private static String guessCommand(ByteBuf frame) {
        ByteBuffer b = frame.nioBuffer();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        if (b.remaining() > 0 && b.get(0) == ':') {
            while (i < b.remaining() && b.get(i) != ' ') {
                i++;
            }
            while (i < b.remaining() && b.get(i) == ' ') {
                i++;
            }
        }
        for (; i < b.remaining() && sb.length() < 20; i++) {
            byte c = b.get(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append((char) c);
            } else {
                break;
            }
        }
        return sb.isEmpty() ? "*" : sb.toString().toUpperCase(Locale.ROOT);
    }
}
