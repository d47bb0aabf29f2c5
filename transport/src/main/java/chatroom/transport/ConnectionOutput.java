package chatroom.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One connection's output during a drain of {@link NettyOutbox}, on the connection's event loop only. On a byte
 * stream (TCP, with or without TLS) the lines of a drain are copied into one buffer and written once, as a C server
 * appends to its send queue: one pipeline write and one buffer per connection and drain instead of one per line.
 * Where each line must stay a message of its own (a WebSocket frame per line, the plain port's translator), lines
 * are written one by one.
 */
final class ConnectionOutput {
    private final Channel channel;
    private final boolean stream;
    private @Nullable ByteBuf lines;
    /** Bytes of the lines this drain will copy ({@link #reserve}), so the buffer is allocated once at its size. */
    private int reserved;

    private boolean touched;
    private boolean open;

    ConnectionOutput(Channel channel, boolean stream) {
        this.channel = channel;
        this.stream = stream;
    }

    Channel channel() {
        return channel;
    }

    /** True on a byte stream, where lines are copied into one buffer per drain. */
    boolean stream() {
        return stream;
    }

    /** Before the drain's writes: {@code message} will be written here. */
    void reserve(Object message) {
        if (message instanceof byte[] line) {
            reserved += line.length;
        }
    }

    /**
     * Queues {@code message}; the first call of a drain adds this connection to {@code touched}. An encoded line
     * ({@code byte[]}, only ever sent to a byte stream) is copied into this drain's buffer; anything else is written
     * as it is, or released when the connection is closed.
     */
    void write(Object message, List<ConnectionOutput> touched) {
        touch(touched);
        if (!open) {
            ReferenceCountUtil.release(message);
        } else if (message instanceof byte[] line) {
            ByteBuf out = lines;
            if (out == null) {
                out = channel.alloc().directBuffer(Math.max(reserved, line.length));
                lines = out;
            }
            out.writeBytes(line);
        } else {
            writeLines();
            channel.write(message, channel.voidPromise());
        }
    }

    /** Writes what is queued, then {@code ERROR :reason} and the close; nothing more goes out in this drain. */
    void close(String reason, List<ConnectionOutput> touched) {
        touch(touched);
        writeLines();
        channel.flush();
        open = false;
        Disconnector.disconnect(channel, reason);
    }

    /** End of the drain: writes and flushes what is queued; true when the connection is over its SendQ. */
    boolean flush() {
        touched = false;
        reserved = 0;
        writeLines();
        if (!open) {
            return false;
        }
        channel.flush();
        return !channel.isWritable() && !Disconnector.closing(channel);
    }

    private void touch(List<ConnectionOutput> all) {
        if (!touched) {
            touched = true;
            open = channel.isActive() && !Disconnector.closing(channel);
            all.add(this);
        }
    }

    private void writeLines() {
        ByteBuf out = lines;
        if (out != null) {
            lines = null;
            channel.write(out, channel.voidPromise());
        }
    }
}
