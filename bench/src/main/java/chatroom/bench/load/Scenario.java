package chatroom.bench.load;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/** A load scenario: runs against {@link Target}, prints the table and the JSON lines. */
abstract class Scenario implements Callable<Integer> {
    @Mixin
    Target target = new Target();

    @CommandLine.Spec
    CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

    /** Runs the scenario once against the target; every result it measured, in order. */
    abstract List<Result> run(Load load) throws Exception;

    List<Result> run() throws Exception {
        try (Load load = new Load(target)) {
            List<Result> results = run(load);
            results.forEach(r -> r.with("generatorIo", load.io().toString()));
            return results;
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
        Report.print(run(), out);
        return 0;
    }

    ProcStats server() {
        return target.pid > 0 ? ProcStats.of(target.pid) : new ProcStats(-1, -1, System.nanoTime());
    }

    static void pause(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * Waits until every expected delivery arrived or nothing arrived for {@code quiet}, at most 20 s: lines still in
     * flight when the senders stop count as delivered, not lost.
     */
    static void drain(Meter m, Duration quiet) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long seen = m.received.sum();
        long lastProgress = System.nanoTime();
        while (m.unique() < m.expected.sum() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(50));
            long r = m.received.sum();
            if (r != seen) {
                seen = r;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > quiet.toNanos()) {
                return;
            }
        }
    }

    /** Joins each connection to its room, a bounded number at a time. */
    static void joinAll(List<Conn> conns, java.util.function.IntFunction<String> room, int atOnce) {
        for (int from = 0; from < conns.size(); from += atOnce) {
            List<Conn> batch = conns.subList(from, Math.min(conns.size(), from + atOnce));
            var joins = batch.stream().map(c -> c.join(room.apply(c.index))).toList();
            for (var j : joins) {
                j.orTimeout(30, TimeUnit.SECONDS).join();
            }
        }
    }
}
