package chatroom.terminal;

import chatroom.client.ClientConfig;
import chatroom.client.Transcripts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chatroom client NAME}: chat in a terminal, or from a script when standard input is not a terminal. */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        description = {
            "Chat in a terminal as NAME. Type /help once connected.",
            "When standard input is not a terminal (a pipe or a script), each line is handled as if typed, what arrives"
                    + " is written to standard output, and the end of input quits once the server has every line."
        })
public final class ClientCommand implements Callable<Integer> {
    /** How long a script's end waits for the server to confirm its lines. */
    static final Duration SYNC_TIMEOUT = Duration.ofSeconds(30);

    @Parameters(index = "0", paramLabel = "NAME", description = "Your name (nick) on the server.")
    String name = "";

    @Option(
            names = "--server",
            paramLabel = "HOST[:PORT]",
            description = "Server address (default: ${DEFAULT-VALUE}; port 6667, or 6697 with --tls).")
    String server = "127.0.0.1";

    @Option(names = "--tls", description = "Connect with TLS.")
    boolean tls;

    @Option(
            names = "--websocket",
            description = "Speak IRC over WebSocket at /irc of the server's HTTP port (default port then 8080).")
    boolean webSocket;

    @Option(
            names = "--insecure",
            description = "With --tls, accept a self-signed certificate (a local server only: no impostor check).")
    boolean insecure;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "Log in to your account with the password in FILE (its first line). Without it, no password.")
    @Nullable
    Path passwordFile;

    @Option(
            names = "--log-dir",
            paramLabel = "DIR",
            description = "Keep transcripts in DIR (default: $XDG_DATA_HOME/chatroom/transcripts or"
                    + " ~/.local/share/chatroom/transcripts).")
    @Nullable
    Path logDir;

    @Option(names = "--no-log", description = "Keep no transcripts (and no history of typed lines).")
    boolean noLog;

    @Option(
            names = "--lang",
            paramLabel = "en|zh",
            description = "Language of the client's texts (default: the system's).")
    @Nullable
    String lang;

    @Override
    public Integer call() throws IOException {
        Path dataDir =
                java.util.Objects.requireNonNull(Transcripts.defaultDirectory().getParent());
        quietLogging(dataDir);
        Texts texts = new Texts(Texts.localeFor(lang));
        Terminal terminal = TerminalBuilder.builder()
                .system(true)
                .dumb(true)
                .encoding(StandardCharsets.UTF_8)
                .build();
        boolean pipe = terminal.getType().startsWith(Terminal.TYPE_DUMB);
        Known known = new Known();
        Screen screen = pipe
                ? new PlainScreen(
                        new BufferedReader(new InputStreamReader(terminal.input(), StandardCharsets.UTF_8)),
                        new PrintWriter(new OutputStreamWriter(terminal.output(), StandardCharsets.UTF_8)))
                : new JLineScreen(terminal, known::words, noLog ? null : dataDir.resolve("typed-history"));
        try (screen) {
            return run(texts, screen, known);
        }
    }

    private int run(Texts texts, Screen screen, Known known) {
        Lines lines = new Lines(texts, ZoneId.systemDefault());
        ClientConfig config;
        try {
            config = config(texts.locale());
        } catch (IllegalArgumentException | IOException e) {
            screen.show(lines.error(String.valueOf(e.getMessage())));
            return 2;
        }
        Path transcriptDir = noLog ? null : logDir != null ? logDir : Transcripts.defaultDirectory();
        try {
            return TerminalSession.start(
                            config, screen, known, texts, transcriptDir, ZoneId.systemDefault(), SYNC_TIMEOUT)
                    .awaitExit();
        } catch (SSLException e) {
            screen.show(lines.error(texts.get("failed", String.valueOf(e.getMessage()))));
            return 1;
        }
    }

    private ClientConfig config(Locale locale) throws IOException {
        Texts texts = new Texts(locale);
        HostPort at = HostPort.parse(server, webSocket ? 8080 : tls ? 6697 : 6667);
        if (at == null) {
            throw new IllegalArgumentException(texts.get("badServer", server));
        }
        ClientConfig c = ClientConfig.of(at.host(), at.port(), name).withLocale(locale);
        if (tls) {
            c = c.withTls(insecure);
        }
        if (webSocket) {
            c = c.withWebSocket("/irc");
        }
        if (passwordFile != null) {
            try {
                List<String> file = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
                c = c.withPassword(file.isEmpty() ? "" : file.get(0));
            } catch (IOException e) {
                throw new IOException(texts.get("passwordFile", passwordFile, String.valueOf(e.getMessage())), e);
            }
        }
        return c;
    }

    /** Only problems are logged, to a file: the terminal belongs to the conversation. Before the first logger. */
    private static void quietLogging(Path dataDir) {
        System.setProperty("chatroom.logDir", dataDir.toString());
        System.setProperty("logback.configurationFile", "chatroom/terminal/logback-client.xml");
    }

    /** {@code HOST}, {@code HOST:PORT}, {@code [v6]} or {@code [v6]:PORT}. */
    record HostPort(String host, int port) {
        static @Nullable HostPort parse(String s, int defaultPort) {
            String host = s;
            String port = null;
            if (s.startsWith("[")) {
                int end = s.indexOf(']');
                if (end < 0) {
                    return null;
                }
                host = s.substring(1, end);
                if (s.length() > end + 1) {
                    if (s.charAt(end + 1) != ':') {
                        return null;
                    }
                    port = s.substring(end + 2);
                }
            } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
                host = s.substring(0, s.indexOf(':'));
                port = s.substring(s.indexOf(':') + 1);
            }
            if (host.isBlank()) {
                return null;
            }
            if (port == null) {
                return new HostPort(host, defaultPort);
            }
            try {
                int p = Integer.parseInt(port);
                return p > 0 && p < 65536 ? new HostPort(host, p) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
