package chatroom.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** S3: {@code --pairs} pairs whispering to each other, each side keeping {@code --window} lines in flight. */
@Command(name = "whispers", mixinStandardHelpOptions = true, showDefaultValues = true, description = "Private lines.")
final class Whispers extends Scenario {
    @Option(names = "--pairs", defaultValue = "50", description = "Pairs of people.")
    int pairs = 50;

    @Option(names = "--window", defaultValue = "8", description = "Lines in flight per person.")
    int window = 8;

    @Override
    List<Result> run(Load load) throws Exception {
        Target.checkCount("2 x --pairs", 2 * pairs);
        if (window < 1) {
            throw new IllegalArgumentException("--window must be at least 1");
        }
        Meter m = new Meter();
        List<Conn> conns = load.openAll(2 * pairs, i -> "w" + i, m, false);
        try {
            if (load.failures() > 0) {
                throw new IllegalStateException(load.failures() + " connections failed: " + load.firstFailure());
            }
            AtomicBoolean running = new AtomicBoolean(true);
            List<Sender> out = new ArrayList<>();
            for (Conn c : conns) {
                out.add(new Sender(c, c.index, conns.get(c.index ^ 1).nick, 1, m, running));
            }
            for (Conn c : conns) {
                // a line from the partner is answered by the partner's next line, written after the read
                Sender partner = out.get(c.index ^ 1);
                c.receive(conns.size(), (at, s, seq) -> out.get(s).queue());
                c.afterRead(partner::flush);
            }
            pause(Duration.ofMillis(200));
            for (Sender s : out) {
                for (int k = 0; k < window; k++) {
                    s.next();
                }
            }
            pause(target.warmup);
            ProcStats srv0 = server();
            ProcStats self0 = ProcStats.self();
            Meter.Window w = m.open();
            pause(target.duration);
            w.close();
            ProcStats srv1 = server();
            ProcStats self1 = ProcStats.self();
            running.set(false);
            drain(m, Duration.ofSeconds(2));
            String params = "pairs=" + pairs + " window=" + window;
            return List.of(Result.of("whispers", target, params, conns.size(), m, w, srv0, srv1, self0, self1));
        } finally {
            Load.quitAll(conns);
        }
    }
}
