package chatroom.transport;

import chatroom.core.Connection;
import chatroom.core.Outbox;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hub's outbox over Netty (STYLE.md §3 "Outbound"). Lives on the hub thread: it encodes each message once per
 * variant, groups writes by event loop, and on {@link #flush()} submits one task per event loop that writes to every
 * recipient there and flushes each channel once. Order per channel is the hub's order.
 */
final class NettyOutbox implements Outbox {
    private final ByteBufAllocator alloc;
    private final IdentityHashMap<EventLoop, List<Object>> pending = new IdentityHashMap<>();
    /** Hub-owned map; each value is shared with its event loop. */
    private final IdentityHashMap<EventLoop, Outgoing> outgoing = new IdentityHashMap<>();

    private final ServerMetrics metrics;
    /** Lines queued since the last flush, counted into the metrics once per flush. */
    private long delivered;

    NettyOutbox(ByteBufAllocator alloc, ServerMetrics metrics) {
        this.alloc = alloc;
        this.metrics = metrics;
    }

    /** In a batch, a close where a message would be: {@code ERROR :reason}, then the connection closes. */
    private record Close(String reason) {}

    @Override
    public void send(Session to, IrcMessage message) {
        Channel ch = channel(to);
        enqueue(
                ch,
                to.connection().protocol() == Connection.Protocol.PLAIN
                        ? message
                        : IrcEncoding.encode(alloc, message, IrcEncoding.variant(to)));
    }

    @Override
    public void sendAll(Iterable<Session> to, IrcMessage message) {
        ByteBuf[] encoded = new ByteBuf[IrcEncoding.VARIANTS];
        try {
            for (Session s : to) {
                Channel ch = channel(s);
                if (s.connection().protocol() == Connection.Protocol.PLAIN) {
                    enqueue(ch, message);
                    continue;
                }
                int v = IrcEncoding.variant(s);
                if (encoded[v] == null) {
                    encoded[v] = IrcEncoding.encode(alloc, message, v);
                }
                enqueue(ch, encoded[v].retainedDuplicate());
            }
        } finally {
            for (ByteBuf b : encoded) {
                if (b != null) {
                    b.release();
                }
            }
        }
    }

    @Override
    public void disconnect(Session session, String reason) {
        Channel ch = channel(session);
        List<Object> batch = pending.computeIfAbsent(ch.eventLoop(), k -> new ArrayList<>());
        batch.add(ch);
        batch.add(new Close(reason));
    }

    @Override
    public void throttle(Session session, Duration pause) {
        ReadPause.of(channel(session)).throttle(pause.toNanos());
    }

    @Override
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        metrics.delivered(delivered);
        delivered = 0;
        for (Map.Entry<EventLoop, List<Object>> e : pending.entrySet()) {
            outgoing.computeIfAbsent(e.getKey(), loop -> new Outgoing(loop, metrics))
                    .add(e.getValue());
        }
        pending.clear();
    }

    /**
     * An event loop's share of the hub's output. The hub adds batches; at most one drain task is scheduled at a time,
     * so while the loop is busy the batches of several hub tasks pile up and go out with one flush per channel.
     */
    private static final class Outgoing {
        private final EventLoop loop;
        private final ConcurrentLinkedQueue<List<Object>> batches = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final ServerMetrics metrics;

        Outgoing(EventLoop loop, ServerMetrics metrics) {
            this.loop = loop;
            this.metrics = metrics;
        }

        /** Hub thread. */
        void add(List<Object> batch) {
            batches.add(batch);
            if (scheduled.compareAndSet(false, true)) {
                loop.execute(this::drain);
            }
        }

        /** Event loop: everything queued so far; a batch added after the flag is cleared schedules another drain. */
        private void drain() {
            scheduled.set(false);
            Set<Channel> touched = new LinkedHashSet<>();
            List<Object> batch;
            while ((batch = batches.poll()) != null) {
                writeBatch(batch, touched);
            }
            for (Channel ch : touched) {
                ch.flush();
                if (!ch.isWritable() && !Disconnector.closing(ch)) {
                    metrics.sendQueueDisconnect();
                    Disconnector.disconnect(ch, "SendQ exceeded");
                }
            }
        }
    }

    /**
     * Runs on the event loop: writes everything; the caller flushes each touched channel once. A batch holds pairs,
     * a channel then what to write to it (or a {@link Close}): no object per write beyond the line itself.
     */
    private static void writeBatch(List<Object> batch, Set<Channel> touched) {
        for (int i = 0; i < batch.size(); i += 2) {
            Channel ch = (Channel) batch.get(i);
            Object o = batch.get(i + 1);
            if (o instanceof Close c) {
                ch.flush();
                Disconnector.disconnect(ch, c.reason());
            } else if (Disconnector.closing(ch) || !ch.isActive()) {
                io.netty.util.ReferenceCountUtil.release(o);
            } else {
                ch.write(o, ch.voidPromise());
                touched.add(ch);
            }
        }
    }

    private void enqueue(Channel ch, Object message) {
        delivered++;
        List<Object> batch = pending.computeIfAbsent(ch.eventLoop(), k -> new ArrayList<>());
        batch.add(ch);
        batch.add(message);
    }

    private static Channel channel(Session s) {
        return ((NettyConnection) s.connection()).channel();
    }
}
