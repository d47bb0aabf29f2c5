package chatroom.bench.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A human table of results and one JSON object per result (one line each, for scripts and compare.sh). */
final class Report {
    private static final JsonFactory JSON = new JsonFactory();

    private Report() {}

    static void print(List<Result> results, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%-9s %-10s %6s %11s %13s %8s %8s %8s %8s %7s %5s %5s %8s %10s %8s  %s%n",
                "scenario",
                "server",
                "conns",
                "sent/s",
                "deliveries/s",
                "p50 ms",
                "p99 ms",
                "p999 ms",
                "max ms",
                "lost",
                "dup",
                "disc",
                "srv cpu%",
                "srv rss MiB",
                "gen cpu%",
                "notes");
        for (Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-9s %-10s %6d %11.0f %13.0f %8.2f %8.2f %8.2f %8.2f %7d %5d %5d %8.0f %10.1f %8.0f  %s%n",
                    r.scenario(),
                    r.server(),
                    r.connections(),
                    r.sentPerSecond(),
                    r.deliveriesPerSecond(),
                    r.p50(),
                    r.p99(),
                    r.p999(),
                    r.max(),
                    r.lost(),
                    r.duplicates(),
                    r.disconnects(),
                    r.serverCpu(),
                    r.serverRssKiB() < 0 ? -1.0 : r.serverRssKiB() / 1024.0,
                    r.generatorCpu(),
                    r.params() + (r.extra().isEmpty() ? "" : " " + r.extra()));
        }
        for (Result r : results) {
            out.println(json(r));
        }
        out.flush();
    }

    static String json(Result r) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("scenario", r.scenario());
            g.writeStringField("server", r.server());
            g.writeStringField("params", r.params());
            g.writeNumberField("connections", r.connections());
            g.writeNumberField("seconds", round(r.seconds()));
            g.writeNumberField("sentPerSecond", Math.round(r.sentPerSecond()));
            g.writeNumberField("deliveriesPerSecond", Math.round(r.deliveriesPerSecond()));
            g.writeNumberField("p50Ms", round(r.p50()));
            g.writeNumberField("p99Ms", round(r.p99()));
            g.writeNumberField("p999Ms", round(r.p999()));
            g.writeNumberField("maxMs", round(r.max()));
            g.writeNumberField("lost", r.lost());
            g.writeNumberField("duplicates", r.duplicates());
            g.writeNumberField("disconnects", r.disconnects());
            g.writeNumberField("serverCpuPercent", round(r.serverCpu()));
            g.writeNumberField("serverRssKiB", r.serverRssKiB());
            g.writeNumberField("generatorCpuPercent", round(r.generatorCpu()));
            for (Map.Entry<String, Object> e : r.extra().entrySet()) {
                g.writeFieldName(e.getKey());
                Object v = e.getValue();
                if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (v instanceof Number n) {
                    g.writeNumber(round(n.doubleValue()));
                } else {
                    g.writeString(String.valueOf(v));
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A flat JSON object as written by {@link #json}: numbers as doubles, booleans and strings as they are. */
    static Map<String, Object> parse(String line) {
        Map<String, Object> m = new LinkedHashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object: " + line);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    m.put(name, p.getDoubleValue());
                } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    m.put(name, p.getBooleanValue());
                } else {
                    m.put(name, p.getText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
