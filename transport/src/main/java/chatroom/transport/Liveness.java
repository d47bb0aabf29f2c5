package chatroom.transport;

import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The keep-alive of every IRC connection (on the IRC ports and over WebSocket): after {@code interval} without an
 * inbound line a {@code PING}, and if nothing arrives within {@code timeout} after it, "Ping timeout". There is no
 * timer per connection: each event loop keeps its connections in a list and checks them all on one periodic task, as
 * a C server checks its clients once per pass of its main loop. A check runs every second, or four times per interval
 * or timeout when they are shorter, so a connection is pinged and timed out within that much of its due time.
 */
final class Liveness {
    private final String serverName;
    private final long intervalNanos;
    private final long timeoutNanos;
    private final long periodNanos;
    private final Map<EventExecutor, Sweep> sweeps = new ConcurrentHashMap<>();

    Liveness(String serverName, Duration interval, Duration timeout) {
        this.serverName = serverName;
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.periodNanos = Math.max(
                TimeUnit.MILLISECONDS.toNanos(10),
                Math.min(TimeUnit.SECONDS.toNanos(1), Math.min(intervalNanos, timeoutNanos) / 4));
    }

    /** The list of {@code loop}'s connections, created with its periodic check on first use. */
    Sweep sweepOf(EventExecutor loop) {
        return sweeps.computeIfAbsent(loop, Sweep::new);
    }

    /** One event loop's connections, in a list linked through them; touched on that event loop only. */
    final class Sweep {
        private @Nullable PingTimeoutHandler head;
        /** The time of the last check: a connection's lines are stamped with it, so a read costs no clock call. */
        private long now = System.nanoTime();

        Sweep(EventExecutor loop) {
            loop.scheduleAtFixedRate(this::check, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        }

        long now() {
            return now;
        }

        /** True when no connection of this event loop is in the list. */
        boolean isEmpty() {
            return head == null;
        }

        void add(PingTimeoutHandler h) {
            h.next = head;
            if (head != null) {
                head.prev = h;
            }
            head = h;
        }

        void remove(PingTimeoutHandler h) {
            if (h.prev != null) {
                h.prev.next = h.next;
            } else if (head == h) {
                head = h.next;
            }
            if (h.next != null) {
                h.next.prev = h.prev;
            }
            h.prev = null;
            h.next = null;
        }

        private void check() {
            now = System.nanoTime();
            for (PingTimeoutHandler h = head; h != null; ) {
                PingTimeoutHandler next = h.next; // a disconnect below may unlink h
                long quiet = now - h.lastRead;
                if (h.awaiting) {
                    if (quiet >= timeoutNanos) {
                        h.awaiting = false;
                        Disconnector.disconnect(
                                h.channel(),
                                "Ping timeout: " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " seconds");
                    }
                } else if (quiet >= intervalNanos) {
                    h.awaiting = true;
                    h.lastRead = now; // from here on: the time the PING went out
                    h.channel()
                            .writeAndFlush(
                                    Unpooled.copiedBuffer("PING :" + serverName + "\r\n", StandardCharsets.UTF_8),
                                    h.channel().voidPromise());
                }
                h = next;
            }
        }
    }
}
