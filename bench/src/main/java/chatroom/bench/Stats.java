package chatroom.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Counters and a latency histogram that the load clients share; reset between warm-up and measurement. */
final class Stats {
    private final LongAdder sent = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final Recorder latency = new Recorder(3);

    void sent() {
        sent.increment();
    }

    void delivered(long nanos) {
        delivered.increment();
        latency.recordValue(Math.max(0, nanos));
    }

    /** Starts a measurement window. */
    void reset() {
        sent.reset();
        delivered.reset();
        latency.reset();
    }

    /** What happened since the last reset, over {@code seconds}. */
    Result result(String mode, double seconds, int members) {
        Histogram h = latency.getIntervalHistogram();
        return new Result(
                mode,
                sent.sum() / seconds,
                delivered.sum() / seconds,
                members,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getValueAtPercentile(99.9) / 1e6,
                h.getMaxValue() / 1e6);
    }

    /** One measured run; times in milliseconds. */
    record Result(
            String mode,
            double sentPerSecond,
            double deliveriesPerSecond,
            int members,
            double p50,
            double p99,
            double p999,
            double max) {}
}
