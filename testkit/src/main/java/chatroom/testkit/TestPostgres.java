package chatroom.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL that tests use: {@code CHATROOM_TEST_POSTGRES} or {@code
 * postgresql://chatroom:chatroom@127.0.0.1:5432/chatroom_test}, which {@code .ci/run} creates. Each caller gets its own
 * schema. Where no server answers, tests are skipped on a developer machine and fail in CI ({@code CI=true}).
 */
public final class TestPostgres {
    private static final String DEFAULT = "postgresql://chatroom:chatroom@127.0.0.1:5432/chatroom_test";

    private TestPostgres() {}

    /** The base URL (no schema). */
    public static String baseUrl() {
        String env = System.getenv("CHATROOM_TEST_POSTGRES");
        return env == null || env.isBlank() ? DEFAULT : env;
    }

    /** A {@code --db} URL with a fresh schema, or the test is skipped (locally) or failed (CI) without a server. */
    public static String freshSchemaUrl() {
        requireServer();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return baseUrl() + (baseUrl().contains("?") ? "&" : "?") + "schema=" + schema.toLowerCase(Locale.ROOT);
    }

    /** Skips (locally) or fails (in CI) when no PostgreSQL answers. */
    public static void requireServer() {
        URI uri = URI.create(baseUrl());
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), port), 2_000);
        } catch (IOException e) {
            String why = "no PostgreSQL at " + uri.getHost() + ":" + port + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; CI must install and start it (.ci/run)", e);
            }
            Assumptions.abort(why + "; skipped outside CI");
        }
    }
}
