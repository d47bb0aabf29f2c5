package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Fuzzing {@code --db} parsing (docs/security.md, "Fuzzing"): any value is either a usable database URL or refused
 * with a message that names the option and never shows the password; well-formed PostgreSQL URLs keep every field.
 */
class DatabaseUrlFuzzTest {
    private static final Path DATA = Path.of("data");

    @FuzzTest(maxDuration = "10s")
    void anyValue(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(value, DATA);
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageStartingWith("--db").hasNoCause();
            return;
        }
        assertThat(url.jdbcUrl())
                .startsWith(url.dialect() == DatabaseUrl.Dialect.SQLITE ? "jdbc:sqlite:" : "jdbc:postgresql://");
    }

    /**
     * {@code postgresql://USER:PASSWORD@HOST[:PORT]/DB}: percent-encoded, user and password come back exactly; sent
     * as typed, the value is parsed or refused, and the refusal never contains the password.
     */
    @FuzzTest(maxDuration = "10s")
    void postgresUrl(FuzzedDataProvider data) {
        String user = data.consumeString(20);
        String password = data.consumeString(30);
        String host = data.pickValue(new String[] {"localhost", "127.0.0.1", "db.example.org", "[::1]", "a-b.c"});
        int port = data.consumeInt(0, 65535);
        String database = data.consumeAsciiString(16).replaceAll("[^A-Za-z0-9_]", "");
        boolean encoded = data.consumeBoolean();
        String authority = host + (port == 0 ? "" : ":" + port);
        String path = authority + "/" + (database.isEmpty() ? "chat" : database);
        String tail = "@" + path;
        if (encoded && !user.isEmpty()) {
            DatabaseUrl url = DatabaseUrl.parse("postgresql://" + percent(user) + ":" + percent(password) + tail, DATA);
            assertThat(url.user()).isEqualTo(user);
            assertThat(url.password()).isEqualTo(password);
            assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://" + path);
            assertThat(url.toString()).isEqualTo("postgresql://" + path + " as " + user);
            return;
        }
        // marked so that it cannot appear in the refusal by chance (in the reason, or spread over user and colon)
        String secret = "<secret>" + password + "</secret>";
        String value = "postgresql://" + user + ":" + secret + tail;
        assertThatCode(() -> {
                    try {
                        DatabaseUrl.parse(value, DATA);
                    } catch (IllegalArgumentException e) {
                        assertThat(e).hasNoCause();
                        if (!user.contains(secret)) {
                            assertThat(e.getMessage()).doesNotContain(secret);
                        }
                    }
                })
                .doesNotThrowAnyException();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    private static String percent(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
