package chatroom.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * S1: {@code --members} in one room, {@code --senders} of them each keeping {@code --window} lines in flight (closed
 * loop: a line is out of flight once the last member, who never sends, has it). Measures deliveries per second.
 */
@Command(name = "fanout", mixinStandardHelpOptions = true, showDefaultValues = true, description = "One busy room.")
final class Fanout extends Scenario {
    @Option(names = "--members", defaultValue = "100", description = "Members of the room.")
    int members = 100;

    @Option(names = "--senders", defaultValue = "5", description = "Members that send.")
    int senders = 5;

    @Option(names = "--window", defaultValue = "8", description = "Lines in flight per sender.")
    int window = 8;

    @Option(names = "--room", defaultValue = "#fanout", description = "The room.")
    String room = "#fanout";

    @Override
    List<Result> run(Load load) throws Exception {
        Target.checkCount("--members", members);
        if (senders < 1 || senders >= members || window < 1) {
            throw new IllegalArgumentException("need 1 <= --senders < --members and --window >= 1");
        }
        Meter m = new Meter();
        List<Conn> conns = load.openAll(members, i -> "f" + i, m, false);
        try {
            if (load.failures() > 0) {
                throw new IllegalStateException(load.failures() + " connections failed: " + load.firstFailure());
            }
            joinAll(conns, i -> room, target.maxPending);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Sender> out = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                out.add(new Sender(conns.get(i), i, room, members - 1, m, running));
            }
            Conn probe = conns.get(members - 1);
            for (Conn c : conns) {
                c.receive(senders, c == probe ? (at, s, seq) -> out.get(s).next() : (at, s, seq) -> {});
            }
            pause(Duration.ofMillis(200));
            for (Sender s : out) {
                for (int k = 0; k < window; k++) {
                    s.next();
                }
            }
            return List.of(measure(m, conns.size(), running));
        } finally {
            Load.quitAll(conns);
        }
    }

    private Result measure(Meter m, int connections, AtomicBoolean running) {
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
        String params = "members=" + members + " senders=" + senders + " window=" + window;
        return Result.of("fanout", target, params, connections, m, w, srv0, srv1, self0, self1);
    }
}
