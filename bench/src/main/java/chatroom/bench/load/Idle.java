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
 * <p>The connections are opened in two halves. {@code rssPerConnectionKiB} is what the second half added per
 * connection: the cost of one more connection, without what a server touches once whatever the count (a JVM's young
 * generation, a C server's first arena). {@code rssGrowthPerConnectionKiB} is the growth from before the first
 * connection, divided by the count.
 */
@Command(name = "idle", mixinStandardHelpOptions = true, showDefaultValues = true, description = "Idle connections.")
final class Idle extends Scenario {
    @Option(names = "--connections", defaultValue = "1000", description = "Registered idle connections.")
    int connections = 1000;

    @Override
    List<Result> run(Load load) throws Exception {
        Target.checkCount("--connections", connections);
        Meter m = new Meter();
        ProcStats before = server();
        long t0 = System.nanoTime();
        int half = connections / 2;
        List<Conn> conns = new ArrayList<>(load.openAll(half, i -> "i" + i, m, true));
        pause(Duration.ofSeconds(1));
        ProcStats middle = server();
        int opened = conns.size();
        conns.addAll(load.openAll(connections - half, i -> "i" + (half + i), m, true));
        double setupSeconds = (System.nanoTime() - t0) / 1e9 - 1;
        try {
            pause(Duration.ofSeconds(1));
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
            if (before.rssKiB() > 0 && srv1.rssKiB() > 0 && conns.size() > opened) {
                r.with("serverRssBeforeKiB", before.rssKiB())
                        .with(
                                "rssPerConnectionKiB",
                                (double) (srv1.rssKiB() - middle.rssKiB()) / (conns.size() - opened))
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
}
