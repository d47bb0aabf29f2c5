package chatroom.store;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where history lives, from {@code --db}: {@code sqlite:FILE} (default {@code <data-dir>/chatroom.db}) or {@code
 * postgresql://user:password@host[:port]/database} (also with a {@code jdbc:} prefix). The password never appears in
 * {@link #toString()}.
 */
public record DatabaseUrl(
        Dialect dialect,
        String jdbcUrl,
        @Nullable String user,
        @Nullable String password,
        @Nullable String schema) {

    public enum Dialect {
        SQLITE,
        POSTGRESQL
    }

    /** The embedded default: a SQLite file in the data directory. */
    public static DatabaseUrl sqlite(Path file) {
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), null, null, null);
    }

    /** Parses a {@code --db} value; blank means the default file in {@code dataDir}. */
    public static DatabaseUrl parse(@Nullable String value, Path dataDir) {
        if (value == null || value.isBlank()) {
            return sqlite(dataDir.resolve("chatroom.db"));
        }
        String v = value.strip();
        if (v.startsWith("jdbc:")) {
            v = v.substring("jdbc:".length());
        }
        if (v.startsWith("sqlite:")) {
            String file = v.substring("sqlite:".length());
            if (file.isEmpty()) {
                throw new IllegalArgumentException("--db sqlite: needs a file name, e.g. sqlite:data/chatroom.db");
            }
            try {
                return sqlite(Path.of(file));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("--db sqlite:FILE is not a usable file name: " + e.getReason());
            }
        }
        if (v.startsWith("postgresql://") || v.startsWith("postgres://")) {
            return postgres(v);
        }
        throw new IllegalArgumentException(
                "--db must be sqlite:FILE or postgresql://user:password@host[:port]/database, not " + redact(value));
    }

    private static DatabaseUrl postgres(String v) {
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            // not chained: the cause's message holds the whole value, password included
            throw new IllegalArgumentException(
                    "--db is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + "): " + redact(v));
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("--db needs a host and a database: postgresql://user:password@host/db");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String schema = null;
        StringBuilder query = new StringBuilder();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                if (kv.startsWith("schema=")) {
                    schema = decode(kv.substring("schema=".length()));
                } else if (!kv.isEmpty()) {
                    query.append(query.isEmpty() ? "?" : "&").append(kv);
                }
            }
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
        return new DatabaseUrl(Dialect.POSTGRESQL, jdbc, user, password, schema);
    }

    /**
     * Percent-decoding (RFC 3986 §2.1). Not {@code URLDecoder}: that is for HTML forms and turns {@code +} into a
     * space, so a password with a plus sign would not work.
     */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out.write(in[i]);
                continue;
            }
            // java.net.URI has already refused a % without two hex digits after it
            int hi = Character.digit(in[i + 1], 16);
            int lo = Character.digit(in[i + 2], 16);
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The value with any password replaced, for error messages and logs: everything between the first colon of the
     * user part (after {@code //}, or from the start when there is none) and the last {@code @}. A password may hold
     * {@code /}, {@code :} or {@code @} unencoded; hiding too much is harmless.
     */
    static String redact(String value) {
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return value;
        }
        int slashes = value.indexOf("//");
        int colon = value.indexOf(':', slashes >= 0 && slashes < at ? slashes + 2 : 0);
        if (colon < 0 || colon > at) {
            return value;
        }
        return value.substring(0, colon + 1) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return dialect == Dialect.SQLITE
                ? jdbcUrl.substring("jdbc:".length())
                : jdbcUrl.substring("jdbc:".length()) + (user == null ? "" : " as " + user);
    }
}
