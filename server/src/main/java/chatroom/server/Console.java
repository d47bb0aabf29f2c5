package chatroom.server;

import chatroom.core.command.AdminActions;
import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.transport.ChatServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The server console: {@code stop}, {@code users}, {@code rooms}, {@code say TEXT}, {@code kick ROOM NICK [REASON]},
 * {@code close ROOM [REASON]}, {@code kline TARGET [MINUTES] [REASON]}, {@code help}. The operator actions are the
 * admin dashboard's ({@code AdminActions}). Reads stdin on its
 * own thread; end of input only ends the console (the server also runs under service managers with stdin closed).
 */
final class Console {
    private final ChatServer server;
    private final PrintWriter out;
    private final Runnable stop;
    private final InputStream in;

    @SuppressForbidden // the console is the one reader of standard input
    Console(ChatServer server, PrintWriter out, Runnable stop) {
        this(server, out, stop, System.in);
    }

    Console(ChatServer server, PrintWriter out, Runnable stop, InputStream in) {
        this.server = server;
        this.out = out;
        this.stop = stop;
        this.in = in;
    }

    void start() {
        Thread t = new Thread(this::run, "chatroom-console");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!handle(line.strip())) {
                    return;
                }
            }
        } catch (IOException e) {
            // stdin went away: keep serving
        }
    }

    /** Returns false after {@code stop}. */
    boolean handle(String line) {
        String[] parts = line.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        try {
            switch (verb) {
                case "" -> {}
                case "stop" -> {
                    out.println("stopping: telling every user and closing connections");
                    out.flush();
                    stop.run();
                    return false;
                }
                case "users" ->
                    out.println(server.onHub(st -> st.users().stream()
                                    .map(User::mask)
                                    .sorted()
                                    .collect(Collectors.joining(
                                            "\n  ", st.users().size() + " online:\n  ", "")))
                            .get(5, TimeUnit.SECONDS));
                case "rooms" ->
                    out.println(server.onHub(st -> st.rooms().stream()
                                    .map(Console::describe)
                                    .collect(Collectors.joining(
                                            "\n  ", st.rooms().size() + " rooms:\n  ", "")))
                            .get(5, TimeUnit.SECONDS));
                case "say" -> {
                    if (parts.length < 2 || parts[1].isBlank()) {
                        out.println("usage: say TEXT");
                    } else {
                        int n = server.announce(parts[1]).get(5, TimeUnit.SECONDS);
                        out.println("notice sent to " + n + " session(s)");
                    }
                }
                case "kick", "close", "kline" -> out.println(act(verb, parts.length < 2 ? "" : parts[1]));
                case "help" ->
                    out.println("commands: stop | users | rooms | say TEXT | kick ROOM NICK [REASON] | close ROOM"
                            + " [REASON] | kline NICK|MASK [MINUTES] [REASON] | help");
                default -> out.println("unknown command '" + verb + "'; type help");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            out.println("the server did not answer: " + e.getMessage());
        }
        out.flush();
        return true;
    }

    private String act(String verb, String args) throws InterruptedException, ExecutionException, TimeoutException {
        String[] a = args.isBlank() ? new String[0] : args.strip().split("\\s+", 3);
        var actions = server.adminActions();
        String reason = "By order of the server operator";
        return switch (verb) {
            case "kick" ->
                a.length < 2
                        ? "usage: kick ROOM NICK [REASON]"
                        : outcome(server.onHub(st -> actions.kick(a[0], a[1], a.length > 2 ? a[2] : reason)));
            case "close" -> {
                String why = tail(args, 1);
                yield a.length < 1
                        ? "usage: close ROOM [REASON]"
                        : outcome(server.onHub(st -> actions.closeRoom(a[0], why.isEmpty() ? reason : why)));
            }
            default -> {
                if (a.length < 1) {
                    yield "usage: kline NICK|MASK [MINUTES] [REASON]";
                }
                String rest = tail(args, 1);
                java.time.Duration lifetime = java.time.Duration.ZERO;
                if (rest.split("\\s+", 2)[0].matches("\\d{1,9}")) {
                    lifetime = java.time.Duration.ofMinutes(Long.parseLong(rest.split("\\s+", 2)[0]));
                    rest = tail(rest, 1);
                }
                String why = rest.isEmpty() ? reason : rest;
                java.time.Duration forHow = lifetime;
                yield outcome(server.onHub(st -> actions.kline(a[0], why, forHow, "console")));
            }
        };
    }

    /** What follows the first {@code tokens} words of {@code s}, or "". */
    private static String tail(String s, int tokens) {
        String[] p = s.strip().split("\\s+", tokens + 1);
        return p.length > tokens ? p[tokens] : "";
    }

    private static String outcome(java.util.concurrent.CompletableFuture<AdminActions.Outcome> f)
            throws InterruptedException, ExecutionException, TimeoutException {
        return f.get(5, TimeUnit.SECONDS).text();
    }

    private static String describe(Room r) {
        String members =
                r.members().keySet().stream().map(u -> u.nick().display()).collect(Collectors.joining(", "));
        return r.name().display() + " (" + r.members().size() + "): " + members
                + (r.topic().isEmpty() ? "" : " | topic: " + r.topic());
    }
}
