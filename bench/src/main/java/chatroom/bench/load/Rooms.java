package chatroom.bench.load;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * S2: {@code --users} spread over {@code --rooms} rooms, each user sending to its room at a fixed rate (open loop),
 * one step per {@code --rate}. A step passes when p99 <= {@code --max-p99} and at least {@code --min-delivered} of
 * the expected deliveries arrived; the report names the highest passing rate. After two failed steps in a row the
 * higher rates are not run (an overloaded server would still be working off their backlog in the next scenario).
 */
@Command(name = "rooms", mixinStandardHelpOptions = true, showDefaultValues = true, description = "Many rooms.")
final class Rooms extends Scenario {
    /** How often each event loop looks for users whose line is due, at most. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    @Option(names = "--users", defaultValue = "200", description = "Users.")
    int users = 200;

    @Option(names = "--rooms", defaultValue = "20", description = "Rooms (user i is in room i mod rooms).")
    int rooms = 20;

    @Option(
            names = "--rate",
            defaultValue = "1,2,4",
            split = ",",
            description = "Lines per second per user, one step each, in order.")
    List<Double> rates = List.of(1.0, 2.0, 4.0);

    @Option(names = "--max-p99", defaultValue = "250", description = "p99 latency (ms) a step must not exceed.")
    double maxP99 = 250;

    @Option(names = "--min-delivered", defaultValue = "0.95", description = "Share of deliveries a step needs.")
    double minDelivered = 0.95;

    @Override
    List<Result> run(Load load) throws Exception {
        Target.checkCount("--users", users);
        if (rooms < 1 || rooms > users) {
            throw new IllegalArgumentException("need 1 <= --rooms <= --users");
        }
        Meter m = new Meter();
        List<Conn> conns = load.openAll(users, i -> "r" + i, m, false);
        List<Result> results = new ArrayList<>();
        try {
            if (load.failures() > 0) {
                throw new IllegalStateException(load.failures() + " connections failed: " + load.firstFailure());
            }
            joinAll(conns, i -> "#r" + (i % rooms), target.maxPending);
            double best = 0;
            int failedInARow = 0;
            for (double rate : rates) {
                if (failedInARow == 2) {
                    // the server is overloaded; higher rates would only pile up a backlog that the next scenario meets
                    break;
                }
                pause(Duration.ofMillis(500));
                m.reset();
                // each step's senders count from 0 again
                for (Conn c : conns) {
                    c.receive(users, (at, s, seq) -> {});
                }
                Result r = step(m, conns, rate);
                results.add(r);
                if (Boolean.TRUE.equals(r.extra().get("pass"))) {
                    best = Math.max(best, rate);
                    failedInARow = 0;
                } else {
                    failedInARow++;
                }
            }
            for (Result r : results) {
                r.with("bestPassingRate", best);
            }
            return results;
        } finally {
            Load.quitAll(conns);
        }
    }

    /** A user's sender and when its next line is due; touched on its connection's event loop only. */
    private static final class Paced {
        final Sender sender;
        long due;

        Paced(Sender sender, long due) {
            this.sender = sender;
            this.due = due;
        }
    }

    /** On one event loop: each of its users whose line is due sends it, or skips it while its socket is full. */
    private static void sendDue(List<Paced> senders, long period, LongAdder skipped) {
        long now = System.nanoTime();
        for (Paced p : senders) {
            while (now - p.due >= 0) {
                p.due += period;
                if (p.sender.writable()) {
                    p.sender.sendNow();
                } else {
                    skipped.increment();
                }
            }
        }
    }

    private Result step(Meter m, List<Conn> conns, double rate) {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder skipped = new LongAdder();
        long period = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / rate));
        // one timer per event loop, not one per user (at 50 lines/s, 1,000 users made 50,000 timer tasks a second)
        Map<EventLoop, List<Paced>> byLoop = new HashMap<>();
        long now = System.nanoTime();
        for (Conn c : conns) {
            int size = users / rooms + (c.index % rooms < users % rooms ? 1 : 0);
            Sender s = new Sender(c, c.index, "#r" + (c.index % rooms), size - 1, m, running);
            byLoop.computeIfAbsent(c.channel().eventLoop(), l -> new ArrayList<>())
                    .add(new Paced(s, now + ThreadLocalRandom.current().nextLong(period)));
        }
        long tick = Math.min(period, TICK_NANOS);
        List<ScheduledFuture<?>> timers = new ArrayList<>();
        byLoop.forEach((loop, senders) -> timers.add(
                loop.scheduleAtFixedRate(() -> sendDue(senders, period, skipped), tick, tick, TimeUnit.NANOSECONDS)));
        pause(target.warmup);
        ProcStats srv0 = server();
        ProcStats self0 = ProcStats.self();
        Meter.Window w = m.open();
        pause(target.duration);
        w.close();
        ProcStats srv1 = server();
        ProcStats self1 = ProcStats.self();
        running.set(false);
        timers.forEach(t -> t.cancel(false));
        drain(m, Duration.ofSeconds(1));
        long expected = m.expected.sum();
        double delivered = expected == 0 ? 0 : (double) m.unique() / expected;
        String params = String.format(Locale.ROOT, "users=%d rooms=%d rate=%s/s", users, rooms, rate);
        Result r = Result.of("rooms", target, params, conns.size(), m, w, srv0, srv1, self0, self1);
        return r.with("ratePerUser", rate)
                .with("offeredPerSecond", rate * users)
                .with("delivered", delivered)
                .with("skippedFull", skipped.sum())
                .with("pass", r.p99() >= 0 && r.p99() <= maxP99 && delivered >= minDelivered);
    }
}
