package chatroom.server;

import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryException;
import chatroom.core.history.HistoryStore;
import chatroom.protocol.CaseMapping;
import chatroom.store.DatabaseUrl;
import chatroom.store.JdbcHistoryStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatroom export}: prints the kept history as a log (time, sender, text; one line each, like the tutorials'
 * chat records) or as JSON lines. Reads the same database as the server, also while it runs.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Print the chat history of a room, a person's whispers, or everything.",
        showDefaultValues = true,
        sortOptions = false)
final class ExportCommand implements Callable<Integer> {
    private static final int PAGE = 5_000;

    @Spec
    @Nullable
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    @Nullable
    Which which;

    static final class Which {
        @Option(names = "--room", paramLabel = "ROOM", description = "One room (with or without #).")
        @Nullable
        String room;

        @Option(names = "--user", paramLabel = "NICK", description = "Every whisper to or from this nick.")
        @Nullable
        String user;
    }

    @Option(
            names = "--since",
            paramLabel = "WHEN",
            description = "From this time on: 2026-11-23, 2026-11-23T08:00:00Z, or a duration ago such as PT2H or P7D.")
    @Nullable
    String since;

    @Option(names = "--format", defaultValue = "text", description = "text or json (one object per line).")
    ExportFormat.Kind format = ExportFormat.Kind.text;

    @Option(names = "--zone", description = "Time zone for text output (default: this machine's).")
    @Nullable
    ZoneId zone;

    @Option(names = "--data-dir", defaultValue = "./data", description = "The server's data directory.")
    Path dataDir = Path.of("data");

    @Option(names = "--db", paramLabel = "URL", defaultValue = "", description = "As the server's --db.")
    String db = "";

    @Override
    public Integer call() {
        LogSetup.tool(dataDir);
        CommandSpec s = java.util.Objects.requireNonNull(spec, "picocli injects the spec");
        PrintWriter out = s.commandLine().getOut();
        PrintWriter err = s.commandLine().getErr();
        ZoneId z = zone != null ? zone : ZoneId.systemDefault();
        Instant from;
        try {
            from = parseSince(since, z, Instant.now());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        String room = which == null || which.room == null ? null : CaseMapping.fold(roomName(which.room));
        String user = which == null || which.user == null ? null : CaseMapping.fold(which.user);
        try (HistoryStore store = JdbcHistoryStore.open(DatabaseUrl.parse(db, dataDir))) {
            ExportFormat fmt = new ExportFormat(format, z, out);
            long after = 0;
            while (true) {
                List<HistoryEvent> page = store.export(room, user, from, after, PAGE);
                for (HistoryEvent e : page) {
                    fmt.write(e);
                }
                out.flush();
                if (page.size() < PAGE) {
                    return 0;
                }
                after = page.getLast().seq();
            }
        } catch (HistoryException | IllegalArgumentException e) {
            err.println("Cannot export: " + e.getMessage());
            return 1;
        }
    }

    private static String roomName(String r) {
        return r.startsWith("#") ? r : "#" + r;
    }

    /** A date (start of that day in {@code zone}), an instant, or an ISO-8601 duration counted back from now. */
    static Instant parseSince(@Nullable String since, ZoneId zone, Instant now) {
        if (since == null || since.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            if (since.startsWith("P")) {
                return now.minus(Duration.parse(since));
            }
            if (since.length() == 10) {
                return LocalDate.parse(since).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--since wants a date (2026-11-23), a time (2026-11-23T08:00:00Z) or a duration (P7D), not "
                            + since,
                    e);
        }
    }
}
