package chatroom.protocol;

import java.util.Map;
import java.util.TreeMap;

/** Serialises an {@link IrcMessage} to one line without CR LF. Tags are written in key order. */
public final class IrcWriter {
    private IrcWriter() {}

    public static String write(IrcMessage m) {
        return write(m, true);
    }

    public static String write(IrcMessage m, boolean withTags) {
        StringBuilder sb = new StringBuilder(64);
        if (withTags && !m.tags().isEmpty()) {
            sb.append('@');
            boolean first = true;
            for (Map.Entry<String, String> e : new TreeMap<>(m.tags()).entrySet()) {
                if (!first) {
                    sb.append(';');
                }
                first = false;
                sb.append(e.getKey());
                if (!e.getValue().isEmpty()) {
                    sb.append('=');
                    escape(e.getValue(), sb);
                }
            }
            sb.append(' ');
        }
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
        return sb.toString();
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
