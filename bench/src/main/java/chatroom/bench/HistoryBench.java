package chatroom.bench;

import chatroom.core.ServerConfig;
import chatroom.store.Database;
import chatroom.store.DatabaseUrl;
import chatroom.store.HistoryWriter;
import chatroom.store.JdbcHistoryStore;
import chatroom.store.JdbcStores;
import chatroom.store.Retention;
import chatroom.transport.ChatServer;
import chatroom.transport.ListenConfig;
import chatroom.transport.TransportConfig;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What commit-before-deliver costs (issue #3): the same room load against a server that stores each line before
 * delivering it ({@code sync}, the default) and one that delivers at once ({@code async}), one after the other in
 * one run. Two phases per mode: a closed loop (each sender keeps {@code --window} lines in flight) for throughput,
 * and a fixed offered rate for latency. Loopback only, bounded in time.
 */
@Command(name = "history-bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false)
public final class HistoryBench implements Callable<Integer> {
    @Option(names = "--members", defaultValue = "50", description = "Clients in the room.")
    int members;

    @Option(names = "--senders", defaultValue = "5", description = "How many of them send.")
    int senders;

    @Option(names = "--window", defaultValue = "8", description = "Lines in flight per sender (closed loop).")
    int window;

    @Option(names = "--rate", defaultValue = "2000", description = "Offered lines per second (latency phase).")
    int rate;

    @Option(names = "--warmup", defaultValue = "PT3S", description = "Warm-up before each measurement.")
    Duration warmup = Duration.ofSeconds(3);

    @Option(names = "--seconds", defaultValue = "PT10S", description = "Length of each measurement.")
    Duration measure = Duration.ofSeconds(10);

    @Option(names = "--rounds", defaultValue = "2", description = "Repeat sync and async this many times.")
    int rounds;

    @Option(
            names = "--prime",
            defaultValue = "PT3S",
            description = "Run each mode this long first and discard it, so the JIT has warmed up for both (0 = no).")
    Duration prime = Duration.ofSeconds(3);

    @Option(names = "--db", description = "History database (default: SQLite in a temporary directory).")
    @Nullable
    String db;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new HistoryBench()).execute(args);
        if (code != 0) {
            throw new IllegalStateException("history bench failed with exit code " + code);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
        List<Stats.Result> results = run();
        report(results, out);
        return 0;
    }

    /** Every measurement, in run order: for each round, sync then async, each closed loop then fixed rate. */
    List<Stats.Result> run() throws Exception {
        if (!prime.isZero()) {
            Duration w = warmup;
            Duration m = measure;
            warmup = Duration.ZERO;
            measure = prime;
            runMode(true);
            runMode(false);
            warmup = w;
            measure = m;
        }
        List<Stats.Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (boolean durable : new boolean[] {true, false}) {
                results.addAll(runMode(durable));
            }
        }
        return results;
    }

    private List<Stats.Result> runMode(boolean durable) throws Exception {
        String mode = durable ? "sync" : "async";
        Path dir = Files.createTempDirectory("chatroom-bench");
        ChatServer server = startServer(dir, durable);
        List<LoadClient> clients = new ArrayList<>();
        try {
            Stats stats = new Stats();
            InetSocketAddress irc = Objects.requireNonNull(server.ircAddress());
            for (int i = 0; i < members; i++) {
                clients.add(new LoadClient(irc, i, i < senders ? window : 1, stats));
            }
            for (LoadClient c : clients) {
                c.awaitJoined();
            }
            Stats.Result closed = phase(clients, stats, mode + "-closed", 0);
            Stats.Result fixed = phase(clients, stats, mode + "-rate" + rate, rate);
            return List.of(closed, fixed);
        } finally {
            for (LoadClient c : clients) {
                c.close();
            }
            server.shutdown("bench over");
            deleteTree(dir);
        }
    }

    private ChatServer startServer(Path dir, boolean durable) throws InterruptedException {
        Database database = Database.open(DatabaseUrl.parse(db, dir));
        var history = new HistoryWriter(
                new JdbcHistoryStore(database), durable, Retention.KEEP_EVERYTHING, InstantSource.system());
        return ChatServer.start(
                ServerConfig.defaults().withFlood(0, 0),
                new TransportConfig(
                        8192, 16 << 20, Duration.ofMinutes(5), Duration.ofMinutes(5), 0, 0, Duration.ofMinutes(5)),
                new ListenConfig("127.0.0.1", 0, ListenConfig.DISABLED),
                null,
                JdbcStores.in(database, history, dir.resolve("files")));
    }

    /** Senders send until warm-up plus measurement is over; {@code rate} 0 means as fast as the window allows. */
    private Stats.Result phase(List<LoadClient> clients, Stats stats, String name, int rate) throws Exception {
        long end = System.nanoTime() + warmup.toNanos() + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            LoadClient c = clients.get(i);
            long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * senders / rate;
            threads.add(Thread.ofPlatform().name("sender-" + i).start(() -> send(c, interval, end)));
        }
        Thread.sleep(warmup);
        stats.reset();
        Thread.sleep(measure);
        Stats.Result r = stats.result(name, measure.toNanos() / 1e9, members);
        for (Thread t : threads) {
            t.join();
        }
        // let lines still in flight arrive before the next phase starts counting
        Thread.sleep(Duration.ofMillis(500));
        return r;
    }

    private static void send(LoadClient c, long interval, long end) {
        long next = System.nanoTime();
        try {
            for (long n = 0; System.nanoTime() < end; n++) {
                if (interval > 0) {
                    next += interval;
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                c.sendTimed(n);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void report(List<Stats.Result> results, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%-16s %12s %14s %8s %8s %8s %8s%n",
                "run",
                "stored/s",
                "deliveries/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms");
        for (Stats.Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %12.0f %14.0f %8.2f %8.2f %8.2f %8.2f%n",
                    r.mode(),
                    r.sentPerSecond(),
                    r.deliveriesPerSecond(),
                    r.p50(),
                    r.p99(),
                    r.p999(),
                    r.max());
        }
        double syncClosed = mean(results, "sync-closed", Stats.Result::sentPerSecond);
        double asyncClosed = mean(results, "async-closed", Stats.Result::sentPerSecond);
        double syncP99 = mean(results, "sync-rate", Stats.Result::p99);
        double asyncP99 = mean(results, "async-rate", Stats.Result::p99);
        out.printf(
                Locale.ROOT,
                "sync/async throughput: %.2f   added p99 at the fixed rate: %.2f ms%n",
                syncClosed / asyncClosed,
                syncP99 - asyncP99);
        for (Stats.Result r : results) {
            out.println(json(r));
        }
        out.flush();
    }

    private static double mean(
            List<Stats.Result> results, String prefix, java.util.function.ToDoubleFunction<Stats.Result> f) {
        return results.stream()
                .filter(r -> r.mode().startsWith(prefix))
                .mapToDouble(f)
                .average()
                .orElse(Double.NaN);
    }

    private static String json(Stats.Result r) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("bench", "history");
            g.writeStringField("run", r.mode());
            g.writeNumberField("members", r.members());
            g.writeNumberField("storedPerSecond", Math.round(r.sentPerSecond()));
            g.writeNumberField("deliveriesPerSecond", Math.round(r.deliveriesPerSecond()));
            g.writeNumberField("p50Ms", r.p50());
            g.writeNumberField("p99Ms", r.p99());
            g.writeNumberField("p999Ms", r.p999());
            g.writeNumberField("maxMs", r.max());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
