package chatroom.bench.jmh;

import chatroom.protocol.IrcMessage;
import chatroom.protocol.plain.PlainAction;
import chatroom.protocol.plain.PlainSession;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

/** The plain-text (telnet) translator: a typed line into IRC, and a relayed room line into readable text. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlainTextBench {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final IrcMessage RELAYED = IrcMessage.from(
            "alice!alice@127.0.0.1", "PRIVMSG", "#bench", "the quick brown fox jumps over the lazy dog, then naps");

    private final PlainSession session = new PlainSession(ZoneOffset.UTC);

    public PlainTextBench() {
        // past the first-line checks, as a session is after login
        session.onLine("hello", NOW);
    }

    @Benchmark
    public List<PlainAction> typedLine() {
        return session.onLine("the quick brown fox jumps over the lazy dog, then naps", NOW);
    }

    @Benchmark
    public List<PlainAction> typedCommand() {
        return session.onLine("/join #bench", NOW);
    }

    @Benchmark
    public List<String> renderRoomLine() {
        return session.render(RELAYED, NOW);
    }
}
