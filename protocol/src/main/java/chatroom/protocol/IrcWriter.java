package chatroom.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

/** Serialises an {@link IrcMessage} to one line without CR LF. Tags are written in key order. */
public final class IrcWriter {
    private IrcWriter() {}

    public static String write(IrcMessage m) {
        return write(m, true);
    }

    public static String write(IrcMessage m, boolean withTags) {
        return write(m, withTags ? key -> true : key -> false);
    }

    /** The line with only the tags whose key {@code keep} accepts. */
    public static String write(IrcMessage m, Predicate<String> keep) {
        StringBuilder sb = new StringBuilder(64);
        appendTags(m.tags(), keep, sb);
        appendBody(m, sb);
        return sb.toString();
    }

    /** Appends the tag part of {@code m} that {@code keep} accepts, with its {@code @} and the space after it. */
    public static void appendTags(IrcMessage m, Predicate<String> keep, StringBuilder sb) {
        appendTags(m.tags(), keep, sb);
    }

    private static void appendTags(Map<String, String> tags, Predicate<String> keep, StringBuilder sb) {
        if (tags.isEmpty()) {
            return;
        }
        String[] keys = tags.keySet().toArray(String[]::new);
        if (keys.length > 1) {
            Arrays.sort(keys);
        }
        boolean first = true;
        for (String key : keys) {
            if (!keep.test(key)) {
                continue;
            }
            sb.append(first ? '@' : ';').append(key);
            first = false;
            String value = tags.get(key);
            if (value != null && !value.isEmpty()) {
                sb.append('=');
                escape(value, sb);
            }
        }
        if (!first) {
            sb.append(' ');
        }
    }

    /** Appends the line without its tags: source, command and parameters. */
    public static void appendBody(IrcMessage m, StringBuilder sb) {
        if (m.source() != null) {
            sb.append(':').append(m.source()).append(' ');
        }
        sb.append(m.command());
        int n = m.params().size();
        for (int i = 0; i < n; i++) {
            String p = m.params().get(i);
            sb.append(' ');
            if (i == n - 1 && needsTrailing(p)) {
                sb.append(':');
            }
            sb.append(p);
        }
    }

    private static boolean needsTrailing(String p) {
        return p.isEmpty() || p.charAt(0) == ':' || p.indexOf(' ') >= 0;
    }

    static void escape(String v, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case ';' -> sb.append("\\:");
                case ' ' -> sb.append("\\s");
                case '\\' -> sb.append("\\\\");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }
}
