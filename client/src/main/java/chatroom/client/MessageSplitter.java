package chatroom.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into pieces that each fit a byte budget in UTF-8, never cutting a character (a code point, so never a
 * surrogate pair either) and preferring to break after a space. Line breaks in the text start a new piece; empty
 * lines are dropped, since IRC cannot send them.
 */
final class MessageSplitter {
    private MessageSplitter() {}

    static List<String> split(String text, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("a piece must hold at least one character (4 bytes)");
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) {
            splitLine(line, maxBytes, out);
        }
        return out;
    }

    private static void splitLine(String line, int maxBytes, List<String> out) {
        int start = 0;
        while (start < line.length()) {
            int end = start;
            int bytes = 0;
            int lastSpace = -1;
            while (end < line.length()) {
                int cp = line.codePointAt(end);
                int size = utf8Length(cp);
                if (bytes + size > maxBytes) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
                if (cp == ' ') {
                    lastSpace = end;
                }
            }
            if (end < line.length() && lastSpace > start) {
                end = lastSpace; // break after the last space that fits, keeping words whole
            }
            String piece = line.substring(start, end);
            if (!piece.isBlank()) {
                out.add(piece);
            }
            start = end;
        }
    }

    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
