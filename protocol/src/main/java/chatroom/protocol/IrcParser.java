package chatroom.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses one IRC line (without CR LF) into an {@link IrcMessage}.
 *
 * <p>Grammar: {@code ['@' tags SPACE] [':' source SPACE] command {SPACE param} [SPACE ':' trailing]}. Runs of
 * spaces separate tokens (modern.ircdocs.horse "Parameters"). Commands are upper-cased with {@link Locale#ROOT}.
 */
public final class IrcParser {
    private IrcParser() {}

    public static IrcMessage parse(String line) throws IrcParseException {
        int pos = 0;
        int len = line.length();
        Map<String, String> tags = Map.of();
        if (pos < len && line.charAt(pos) == '@') {
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                throw new IrcParseException("tags without a command");
            }
            tags = parseTags(line.substring(pos + 1, end));
            pos = skipSpaces(line, end);
        }
        String source = null;
        if (pos < len && line.charAt(pos) == ':') {
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                throw new IrcParseException("source without a command");
            }
            source = line.substring(pos + 1, end);
            pos = skipSpaces(line, end);
        }
        int cmdEnd = line.indexOf(' ', pos);
        if (cmdEnd < 0) {
            cmdEnd = len;
        }
        String command = line.substring(pos, cmdEnd);
        if (command.isEmpty()) {
            throw new IrcParseException("no command");
        }
        // "@ @x" (empty tags) or ":s :x": no writer could put such a verb on a line, so it is no verb
        if (command.charAt(0) == '@' || command.charAt(0) == ':') {
            throw new IrcParseException("malformed command");
        }
        List<String> params = new ArrayList<>();
        pos = skipSpaces(line, cmdEnd);
        while (pos < len) {
            if (line.charAt(pos) == ':') {
                params.add(line.substring(pos + 1));
                break;
            }
            int end = line.indexOf(' ', pos);
            if (end < 0) {
                end = len;
            }
            params.add(line.substring(pos, end));
            pos = skipSpaces(line, end);
        }
        return new IrcMessage(tags, emptyToNull(source), command.toUpperCase(Locale.ROOT), params);
    }

    private static @Nullable String emptyToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static int skipSpaces(String line, int pos) {
        while (pos < line.length() && line.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }

    private static Map<String, String> parseTags(String raw) {
        Map<String, String> tags = new HashMap<>();
        for (String item : raw.split(";", -1)) {
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq == 0) {
                continue; // a tag needs a name (IRCv3 message-tags); "=v" is dropped like an empty item
            }
            if (eq < 0) {
                tags.put(item, "");
            } else {
                tags.put(item.substring(0, eq), unescape(item.substring(eq + 1)));
            }
        }
        return tags;
    }

    /** IRCv3 message-tags escaping: {@code \:} {@code \s} {@code \\} {@code \r} {@code \n}; others drop the slash. */
    static String unescape(String v) {
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (++i >= v.length()) {
                break;
            }
            char n = v.charAt(i);
            switch (n) {
                case ':' -> sb.append(';');
                case 's' -> sb.append(' ');
                case 'r' -> sb.append('\r');
                case 'n' -> sb.append('\n');
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }
}
