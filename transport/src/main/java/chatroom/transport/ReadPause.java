package chatroom.transport;

import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Why a connection is not being read, and when it may be read again. Two reasons pause reading: flood control (fake
 * lag until a time) and the hub being behind on this connection's lines (more than {@link #HIGH} waiting), which keeps
 * one fast sender from filling the hub's queue ahead of everyone else. Reading resumes only when neither holds. State
 * changes run on the channel's event loop; the count of lines at the hub is shared with the hub.
 */
final class ReadPause {
    /** Lines waiting at the hub beyond which this connection is not read. */
    static final int HIGH = 64;
    /** Reading resumes once the hub is down to this many. */
    static final int LOW = 16;

    /** A field and its updater, not an AtomicInteger: 16 bytes less on every connection. */
    private static final AtomicIntegerFieldUpdater<ReadPause> AT_HUB =
            AtomicIntegerFieldUpdater.newUpdater(ReadPause.class, "atHub");

    private final Channel channel;
    /** Lines sent to the hub and not yet handled; only through {@link #AT_HUB}. */
    private volatile int atHub;

    private long throttledUntil;

    /** One per connection, kept by its {@link NettyConnection}. */
    ReadPause(Channel channel) {
        this.channel = channel;
    }

    /** Event loop: a line goes to the hub. */
    void lineToHub() {
        if (AT_HUB.incrementAndGet(this) >= HIGH) {
            channel.config().setAutoRead(false);
        }
    }

    /** Hub: a line was handled. */
    void lineHandled() {
        if (AT_HUB.decrementAndGet(this) == LOW) {
            channel.eventLoop().execute(this::resumeIfClear);
        }
    }

    /** Any thread: flood control pauses reading for {@code nanos}. */
    void throttle(long nanos) {
        channel.eventLoop().execute(() -> {
            throttledUntil = System.nanoTime() + nanos;
            channel.config().setAutoRead(false);
            channel.eventLoop().schedule(this::resumeIfClear, nanos, TimeUnit.NANOSECONDS);
        });
    }

    private void resumeIfClear() {
        if (System.nanoTime() - throttledUntil >= 0 && atHub < HIGH && !Disconnector.closing(channel)) {
            channel.config().setAutoRead(true);
        }
    }
}
