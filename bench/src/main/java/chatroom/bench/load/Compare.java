package chatroom.bench.load;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Side-by-side table from the JSON lines of several runs (bench/compare.sh): per scenario, the headline numbers of
 * each server and the ratio of {@code --reference} to each other server. For rates higher is better; for latency and
 * memory lower is better, and the ratio is still reference / peer.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Ratios from saved JSON lines.")
final class Compare implements Callable<Integer> {
    /** The headline metrics: JSON field, label, whether only the passing rooms step counts. */
    private static final List<String[]> METRICS = List.of(
            new String[] {"fanout", "deliveriesPerSecond", "S1 fan-out deliveries/s"},
            new String[] {"fanout", "p50Ms", "S1 latency p50 ms"},
            new String[] {"fanout", "p99Ms", "S1 latency p99 ms"},
            new String[] {"rooms", "deliveriesPerSecond", "S2 rooms deliveries/s at best passing rate"},
            new String[] {"rooms", "bestPassingRate", "S2 rooms best passing rate /user/s"},
            new String[] {"whispers", "deliveriesPerSecond", "S3 whispers deliveries/s"},
            new String[] {"idle", "rssPerConnectionKiB", "S4 idle RSS KiB/connection (slope, second half)"},
            new String[] {"idle", "rssGrowthPerConnectionKiB", "S4 idle RSS growth KiB/connection (from start)"},
            new String[] {"idle", "connections", "S4 idle registered connections"},
            new String[] {"storm", "cyclesPerSecond", "storm connect+register+quit /s"});

    @Option(names = "--reference", defaultValue = "chatroom", description = "The server the ratios are about.")
    String reference = "chatroom";

    @Parameters(arity = "1..*", description = "Files of JSON lines (other lines are skipped).")
    List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("{\"scenario\"")) {
                    rows.add(Report.parse(line));
                }
            }
        }
        print(rows, Objects.requireNonNull(spec).commandLine().getOut());
        return 0;
    }

    void print(List<Map<String, Object>> rows, PrintWriter out) {
        Set<String> servers = new LinkedHashSet<>();
        servers.add(reference);
        rows.forEach(r -> servers.add(String.valueOf(r.get("server"))));
        List<String> peers = servers.stream().filter(s -> !s.equals(reference)).toList();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-44s", "metric"));
        servers.forEach(s -> head.append(String.format(Locale.ROOT, " %12s", s)));
        peers.forEach(p -> head.append(String.format(Locale.ROOT, " %16s", reference + "/" + p)));
        out.println(head);
        for (String[] metric : METRICS) {
            Map<String, Double> value = new LinkedHashMap<>();
            for (String s : servers) {
                Double v = headline(rows, metric[0], metric[1], s);
                if (v != null) {
                    value.put(s, v);
                }
            }
            if (value.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-44s", metric[2]));
            for (String s : servers) {
                Double v = value.get(s);
                line.append(
                        v == null
                                ? String.format(Locale.ROOT, " %12s", "-")
                                : String.format(Locale.ROOT, " %12.2f", v));
            }
            Double ref = value.get(reference);
            for (String p : peers) {
                Double v = value.get(p);
                line.append(
                        ref == null || v == null || v == 0
                                ? String.format(Locale.ROOT, " %16s", "-")
                                : String.format(Locale.ROOT, " %16.2f", ref / v));
            }
            out.println(line);
        }
        out.println("ratios are " + reference + "/peer: above 1 is better for rates, below 1 for latency and memory");
        out.flush();
    }

    /**
     * The metric of one server in one scenario: for rooms the step at the best passing rate, otherwise the median
     * over the runs of that scenario (compare.sh may repeat them).
     */
    private static @org.jspecify.annotations.Nullable Double headline(
            List<Map<String, Object>> rows, String scenario, String field, String server) {
        List<Map<String, Object>> mine = rows.stream()
                .filter(r -> scenario.equals(r.get("scenario")) && server.equals(r.get("server")))
                .toList();
        if (scenario.equals("rooms")) {
            mine = mine.stream()
                    .filter(r -> Boolean.TRUE.equals(r.get("pass"))
                            && Objects.equals(r.get("ratePerUser"), r.get("bestPassingRate")))
                    .toList();
        }
        List<Double> values = mine.stream()
                .map(r -> r.get(field))
                .filter(Double.class::isInstance)
                .map(Double.class::cast)
                .sorted()
                .toList();
        return values.isEmpty() ? null : values.get(values.size() / 2);
    }
}
