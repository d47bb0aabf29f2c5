package chatroom.transport;

import chatroom.core.Connection;
import chatroom.core.Outbox;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The hub's outbox over Netty (STYLE.md §3 "Outbound"). Lives on the hub thread: it encodes each message once per
 * variant, groups writes by event loop, and on {@link #flush()} submits one task per event loop that writes to every
 * recipient there and flushes each connection once. On byte streams every recipient's copy is the one encoded array;
 * the event loop copies the lines of a drain into one buffer per connection ({@link ConnectionOutput}). Order per
 * connection is the hub's order.
 */
final class NettyOutbox implements Outbox {
    private final IdentityHashMap<EventLoop, List<Object>> pending = new IdentityHashMap<>();
    /** Hub-owned map; each value is shared with its event loop. */
    private final IdentityHashMap<EventLoop, Outgoing> outgoing = new IdentityHashMap<>();

    private final ServerMetrics metrics;
    /** Lines queued since the last flush, counted into the metrics once per flush. */
    private long delivered;

    NettyOutbox(ServerMetrics metrics) {
        this.metrics = metrics;
    }

    /** In a batch, a close where a message would be: {@code ERROR :reason}, then the connection closes. */
    private record Close(String reason) {}

    @Override
    public void send(Session to, IrcMessage message) {
        ConnectionOutput out = output(to);
        if (to.connection().protocol() == Connection.Protocol.PLAIN) {
            enqueue(out, message);
            return;
        }
        enqueue(out, line(out, IrcEncoding.encode(message, IrcEncoding.variant(to))));
    }

    @Override
    public void sendAll(Iterable<Session> to, IrcMessage message) {
        byte[][] encoded = new byte[IrcEncoding.VARIANTS][];
        for (Session s : to) {
            ConnectionOutput out = output(s);
            if (s.connection().protocol() == Connection.Protocol.PLAIN) {
                enqueue(out, message);
                continue;
            }
            int v = IrcEncoding.variant(s);
            byte[] line = encoded[v];
            if (line == null) {
                line = IrcEncoding.encode(message, v);
                encoded[v] = line;
            }
            enqueue(out, line(out, line));
        }
    }

    /**
     * What goes to {@code out} for an encoded line: the array itself on a byte stream, where the event loop copies it
     * (one array for every recipient, nothing to count or release), or a buffer of its own around it otherwise.
     */
    private static Object line(ConnectionOutput out, byte[] line) {
        return out.stream() ? line : Unpooled.wrappedBuffer(line);
    }

    @Override
    public void disconnect(Session session, String reason) {
        ConnectionOutput out = output(session);
        List<Object> batch = batchOf(out);
        batch.add(out);
        batch.add(new Close(reason));
    }

    @Override
    public void throttle(Session session, Duration pause) {
        ((NettyConnection) session.connection()).readPause().throttle(pause.toNanos());
    }

    @Override
    public void hold(Session session) {
        ((NettyConnection) session.connection()).readPause().hold(true);
    }

    @Override
    public void release(Session session) {
        ((NettyConnection) session.connection()).readPause().hold(false);
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
     * so while the loop is busy the batches of several hub tasks pile up and go out with one flush per connection.
     */
    private static final class Outgoing {
        private final EventLoop loop;
        private final ConcurrentLinkedQueue<List<Object>> batches = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final ServerMetrics metrics;
        /** Event loop only: the connections written in the current drain. */
        private final List<ConnectionOutput> touched = new ArrayList<>();
        /** Event loop only: the batches of the current drain. */
        private final List<List<Object>> drained = new ArrayList<>();

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
            List<Object> batch;
            while ((batch = batches.poll()) != null) {
                drained.add(batch);
            }
            // first the sizes, so that each connection's buffer is allocated once, at the size of its lines
            for (List<Object> b : drained) {
                for (int i = 0; i < b.size(); i += 2) {
                    if (b.get(i) instanceof ConnectionOutput out) {
                        out.reserve(b.get(i + 1));
                    }
                }
            }
            for (List<Object> b : drained) {
                writeBatch(b, touched);
            }
            drained.clear();
            for (ConnectionOutput out : touched) {
                if (out.flush()) {
                    metrics.sendQueueDisconnect();
                    Disconnector.disconnect(out.channel(), "SendQ exceeded");
                }
            }
            touched.clear();
        }
    }

    /**
     * Runs on the event loop: queues everything on its connection; the caller flushes each touched connection once.
     * A batch holds pairs, a connection then what to write to it (or a {@link Close}): no object per write.
     */
    private static void writeBatch(List<Object> batch, List<ConnectionOutput> touched) {
        for (int i = 0; i < batch.size(); i += 2) {
            ConnectionOutput out = (ConnectionOutput) batch.get(i);
            if (batch.get(i + 1) instanceof Close c) {
                out.close(c.reason(), touched);
            } else {
                out.write(batch.get(i + 1), touched);
            }
        }
    }

    private void enqueue(ConnectionOutput out, Object message) {
        delivered++;
        List<Object> batch = batchOf(out);
        batch.add(out);
        batch.add(message);
    }

    private List<Object> batchOf(ConnectionOutput out) {
        return pending.computeIfAbsent(out.channel().eventLoop(), k -> new ArrayList<>());
    }

    private static ConnectionOutput output(Session s) {
        return ((NettyConnection) s.connection()).output();
    }
}
