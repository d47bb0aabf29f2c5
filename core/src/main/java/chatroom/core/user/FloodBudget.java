package chatroom.core.user;

import java.time.Duration;
import java.time.Instant;

/**
 * Fake lag as in ergo {@code irc/fakelag.go}, without sleeping: each command costs one token; tokens refill at a
 * steady rate up to a burst. A command that finds no token makes the client lag; the transport applies the lag by
 * pausing reads (STYLE.md §5.8).
 */
public final class FloodBudget {
    private final int burst;
    private final double perSecond;
    private double tokens;
    private Instant last;

    public FloodBudget(int burst, double perSecond, Instant now) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.tokens = burst;
        this.last = now;
    }

    /** Charges one command; returns how long the client is behind (zero when within budget). */
    public Duration charge(Instant now) {
        if (perSecond <= 0) {
            return Duration.ZERO;
        }
        double elapsed = Math.max(0, Duration.between(last, now).toNanos() / 1e9);
        last = now;
        tokens = Math.min(burst, tokens + elapsed * perSecond) - 1;
        if (tokens >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (-tokens / perSecond * 1e9));
    }
}
