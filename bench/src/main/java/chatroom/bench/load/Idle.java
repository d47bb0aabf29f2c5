package chatroom.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * S4: {@code --connections} registered connections that stay silent (they answer PING) for {@code --duration}, from
 * source addresses 127.0.0.2..251 so more connections fit than one address's ephemeral ports. With {@code --pid}:
 * the server's RSS per connection and its CPU while they idle (keep-alive cost).
 *
 * <p>The connections are opened in {@value #STEPS} steps, with the server's RSS read after each.
 * {@code rssPerConnectionKiB} is the least-squares slope of RSS over the connection count across the second half of
 * the steps: the cost of one more connection, without what a server touches once whatever the count (a JVM's young
 * generation, a C server's first arena), and less at the mercy of where one garbage collection happened to fall than
 * a difference of two readings. {@code rssGrowthPerConnectionKiB} is the growth from before the first connection to
 * the end of the idle period, divided by the count.
 */
@Command(name = "idle", mixinStandardHelpOptions = true, showDefaultValues = true, description = "Idle connections.")
final class Idle extends Scenario {
    /** How many batches the connections open in; RSS is read after each. */
    static final int STEPS = 10;

    @Option(names = "--connections", defaultValue = "1000", description = "Registered idle connections.")
    int connections = 1000;

    /** How long the server may settle after each step before its RSS is read. */
    Duration settle = Duration.ofSeconds(1);

    @Override
    List<Result> run(Load load) throws Exception {
        Target.checkCount("--connections", connections);
        Meter m = new Meter();
        ProcStats before = server();
        long t0 = System.nanoTime();
        List<Conn> conns = new ArrayList<>(connections);
        double[] counts = new double[STEPS];
        double[] rss = new double[STEPS];
        for (int step = 0; step < STEPS; step++) {
            int first = conns.size();
            int upTo = (int) ((long) connections * (step + 1) / STEPS);
            conns.addAll(load.openAll(upTo - first, i -> "i" + (first + i), m, true));
            pause(settle);
            counts[step] = conns.size();
            rss[step] = server().rssKiB();
        }
        double setupSeconds = (System.nanoTime() - t0 - STEPS * settle.toNanos()) / 1e9;
        try {
            ProcStats srv0 = server();
            ProcStats self0 = ProcStats.self();
            Meter.Window w = m.open();
            pause(target.duration);
            w.close();
            ProcStats srv1 = server();
            ProcStats self1 = ProcStats.self();
            Result r = Result.of(
                    "idle", target, "connections=" + connections, conns.size(), m, w, srv0, srv1, self0, self1);
            r.with("failed", load.failures()).with("registrationsPerSecond", conns.size() / setupSeconds);
            if (before.rssKiB() > 0 && srv1.rssKiB() > 0 && connections >= STEPS) {
                r.with("serverRssBeforeKiB", before.rssKiB())
                        .with("rssPerConnectionKiB", slope(counts, rss, STEPS / 2))
                        .with("rssGrowthPerConnectionKiB", (double) (srv1.rssKiB() - before.rssKiB()) / conns.size());
            }
            if (load.failures() > 0) {
                r.with("firstFailure", load.firstFailure());
            }
            return List.of(r);
        } finally {
            Load.quitAll(conns);
        }
    }

    /** The least-squares slope of {@code y} over {@code x}, from index {@code from} on. */
    static double slope(double[] x, double[] y, int from) {
        int n = x.length - from;
        double mx = 0;
        double my = 0;
        for (int i = from; i < x.length; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
