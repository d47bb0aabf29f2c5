package chatroom.bench.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the load goes and how long it runs: the options every scenario shares. */
final class Target {
    /** Upper bounds that keep a run from becoming something other than a benchmark. */
    static final int MAX_CONNECTIONS = 19_900;

    static final Duration MAX_DURATION = Duration.ofMinutes(10);

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Server address (loopback unless --allow-remote).")
    String host = "127.0.0.1";

    @Option(names = "--port", defaultValue = "6667", description = "Server IRC port (plain IRC, no TLS).")
    int port = 6667;

    @Option(names = "--allow-remote", description = "Allow a target that is not a loopback address.")
    boolean allowRemote;

    @Option(names = "--label", defaultValue = "server", description = "Name of the server in the report.")
    String label = "server";

    @Option(names = "--pid", defaultValue = "0", description = "The server's PID: adds its CPU%% and RSS (from /proc).")
    long pid;

    @Option(names = "--warmup", defaultValue = "PT3S", description = "Load before measuring (ISO-8601).")
    Duration warmup = Duration.ofSeconds(3);

    @Option(names = "--duration", defaultValue = "PT10S", description = "Length of the measurement (ISO-8601).")
    Duration duration = Duration.ofSeconds(10);

    @Option(names = "--connect-rate", defaultValue = "2000", description = "New connections per second at most.")
    int connectRate = 2000;

    @Option(names = "--max-pending", defaultValue = "200", description = "Registrations under way at once at most.")
    int maxPending = 200;

    @Option(names = "--threads", defaultValue = "0", description = "Generator event loops (0 = one per core).")
    int threads;

    /** The target as a socket address, after the loopback check and the bounds on time. */
    InetSocketAddress address() throws UnknownHostException {
        InetAddress a = InetAddress.getByName(host);
        if (!a.isLoopbackAddress() && !allowRemote) {
            throw new IllegalArgumentException(host + " is not a loopback address; add --allow-remote if you mean it");
        }
        if (duration.compareTo(MAX_DURATION) > 0 || warmup.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration and --warmup are limited to " + MAX_DURATION);
        }
        return new InetSocketAddress(a, port);
    }

    static void checkCount(String what, int n) {
        if (n < 1 || n > MAX_CONNECTIONS) {
            throw new IllegalArgumentException(what + " must be between 1 and " + MAX_CONNECTIONS + ": " + n);
        }
    }
}
