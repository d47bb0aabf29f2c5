package chatroom.transport;

import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcWriter;
import chatroom.protocol.Limits;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * IRC line encoding per session variant: every tag (message-tags), or, without message-tags, only the tags the
 * client asked for by their own capability: {@code time} (server-time) and {@code account} (account-tag). The message part is cut to 510 bytes at a UTF-8 boundary so no line exceeds 512 with CR LF.
 */
final class IrcEncoding {
    /** 0: no tags, 1: time, 2: every tag, 3: account, 4: time and account. */
    static final int VARIANTS = 5;

    /**
     * The tags each variant shows. A client without message-tags still gets {@code time} with server-time,
     * {@code account} with account-tag, and {@code label} and {@code batch}, which are only ever added for clients
     * that negotiated labeled-response and batch.
     */
    private static final List<Predicate<String>> KEEP = List.of(
            key -> isFraming(key),
            key -> isFraming(key) || key.equals("time"),
            key -> true,
            key -> isFraming(key) || key.equals("account"),
            key -> isFraming(key) || key.equals("time") || key.equals("account"));

    private IrcEncoding() {}

    static int variant(Session s) {
        if (s.has(Capability.MESSAGE_TAGS)) {
            return 2;
        }
        return (s.has(Capability.SERVER_TIME) ? 1 : 0) + (s.has(Capability.ACCOUNT_TAG) ? 3 : 0);
    }

    /**
     * The line for {@code variant} with its CR LF. A plain array, never changed once made: on a byte stream the event
     * loop copies it into each recipient's buffer, elsewhere each recipient wraps it, so it needs no reference count.
     */
    static byte[] encode(IrcMessage m, int variant) {
        StringBuilder sb = new StringBuilder(128);
        IrcWriter.appendTags(m, KEEP.get(variant), sb);
        int tagChars = sb.length();
        IrcWriter.appendBody(m, sb);
        byte[] bytes = sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        int tagBytes = bytes.length == sb.length() ? tagChars : ByteBufUtil.utf8Bytes(sb, 0, tagChars);
        int excess = bytes.length - tagBytes - Limits.LINE_BYTES;
        if (excess > 0) {
            sb.setLength(tagChars);
            bytes = sb.append(cut(m, excess)).append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    private static boolean isFraming(String key) {
        return key.equals("label") || key.equals("batch");
    }

    /** Shortens the last parameter by at least {@code excess} bytes without splitting a character. */
    private static String cut(IrcMessage m, int excess) {
        List<String> params = new java.util.ArrayList<>(m.params());
        if (params.isEmpty()) {
            return IrcWriter.write(m, false);
        }
        String last = params.get(params.size() - 1);
        byte[] b = last.getBytes(StandardCharsets.UTF_8);
        // budget as if the cut text is written with its ':' (as Ergo writes every message text), so a text is cut at
        // the same length whether or not it has a space; without the ':' the line is one byte shorter
        int colon = last.isEmpty() || last.charAt(0) == ':' || last.indexOf(' ') >= 0 ? 0 : 1;
        int keep = Math.max(0, b.length - excess - colon);
        while (keep > 0 && (b[keep] & 0xC0) == 0x80) {
            keep--;
        }
        params.set(params.size() - 1, new String(b, 0, keep, StandardCharsets.UTF_8));
        return IrcWriter.write(new IrcMessage(Map.of(), m.source(), m.command(), params), false);
    }
}
