package chatroom.bench.load;

import chatroom.bench.HistoryBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code chatroom bench <scenario>}: the load generator's entry point (the launcher runs the bench jar with it). */
@Command(
        name = "chatroom bench",
        mixinStandardHelpOptions = true,
        description = {
            "IRC load generator for any IRC server (plain NICK/USER registration, PING answered): loopback by default,"
                    + " bounded in connections and time.",
            "IRC 负载生成器，适用于任何 IRC 服务器：默认只连回环地址，连接数和时长都有上限。"
        },
        subcommands = {
            Fanout.class,
            Rooms.class,
            Whispers.class,
            Idle.class,
            Storm.class,
            Compare.class,
            HistoryBench.class,
            CommandLine.HelpCommand.class
        })
public final class BenchMain {
    private BenchMain() {}

    @SuppressWarnings("SystemExitOutsideMain")
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
