package chatroom.bench.load;

import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/** Sends timed lines from one connection to one target, in order, on that connection's event loop. */
final class Sender {
    private final Conn conn;
    private final int id;
    private final byte[] prefix;
    private final int recipients;
    private final Meter meter;
    private final AtomicBoolean running;
    private long seq;
    /** Lines written and not yet flushed ({@link #queue}); touched on the connection's event loop only. */
    private boolean unflushed;

    /** {@code recipients}: deliveries one line should cause (room members but the sender, or 1 for a whisper). */
    Sender(Conn conn, int id, String target, int recipients, Meter meter, AtomicBoolean running) {
        this.conn = conn;
        this.id = id;
        this.prefix = ("PRIVMSG " + target + " :").getBytes(StandardCharsets.US_ASCII);
        this.recipients = recipients;
        this.meter = meter;
        this.running = running;
    }

    /** Sends the next line from any thread (it goes out on the connection's event loop). */
    void next() {
        EventLoop loop = conn.channel().eventLoop();
        if (loop.inEventLoop()) {
            sendNow();
        } else {
            loop.execute(this::sendNow);
        }
    }

    /**
     * Like {@link #next}, but on the connection's own event loop the line waits for {@link #flush}: a connection that
     * answers several lines of one read sends its answers in one write.
     */
    void queue() {
        if (conn.channel().eventLoop().inEventLoop()) {
            unflushed |= send(false);
        } else {
            next();
        }
    }

    /** On the event loop: writes out what {@link #queue} left. */
    void flush() {
        if (unflushed) {
            unflushed = false;
            conn.channel().flush();
        }
    }

    /** On the event loop: sends the next line unless the run is over. */
    void sendNow() {
        send(true);
    }

    private boolean send(boolean flush) {
        if (!running.get()) {
            return false;
        }
        meter.expected.add(recipients);
        meter.sent.increment();
        conn.sendTimed(prefix, id, seq++, flush);
        return true;
    }

    /** False while the socket's send buffer is full: an open-loop sender skips a line rather than queue it. */
    boolean writable() {
        return conn.channel().isWritable();
    }
}
