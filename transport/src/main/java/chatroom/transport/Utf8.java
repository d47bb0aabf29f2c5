package chatroom.transport;

import io.netty.buffer.ByteBuf;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Strict UTF-8: a line that is not valid UTF-8 is refused, never silently repaired (we advertise UTF8ONLY). */
final class Utf8 {
    private Utf8() {}

    static @Nullable String decodeStrict(ByteBuf bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.nioBuffer())
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean hasForbiddenCharacters(String line) {
        return line.indexOf('\0') >= 0 || line.indexOf('\r') >= 0;
    }
}
