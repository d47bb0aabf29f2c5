package chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void delaysDoubleFromOneSecondToThirtyWithJitterBelowEachStep() {
        Backoff b = new Backoff(new SplittableRandom(42));
        long[] steps = {1, 2, 4, 8, 16, 30, 30, 30};
        for (long s : steps) {
            Duration d = b.next();
            assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(s));
            assertThat(d).isGreaterThanOrEqualTo(Duration.ofMillis(s * 750));
        }
    }

    @Test
    void resetStartsAgainAtOneSecond() {
        Backoff b = new Backoff(new SplittableRandom(1));
        b.next();
        b.next();
        b.reset();
        assertThat(b.next()).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterSpreadsClientsApart() {
        Duration first = new Backoff(new SplittableRandom(1)).next();
        Duration second = new Backoff(new SplittableRandom(2)).next();
        assertThat(first).isNotEqualTo(second);
    }
}
