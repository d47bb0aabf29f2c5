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
 * a C server checks its clients once per pass of its main loop. The list is linked through the connections
 * themselves, so keeping a connection alive costs it a few fields and no object or pipeline stage of its own. A check
 * runs every second, or four times per interval or timeout when they are shorter, so a connection is pinged and
 * timed out within that much of its due time. A connection the server itself is not reading (ReadPause) is neither
 * pinged nor timed out until reading resumes.
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

    /** Event loop: {@code c} became active and is kept alive from now on; joining twice changes nothing. */
    void join(NettyConnection c) {
        if (c.sweep != null) {
            return; // already in the list: a second insert would link it to itself
        }
        Sweep s = sweepOf(c.channel().eventLoop());
        c.sweep = s;
        c.lastRead = s.now();
        s.add(c);
    }

    /** Event loop: {@code c} closed. */
    static void leave(NettyConnection c) {
        Sweep s = c.sweep;
        if (s != null) {
            s.remove(c);
            c.sweep = null;
        }
    }

    /** Event loop: a line arrived on {@code c}, a sign of life. */
    static void sawLine(NettyConnection c) {
        Sweep s = c.sweep;
        if (s != null) {
            c.lastRead = s.now();
            c.awaiting = false;
        }
    }

    /** One event loop's connections, in a list linked through them; touched on that event loop only. */
    final class Sweep {
        private @Nullable NettyConnection head;
        /** The time of the last check: a connection's lines are stamped with it, so a read costs no clock call. */
        private long now = System.nanoTime();

        Sweep(EventExecutor loop) {
            loop.scheduleAtFixedRate(this::check, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        }

        long now() {
            return now;
        }

        /** How many of this event loop's connections are in the list. */
        int size() {
            int n = 0;
            for (NettyConnection c = head; c != null; c = c.next) {
                n++;
            }
            return n;
        }

        private void add(NettyConnection h) {
            h.next = head;
            if (head != null) {
                head.prev = h;
            }
            head = h;
        }

        private void remove(NettyConnection h) {
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
            for (NettyConnection h = head; h != null; ) {
                NettyConnection next = h.next; // a disconnect below may unlink h
                if (h.readPause().pausedByServer()) {
                    h.lastRead = now; // quiet because it is not read: the keep-alive counts from the resume
                    h.awaiting = false;
                }
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
