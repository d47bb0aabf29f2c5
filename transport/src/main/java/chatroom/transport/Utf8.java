package chatroom.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Strict UTF-8: a line that is not valid UTF-8 is refused, never silently repaired (we advertise UTF8ONLY). */
final class Utf8 {
    private Utf8() {}

    static @Nullable String decodeStrict(ByteBuf bytes) {
        byte[] a = ByteBufUtil.getBytes(bytes);
        // the JDK's decoder puts U+FFFD where the input is malformed, and is fast for ASCII; only a line with U+FFFD
        // in it (malformed, or a U+FFFD that was sent) needs the strict decoder to tell which
        String fast = new String(a, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(a))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean hasForbiddenCharacters(String line) {
        return line.indexOf('\0') >= 0 || line.indexOf('\r') >= 0;
    }
}
