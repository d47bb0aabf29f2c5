package chatroom.bench.load;

import static io.netty.channel.ChannelFutureListener.CLOSE_ON_FAILURE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One connection of the load generator, with nothing beyond RFC 1459: registers with NICK and USER, answers PING,
 * joins rooms, and sends and recognises timed lines. A timed line's text is {@code ^sender.seq.nanoTime^} padded with
 * {@code x} to {@link #TEXT_BYTES}; the receiver measures latency from the embedded send time (same process, same
 * clock) and counts duplicates by the sequence number per sender.
 */
final class Conn extends SimpleChannelInboundHandler<ByteBuf> {
    static final int TEXT_BYTES = 64;
    private static final byte MARK = '^';

    /** Called on the receiving connection's event loop for each timed line it gets. */
    interface Receiver {
        void timed(Conn at, int sender, long seq);
    }

    final int index;
    final String nick;
    private final Meter meter;
    final CompletableFuture<Conn> registered = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile @Nullable CompletableFuture<Void> joining;
    private volatile @Nullable Receiver receiver;
    private volatile boolean quitting;
    private volatile @Nullable Runnable afterRead;
    private long[] last = new long[0];
    /** The start of a timed line's text ({@code sender.seq.nanoTime^} fits), copied out to be parsed. */
    private final byte[] scratch = new byte[48];

    private @Nullable Channel channel;

    Conn(int index, String nick, Meter meter) {
        this.index = index;
        this.nick = nick;
        this.meter = meter;
    }

    /** Runs {@code r} on this connection's event loop after each read, once the lines it brought are handled. */
    void afterRead(Runnable r) {
        afterRead = r;
    }

    /** Starts counting timed lines from senders {@code 0..senders-1}, each reported to {@code r}. */
    void receive(int senders, Receiver r) {
        long[] fresh = new long[senders];
        Arrays.fill(fresh, -1);
        channel().eventLoop().execute(() -> last = fresh);
        receiver = r;
    }

    Channel channel() {
        Channel c = channel;
        if (c == null) {
            throw new IllegalStateException(nick + " is not connected");
        }
        return c;
    }

    CompletableFuture<Void> join(String room) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        joining = f;
        send("JOIN " + room);
        return f;
    }

    void send(String line) {
        channel()
                .writeAndFlush(ByteBufUtil.writeAscii(channel().alloc(), line + "\r\n"))
                .addListener(CLOSE_ON_FAILURE);
    }

    /**
     * Sends one timed line, written at once if {@code flush}, else with the next flush; call on this connection's event
     * loop so sequence numbers go out in order.
     */
    void sendTimed(byte[] prefix, int sender, long seq, boolean flush) {
        Channel c = channel();
        ByteBuf b = c.alloc().buffer(prefix.length + TEXT_BYTES + 2);
        b.writeBytes(prefix);
        int start = b.writerIndex();
        b.writeByte(MARK);
        b.writeCharSequence(sender + "." + seq + "." + System.nanoTime(), StandardCharsets.US_ASCII);
        b.writeByte(MARK);
        while (b.writerIndex() - start < TEXT_BYTES) {
            b.writeByte('x');
        }
        b.writeByte('\r').writeByte('\n');
        c.write(b).addListener(CLOSE_ON_FAILURE);
        if (flush) {
            c.flush();
        }
    }

    void quit() {
        quitting = true;
        Channel c = channel;
        if (c != null && c.isActive()) {
            c.writeAndFlush(ByteBufUtil.writeAscii(c.alloc(), "QUIT :bench over\r\n"))
                    .addListener(CLOSE_ON_FAILURE);
        }
    }

    void close() {
        quitting = true;
        Channel c = channel;
        if (c != null) {
            c.close().addListener(CLOSE_ON_FAILURE);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        send("NICK " + nick + "\r\nUSER b 0 * :bench");
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!quitting) {
            meter.disconnects.increment();
        }
        registered.completeExceptionally(new IllegalStateException(nick + ": connection closed"));
        CompletableFuture<Void> j = joining;
        if (j != null) {
            j.completeExceptionally(new IllegalStateException(nick + ": connection closed"));
        }
        closed.complete(null);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Runnable r = afterRead;
        if (r != null) {
            r.run();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        registered.completeExceptionally(cause);
        ctx.close().addListener(CLOSE_ON_FAILURE);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
        int r = line.readerIndex();
        int end = line.writerIndex();
        int mark = line.indexOf(r, end, MARK);
        if (mark >= 0 && receiver != null && timed(line, mark + 1, end)) {
            return;
        }
        control(line.toString(StandardCharsets.UTF_8));
    }

    private boolean timed(ByteBuf line, int from, int end) {
        // one copy of the few bytes that matter, then plain array reads: no bounds and reference-count check per byte
        int length = Math.min(end - from, scratch.length);
        line.getBytes(from, scratch, 0, length);
        long senderId = 0;
        long seq = 0;
        long sentAt = 0;
        int at = 0;
        for (int field = 0; field < 3; field++) {
            long v = 0;
            int start = at;
            for (; at < length && scratch[at] >= '0' && scratch[at] <= '9'; at++) {
                v = v * 10 + (scratch[at] - '0');
            }
            if (at == start || at >= length || scratch[at] != (field < 2 ? '.' : MARK)) {
                return false;
            }
            at++;
            switch (field) {
                case 0 -> senderId = v;
                case 1 -> seq = v;
                default -> sentAt = v;
            }
        }
        int sender = (int) senderId;
        boolean duplicate = false;
        if (sender < last.length) {
            duplicate = seq <= last[sender];
            if (!duplicate) {
                last[sender] = seq;
            }
        }
        meter.delivered(sentAt, duplicate);
        Receiver rcv = receiver;
        if (!duplicate && rcv != null) {
            rcv.timed(this, sender, seq);
        }
        return true;
    }

    private void control(String line) {
        String rest = line;
        if (rest.startsWith(":")) {
            int sp = rest.indexOf(' ');
            rest = sp < 0 ? "" : rest.substring(sp + 1);
        }
        int sp = rest.indexOf(' ');
        String command = sp < 0 ? rest : rest.substring(0, sp);
        switch (command) {
            case "PING" -> send("PONG" + rest.substring(4));
            case "001" -> registered.complete(this);
            case "366" -> done(null);
            case "432", "433", "436", "465" ->
                registered.completeExceptionally(new IllegalStateException(nick + " refused: " + line));
            case "403", "405", "471", "473", "474", "475" -> done(line);
            case "ERROR" -> registered.completeExceptionally(new IllegalStateException(nick + ": " + line));
            default -> {
                // everything else (MOTD, NAMES, other people's JOINs) is not measured
            }
        }
    }

    private void done(@Nullable String error) {
        CompletableFuture<Void> j = joining;
        if (j == null) {
            return;
        }
        if (error == null) {
            j.complete(null);
        } else {
            j.completeExceptionally(new IllegalStateException(nick + " cannot join: " + error));
        }
    }
}
