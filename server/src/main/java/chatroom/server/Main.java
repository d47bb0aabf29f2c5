package chatroom.server;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code chatroom <subcommand>}: the one entry point. Returns exit codes; only {@link #main} exits. */
@Command(
        name = "chatroom",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "A chat server for IRC clients, telnet and the browser.",
        subcommands = {
            ServerCommand.class,
            chatroom.terminal.ClientCommand.class,
            chatroom.desktop.GuiCommand.class,
            ExportCommand.class,
            AccountAddCommand.class,
            HashPasswordCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    @SuppressForbidden // the process entry point is where System.exit belongs
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Path config = configFileFrom(args);
        if (config != null) {
            if (!Files.isReadable(config)) {
                cl.getErr().println("Cannot read the config file " + config);
                return 2;
            }
            cl.setDefaultValueProvider(new CommandLine.PropertiesDefaultProvider(config.toFile()));
        }
        return cl.execute(args);
    }

    /** {@code --config FILE} must be known before parsing, because the file supplies the other defaults. */
    static @org.jspecify.annotations.Nullable Path configFileFrom(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"chatroom " + (v == null ? "development build" : v)};
        }
    }
}
