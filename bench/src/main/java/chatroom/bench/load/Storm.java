package chatroom.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Connection churn: {@code --workers} loops that each connect, register, QUIT, wait for the close, and start over.
 * Reports completed cycles per second; the latency columns are connect-to-welcome (001) times.
 */
@Command(name = "storm", mixinStandardHelpOptions = true, showDefaultValues = true, description = "Connect churn.")
final class Storm extends Scenario {
    @Option(names = "--workers", defaultValue = "20", description = "Connections churning at once.")
    int workers = 20;

    private final AtomicBoolean running = new AtomicBoolean();
    private final LongAdder cycles = new LongAdder();
    private final LongAdder failed = new LongAdder();

    @Override
    List<Result> run(Load load) throws Exception {
        Target.checkCount("--workers", workers);
        Meter m = new Meter();
        running.set(true);
        for (int i = 0; i < workers; i++) {
            cycle(load, m, i, 0);
        }
        pause(target.warmup);
        ProcStats srv0 = server();
        ProcStats self0 = ProcStats.self();
        long c0 = cycles.sum();
        Meter.Window w = m.open();
        pause(target.duration);
        w.close();
        long done = cycles.sum() - c0;
        ProcStats srv1 = server();
        ProcStats self1 = ProcStats.self();
        running.set(false);
        pause(Duration.ofMillis(500));
        Result r = Result.of("storm", target, "workers=" + workers, workers, m, w, srv0, srv1, self0, self1);
        return List.of(r.with("cyclesPerSecond", done / w.seconds()).with("failed", failed.sum()));
    }

    // each stage handles its own failure (counted, next cycle started), so the returned futures carry nothing
    @SuppressWarnings("FutureReturnValueIgnored")
    private void cycle(Load load, Meter m, int worker, long n) {
        if (!running.get()) {
            return;
        }
        long start = System.nanoTime();
        load.open(worker, "s" + worker + "x" + n, m, null).whenComplete((c, e) -> {
            if (e != null) {
                failed.increment();
                // a short pause so a refusing server is not hammered in a tight loop
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
                        .execute(() -> cycle(load, m, worker, n + 1));
                return;
            }
            m.latency(System.nanoTime() - start);
            cycles.increment();
            c.closed.orTimeout(10, TimeUnit.SECONDS).whenComplete((v, t) -> {
                c.close();
                cycle(load, m, worker, n + 1);
            });
            c.quit();
        });
    }
}
