package chatroom.desktop;

import org.jspecify.annotations.Nullable;

/** A server address typed by a person: {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}. */
record Address(String host, int port) {
    static final int DEFAULT_PORT = 6667;

    /** The address, or null when {@code text} is not one. */
    static @Nullable Address parse(String text) {
        String t = text.strip();
        String host = t;
        @Nullable String port = null;
        if (t.startsWith("[")) {
            int close = t.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = t.substring(1, close);
            String rest = t.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return null;
            }
            port = rest.isEmpty() ? null : rest.substring(1);
        } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = t.substring(t.indexOf(':') + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        if (port == null) {
            return new Address(host, DEFAULT_PORT);
        }
        if (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5) {
            return null;
        }
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65535 ? new Address(host, p) : null;
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
