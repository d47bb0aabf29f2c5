package chatroom.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Why a connection is not being read, and when it may be read again. Three reasons pause reading: flood control (fake
 * lag until a time), the hub being behind on this connection's lines (more than {@link #HIGH} waiting), which keeps
 * one fast sender from filling the hub's queue ahead of everyone else, and the history store being behind (a hold
 * until the hub releases it). Reading resumes only when none holds. State changes run on the channel's event loop;
 * the count of lines at the hub is shared with the hub.
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
    /** Event loop only: flood control has slowed this connection at least once. */
    private boolean flooded;
    /** Held until the history store catches up: set by the hub, so that decoding stops at once. */
    private volatile boolean held;

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
            flooded = true;
            channel.config().setAutoRead(false);
            channel.eventLoop().schedule(this::resumeIfClear, nanos, TimeUnit.NANOSECONDS);
        });
    }

    /** Any thread: the store is behind (stop reading until released), or no longer. */
    void hold(boolean hold) {
        held = hold;
        channel.eventLoop().execute(() -> {
            if (held) {
                channel.config().setAutoRead(false);
            } else {
                resumeIfClear();
            }
        });
    }

    /**
     * Event loop: lines already read wait in their connection's {@link HeldLines} stage rather than go to the hub: while the store
     * holds the connection, or while 64 of its lines wait at the hub. Not once flood control has slowed it: a flooder's
     * lines go on to the hub as they are read, where each adds to its lag until it is cut off with "Excess Flood".
     */
    boolean holdsLines() {
        return held || (atHub >= HIGH && !flooded);
    }

    /**
     * Any thread: the server, not the client, keeps this connection from being read (held for the store, or 64 of its
     * lines waiting at the hub), so its silence is no sign that it is gone: its answer to a PING may be waiting unread.
     */
    boolean pausedByServer() {
        return held || atHub >= HIGH;
    }

    private void resumeIfClear() {
        if (!held && System.nanoTime() - throttledUntil >= 0 && atHub < HIGH && !Disconnector.closing(channel)) {
            channel.config().setAutoRead(true);
            ChannelHandlerContext held = channel.pipeline().context(HeldLines.class);
            if (held != null) {
                ((HeldLines) held.handler()).resume(held);
            }
        }
    }
}
