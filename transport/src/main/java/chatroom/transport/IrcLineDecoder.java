package chatroom.transport;

import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import chatroom.protocol.Limits;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/**
 * One framed line (no CR LF) to an {@link InboundLine}. Empty lines are ignored; invalid UTF-8, NUL or bare CR, and
 * a message part over 512 bytes become error lines the dispatcher answers (STYLE.md §8), the connection stays up.
 */
final class IrcLineDecoder extends MessageToMessageDecoder<ByteBuf> {
    IrcLineDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        InboundLine line = decodeLine(frame);
        if (line != null) {
            out.add(line);
        }
    }

    static @org.jspecify.annotations.Nullable InboundLine decodeLine(ByteBuf frame) {
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
