package chatroom.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One measured run of one scenario against one server. Rates per second, latencies in milliseconds, CPU in percent
 * of one core, RSS in KiB; -1 where a value was not measured (no --pid, or a scenario without timed lines).
 * {@code extra} holds what only some scenarios measure (RSS per connection, pass/fail, registrations/s).
 */
record Result(
        String scenario,
        String server,
        String params,
        int connections,
        double seconds,
        double sentPerSecond,
        double deliveriesPerSecond,
        double p50,
        double p99,
        double p999,
        double max,
        long lost,
        long duplicates,
        long disconnects,
        double serverCpu,
        long serverRssKiB,
        double generatorCpu,
        Map<String, Object> extra) {

    static Result of(
            String scenario,
            Target t,
            String params,
            int connections,
            Meter meter,
            Meter.Window w,
            ProcStats server0,
            ProcStats server1,
            ProcStats self0,
            ProcStats self1) {
        Histogram h = w.histogram();
        boolean timed = h.getTotalCount() > 0;
        return new Result(
                scenario,
                t.label,
                params,
                connections,
                w.seconds(),
                w.sentPerSecond(),
                w.deliveriesPerSecond(),
                timed ? h.getValueAtPercentile(50) / 1e6 : -1,
                timed ? h.getValueAtPercentile(99) / 1e6 : -1,
                timed ? h.getValueAtPercentile(99.9) / 1e6 : -1,
                timed ? h.getMaxValue() / 1e6 : -1,
                meter.lost(),
                meter.duplicates.sum(),
                meter.disconnects.sum(),
                server1.cpuPercentSince(server0),
                server1.rssKiB(),
                self1.cpuPercentSince(self0),
                new LinkedHashMap<>());
    }

    Result with(String key, Object value) {
        extra.put(key, value);
        return this;
    }
}
