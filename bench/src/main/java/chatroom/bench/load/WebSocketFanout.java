package chatroom.bench.load;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fan-out scenario over IRC over WebSocket, as browsers connect: {@code --members} WebSocket connections (1,000
 * by default) in one room at {@code --websocket} (default {@code /irc}) of {@code --port}, the server's HTTP port.
 */
@Command(
        name = "websocket",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = "One busy room, every member over WebSocket (use --port for the HTTP port).")
final class WebSocketFanout extends Scenario {
    @Option(names = "--members", defaultValue = "1000", description = "Members of the room.")
    int members = 1000;

    @Option(names = "--senders", defaultValue = "5", description = "Members that send.")
    int senders = 5;

    @Option(names = "--window", defaultValue = "8", description = "Lines in flight per sender.")
    int window = 8;

    @Override
    List<Result> run(Load load) throws Exception {
        Fanout f = new Fanout();
        f.target = target;
        f.members = members;
        f.senders = senders;
        f.window = window;
        f.room = "#websocket";
        f.name = "websocket";
        return f.run(load);
    }

    @Override
    List<Result> run() throws Exception {
        if (target.webSocket == null) {
            target.webSocket = "/irc";
        }
        return super.run();
    }
}
