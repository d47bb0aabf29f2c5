package chatroom.bench.load;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the connections of one run count: lines sent, deliveries expected and seen, duplicates, disconnects, and a
 * latency histogram (nanoseconds). Counters run for the whole run, so lost lines include warm-up and drain; the
 * histogram and the rates cover the measurement window only.
 */
final class Meter {
    final LongAdder sent = new LongAdder();
    final LongAdder expected = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    private final Recorder latency = new Recorder(3);

    void delivered(long sentAtNanos, boolean duplicate) {
        received.increment();
        if (duplicate) {
            duplicates.increment();
        }
        latency.recordValue(Math.max(0, System.nanoTime() - sentAtNanos));
    }

    void latency(long nanos) {
        latency.recordValue(Math.max(0, nanos));
    }

    /** Zeroes every counter, between the steps of a run once the previous step has drained. */
    void reset() {
        sent.reset();
        expected.reset();
        received.reset();
        duplicates.reset();
        disconnects.reset();
        latency.reset();
    }

    /** Starts a measurement window: drops the latencies seen so far. */
    Window open() {
        latency.reset();
        return new Window(sent.sum(), received.sum(), System.nanoTime());
    }

    long unique() {
        return received.sum() - duplicates.sum();
    }

    long lost() {
        return Math.max(0, expected.sum() - unique());
    }

    /** The counters at the start of a measurement window. */
    final class Window {
        private final long sent0;
        private final long received0;
        private final long start;
        private long sentIn;
        private long receivedIn;
        private double seconds;
        private Histogram histogram = new Histogram(3);

        private Window(long sent0, long received0, long start) {
            this.sent0 = sent0;
            this.received0 = received0;
            this.start = start;
        }

        /** Ends the window: the rates and latencies between {@link #open} and now. */
        Window close() {
            seconds = (System.nanoTime() - start) / 1e9;
            sentIn = sent.sum() - sent0;
            receivedIn = received.sum() - received0;
            histogram = latency.getIntervalHistogram();
            return this;
        }

        double seconds() {
            return seconds;
        }

        double sentPerSecond() {
            return sentIn / seconds;
        }

        double deliveriesPerSecond() {
            return receivedIn / seconds;
        }

        Histogram histogram() {
            return histogram;
        }
    }
}
