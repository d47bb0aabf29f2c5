package chatroom.client;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: 1 s, doubling up to 30 s, each shortened by a random part of up to a quarter so that many clients
 * dropped at once do not come back in step. A successful registration resets it.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(30);

    private final RandomGenerator random;
    private Duration next = FIRST;

    Backoff(RandomGenerator random) {
        this.random = random;
    }

    Duration next() {
        Duration base = next;
        next = base.multipliedBy(2).compareTo(MAX) > 0 ? MAX : base.multipliedBy(2);
        long ms = base.toMillis();
        return Duration.ofMillis(ms - (long) (random.nextDouble() * ms / 4));
    }

    void reset() {
        next = FIRST;
    }
}
