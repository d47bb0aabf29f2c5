package chatroom.bench.jmh;

import chatroom.core.Connection;
import chatroom.core.Offload;
import chatroom.core.Outbox;
import chatroom.core.ServerConfig;
import chatroom.core.ServerState;
import chatroom.core.command.Dispatcher;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import chatroom.protocol.IrcWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hub side of a room's fan-out: one PRIVMSG through the real {@link Dispatcher} into a room of {@code members}
 * (history in memory, committed at once), ending in an {@link Outbox} that encodes the line once, as the Netty outbox
 * does, and counts the bytes of one write per recipient. What the event loops then do with the shared buffer is not measured
 * here; the load generator measures the whole path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanoutBench {
    @Param("1000")
    int members;

    private @Nullable Room room;

    /** One server with one full room and the line its first member sends. */
    private record Room(Dispatcher dispatcher, Session sender, CountingOutbox outbox, IrcMessage line) {}

    /** A fresh server per iteration, so the in-memory history does not grow across the whole run. */
    @Setup(Level.Iteration)
    public void setUp() throws IrcParseException {
        CountingOutbox outbox = new CountingOutbox();
        Dispatcher dispatcher = new Dispatcher(
                new ServerState(
                        ServerConfig.defaults().withFlood(0, 0), InstantSource.system(), outbox, Offload.INLINE),
                Duration.ofMinutes(2));
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            Session s = dispatcher.connected(new Local(), List.of());
            dispatcher.dispatch(s, IrcParser.parse("NICK m" + i));
            dispatcher.dispatch(s, IrcParser.parse("USER m 0 * :member"));
            dispatcher.dispatch(s, IrcParser.parse("JOIN #bench"));
            sessions.add(s);
        }
        outbox.bytes = 0;
        room = new Room(
                dispatcher,
                sessions.get(0),
                outbox,
                IrcParser.parse("PRIVMSG #bench :the quick brown fox jumps over the lazy dog, then naps in the sun"));
    }

    /** Returns the bytes written so far, so the work cannot be optimised away. */
    @Benchmark
    public long privmsgToRoom() {
        Room r = Objects.requireNonNull(room);
        r.dispatcher().dispatch(r.sender(), r.line());
        return r.outbox().bytes;
    }

    private record Local() implements Connection {
        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }

        @Override
        public Protocol protocol() {
            return Protocol.IRC;
        }

        @Override
        public boolean secure() {
            return false;
        }
    }

    /** Encodes each message once (to UTF-8 bytes, as IRC text with tags) and counts the bytes written to each recipient. */
    private static final class CountingOutbox implements Outbox {
        long bytes;

        @Override
        public void send(Session to, IrcMessage message) {
            bytes += IrcWriter.write(message, true).getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public void sendAll(Iterable<Session> to, IrcMessage message) {
            byte[] encoded = IrcWriter.write(message, true).getBytes(StandardCharsets.UTF_8);
            for (Session s : to) {
                // the Netty outbox looks at each recipient's connection to pick the variant and the channel
                if (s.connection().protocol() == Connection.Protocol.IRC) {
                    bytes += encoded.length;
                }
            }
        }

        @Override
        public void disconnect(Session session, String reason) {}

        @Override
        public void throttle(Session session, Duration pause) {}

        @Override
        public void hold(Session session) {}

        @Override
        public void release(Session session) {}

        @Override
        public void flush() {}
    }
}
