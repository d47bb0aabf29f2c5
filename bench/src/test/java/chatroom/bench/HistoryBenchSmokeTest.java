package chatroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bench runs end to end with tiny counts: it measures something in both modes. Not a performance test. */
class HistoryBenchSmokeTest {
    @Test
    @Timeout(60)
    void bothModesDeliverAndTheReportComparesThem() throws Exception {
        HistoryBench b = new HistoryBench();
        b.members = 4;
        b.senders = 2;
        b.window = 2;
        b.rate = 100;
        b.rounds = 1;
        b.prime = Duration.ZERO;
        b.warmup = Duration.ofMillis(300);
        b.measure = Duration.ofMillis(700);
        List<Stats.Result> results = b.run();
        assertThat(results)
                .extracting(Stats.Result::mode)
                .containsExactly("sync-closed", "sync-rate100", "async-closed", "async-rate100");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.sentPerSecond()).isPositive();
            assertThat(r.deliveriesPerSecond()).isPositive();
            assertThat(r.p99()).isPositive();
        });
        StringWriter out = new StringWriter();
        HistoryBench.report(results, new PrintWriter(out));
        assertThat(out.toString()).contains("sync/async throughput:").contains("{\"bench\":\"history\"");
    }
}
