package chatroom.bench.jmh;

import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import chatroom.protocol.IrcWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing an inbound line and encoding an outbound one, with and without IRCv3 tags. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProtocolBench {
    /** What a client sends most: a 64-byte line to a room. */
    private static final String PLAIN =
            "PRIVMSG #bench :the quick brown fox jumps over the lazy dog, then naps in the sun";

    /** The same line as a server relays it with tags (server-time, msgid, account). */
    private static final String TAGGED = "@time=2026-12-01T10:00:00.000Z;msgid=mz3k1-42;account=alice"
            + " :alice!alice@127.0.0.1 PRIVMSG #bench :the quick brown fox jumps over the lazy dog, then naps";

    private final IrcMessage relayed;

    public ProtocolBench() {
        try {
            relayed = IrcParser.parse(TAGGED);
        } catch (IrcParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public IrcMessage parsePlain() throws IrcParseException {
        return IrcParser.parse(PLAIN);
    }

    @Benchmark
    public IrcMessage parseTagged() throws IrcParseException {
        return IrcParser.parse(TAGGED);
    }

    @Benchmark
    public String encodeWithoutTags() {
        return IrcWriter.write(relayed, false);
    }

    @Benchmark
    public String encodeWithTags() {
        return IrcWriter.write(relayed, true);
    }
}
