package chatroom.server;

import chatroom.core.ServerConfig;
import chatroom.core.history.HistoryException;
import chatroom.core.history.HistoryLog;
import chatroom.core.upload.UploadPolicy;
import chatroom.store.Database;
import chatroom.store.DatabaseUrl;
import chatroom.store.HistoryWriter;
import chatroom.store.JdbcHistoryStore;
import chatroom.store.JdbcStores;
import chatroom.store.Retention;
import chatroom.transport.ChatServer;
import chatroom.transport.IoTransport;
import chatroom.transport.ListenConfig;
import chatroom.transport.TlsContexts;
import chatroom.transport.TransportConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatroom server}: runs the chat server until {@code stop} on the console, SIGTERM or Ctrl-C. Every option
 * can also be set in the {@code --config} file as {@code name = value} (the option name without dashes).
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = "Run the chat server (IRC, plain-text telnet, IRC over WebSocket, health and metrics over HTTP).",
        showDefaultValues = true,
        sortOptions = false)
final class ServerCommand implements Callable<Integer> {
    /** Lines of the server log the admin dashboard shows. */
    private static final int RECENT_LOG_LINES = 200;

    private static final String SHUTDOWN_REASON = "Server shutting down";

    @Spec
    @Nullable
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with option defaults.")
    @Nullable
    Path config;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "Address to listen on.")
    String bind = "0.0.0.0";

    @Option(
            names = "--plain-bind",
            description = "Address for the plain-text port only (default: --bind), e.g. 127.0.0.1 to keep it local.")
    @Nullable
    String plainBind;

    @Option(names = "--irc-port", defaultValue = "6667", description = "IRC port (0 = any free port, -1 = off).")
    int ircPort;

    @Option(
            names = "--plain-port",
            defaultValue = "6666",
            description = "Plain-text port for telnet (0 = any, -1 = off).")
    int plainPort;

    @Option(
            names = "--irc-tls-port",
            defaultValue = "6697",
            description = "IRC over TLS (0 = any free port, -1 = off).")
    int ircTlsPort;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "TLS certificate chain (default: self-signed).")
    @Nullable
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "TLS private key for --tls-cert.")
    @Nullable
    Path tlsKey;

    @Option(
            names = "--http-port",
            defaultValue = "8080",
            description = "HTTP port: IRC over WebSocket at /irc, /healthz, /metrics; HTTPS with --tls-cert"
                    + " (0 = any free port, -1 = off).")
    int httpPort;

    @Option(names = "--data-dir", defaultValue = "./data", description = "Where data and logs are kept.")
    Path dataDir = Path.of("data");

    @Option(names = "--server-name", defaultValue = "chatroom.local", description = "This server's name.")
    String serverName = "chatroom.local";

    @Option(names = "--network-name", defaultValue = "chatroom", description = "Network name in ISUPPORT.")
    String networkName = "chatroom";

    @Option(names = "--server-password", description = "Password every client must give with PASS.")
    @Nullable
    String serverPassword;

    @Option(
            names = "--oper",
            paramLabel = "NAME:HASH",
            split = ",",
            description = "Server operator: a name and the bcrypt hash of its password (chatroom hash-password).")
    List<String> opers = new ArrayList<>();

    @Option(names = "--motd-file", paramLabel = "FILE", description = "Message of the day (UTF-8 text).")
    @Nullable
    Path motdFile;

    @Option(names = "--max-line-bytes", defaultValue = "4608", description = "Longest inbound line (tags included).")
    int maxLineBytes;

    @Option(
            names = "--io-threads",
            description = "Event-loop threads for the connections (default: half the processors, at least 1).")
    @Nullable
    Integer ioThreads;

    @Option(
            names = "--sendq-bytes",
            defaultValue = "1048576",
            description = "Unsent bytes per client before SendQ exceeded.")
    int sendqBytes;

    @Option(
            names = "--ping-interval",
            defaultValue = "PT90S",
            description = "Silence before the server PINGs (ISO-8601).")
    Duration pingInterval = Duration.ofSeconds(90);

    @Option(names = "--ping-timeout", defaultValue = "PT60S", description = "Wait for an answer to PING (ISO-8601).")
    Duration pingTimeout = Duration.ofSeconds(60);

    @Option(
            names = "--max-connections-per-ip",
            defaultValue = "20",
            description = "Connections per address (0 = no limit).")
    int maxConnectionsPerIp;

    @Option(
            names = "--connects-per-ip-per-minute",
            defaultValue = "60",
            description = "New connections one address may open per minute (0 = no limit).")
    int connectsPerIpPerMinute;

    @Option(
            names = "--registration-timeout",
            defaultValue = "PT2M",
            description = "Time to register (IRC) or log in (telnet) before the connection is closed (ISO-8601).")
    Duration registrationTimeout = Duration.ofMinutes(2);

    @Option(names = "--flood-burst", defaultValue = "20", description = "Lines a client may send at once.")
    int floodBurst;

    @Option(
            names = "--flood-rate",
            defaultValue = "4",
            description = "Sustained lines per second (0 = no flood control).")
    double floodRate;

    @Option(
            names = "--flood-max-lag",
            defaultValue = "10",
            description = "Seconds of fake lag (lines beyond the flood rate) after which a client is disconnected"
                    + " with Excess Flood.")
    int floodMaxLag;

    @Option(
            names = "--db",
            paramLabel = "URL",
            defaultValue = "",
            description = "History database: sqlite:FILE or postgresql://user:password@host[:port]/db"
                    + " (default: SQLite chatroom.db in --data-dir).")
    String db = "";

    @Option(
            names = "--history-durability",
            defaultValue = "sync",
            description = "sync: a line is delivered only once stored; async: at once (benchmarks only: a crash"
                    + " may lose lines). ${COMPLETION-CANDIDATES}")
    Durability durability = Durability.sync;

    /** Lower case so that the flag reads {@code --history-durability async}. */
    @SuppressWarnings("EnumNaming")
    enum Durability {
        sync,
        async
    }

    @Option(
            names = "--history-max-age",
            paramLabel = "DURATION",
            description = "Delete history older than this (ISO-8601, e.g. P365D; default: keep everything).")
    @Nullable
    Duration historyMaxAge;

    @Option(
            names = "--history-max-per-room",
            defaultValue = "0",
            description = "Keep at most this many lines per room or whisper pair (0 = no limit).")
    int historyMaxPerRoom;

    @Option(
            names = "--history-replay-lines",
            defaultValue = "20",
            description = "Lines of a room shown to a telnet user who joins it (0 = none).")
    int historyReplayLines;

    @Option(
            names = "--account-registration",
            defaultValue = "before-connect",
            description = "Who may register an account (REGISTER, NickServ): before-connect, after-connect or off.")
    String accountRegistration = "before-connect";

    @Option(
            names = "--registration-needs-email",
            defaultValue = "false",
            description = "REGISTER must carry an email address (checked for shape only; no mail is sent).")
    boolean registrationNeedsEmail;

    @Option(names = "--min-password-length", defaultValue = "6", description = "Shortest password for a new account.")
    int minPasswordLength;

    @Option(names = "--max-rooms-per-user", defaultValue = "50", description = "Rooms one person may be in at once.")
    int maxRoomsPerUser;

    @Option(
            names = "--max-targets",
            defaultValue = "8",
            description = "Rooms or people one PRIVMSG, NOTICE or KICK may name at once.")
    int maxTargets;

    @Option(
            names = "--nick-grace",
            defaultValue = "PT30S",
            description = "How long an IRC user not logged in may keep a registered nick before being renamed"
                    + " (ISO-8601; PT0S refuses such nicks at once).")
    Duration nickGrace = Duration.ofSeconds(30);

    @Option(
            names = "--sessions-per-account",
            defaultValue = "5",
            description = "Connections one account may have at once, sharing one nick (1 = no sharing).")
    int sessionsPerAccount;

    @Option(
            names = "--login-failures-per-account",
            defaultValue = "5",
            description = "Wrong passwords for one account within --login-failure-window before logins wait.")
    int loginFailuresPerAccount;

    @Option(
            names = "--login-failures-per-ip",
            defaultValue = "20",
            description = "Wrong passwords from one address within --login-failure-window before logins wait.")
    int loginFailuresPerIp;

    @Option(
            names = "--login-failure-window",
            defaultValue = "PT10M",
            description = "How long a wrong password counts against an account and an address (ISO-8601).")
    Duration loginFailureWindow = Duration.ofMinutes(10);

    @Option(
            names = "--sts-duration",
            defaultValue = "P30D",
            description = "With --tls-cert: how long clients should insist on TLS (IRCv3 sts; PT0S = no policy).")
    Duration stsDuration = Duration.ofDays(30);

    @Option(
            names = "--uploads",
            defaultValue = "REGISTERED",
            description =
                    "Who may share files over the HTTP port: REGISTERED (logged in to an account), EVERYONE or OFF."
                            + " A registered room may set its own rule (ChanServ SET #room UPLOADS); OFF holds"
                            + " everywhere.")
    UploadPolicy.Who uploads = UploadPolicy.Who.REGISTERED;

    @Option(
            names = "--upload-max-kib",
            defaultValue = "25600",
            description = "Largest file that may be shared, in KiB (default 25 MiB).")
    long uploadMaxKib = 25600;

    @Option(
            names = "--upload-types",
            split = ",",
            defaultValue = "image/*,audio/*,video/*,text/plain,application/pdf,application/zip",
            description = "Content types that may be shared, exact or as type/* (comma-separated).")
    List<String> uploadTypes = UploadPolicy.DEFAULT.types();

    @Option(
            names = "--upload-max-age",
            defaultValue = "PT0S",
            description = "Delete shared files older than this (e.g. P30D); PT0S keeps them until deleted.")
    Duration uploadMaxAge = Duration.ZERO;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec().commandLine().getOut();
        PrintWriter err = spec().commandLine().getErr();
        Files.createDirectories(dataDir.resolve("logs"));
        LogSetup.server(dataDir);
        Logger log = LoggerFactory.getLogger(ServerCommand.class);
        RecentLog recent = RecentLog.attach(RECENT_LOG_LINES);
        ChatServer server;
        try {
            if ((tlsCert == null) != (tlsKey == null)) {
                err.println("--tls-cert and --tls-key go together");
                return 2;
            }
            ServerConfig chat = chatConfig();
            boolean https = tlsCert != null && httpPort != ListenConfig.DISABLED;
            var tls = ircTlsPort == ListenConfig.DISABLED && !https
                    ? null
                    : TlsContexts.server(tlsCert, tlsKey, dataDir, chat.serverName());
            Database database = Database.open(DatabaseUrl.parse(db, dataDir));
            HistoryLog history = openHistory(log, database);
            server = ChatServer.start(
                    chat,
                    transportConfig(),
                    new ListenConfig(bind, ircPort, plainPort, ircTlsPort, plainBind == null ? bind : plainBind)
                            .withHttp(httpPort, https),
                    tls,
                    JdbcStores.in(database, history, dataDir.resolve("files")));
        } catch (IllegalStateException | IllegalArgumentException | HistoryException e) {
            err.println("Cannot start: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            return 1;
        }
        printListening(out, "irc", server.ircAddress());
        printListening(out, "plain", server.plainAddress());
        printListening(out, "irc-tls", server.ircTlsAddress());
        printListening(out, "http", server.httpAddress());
        log.info(
                "chatroom started; data in {}, {} I/O", dataDir.toAbsolutePath().normalize(), server.io());
        CountDownLatch stopped = new CountDownLatch(1);
        server.recentLog(recent::lines);
        server.onStopRequest(reason -> shutdown(server, stopped, reason));
        Thread hook = new Thread(() -> shutdown(server, stopped, SHUTDOWN_REASON), "chatroom-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Console console = new Console(server, out, () -> {
            shutdown(server, stopped, SHUTDOWN_REASON);
        });
        console.start();
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // SIGTERM path: the hook itself is running
        }
        return 0;
    }

    private static synchronized void shutdown(ChatServer server, CountDownLatch stopped, String reason) {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            server.shutdown(reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopped.countDown();
    }

    private static void printListening(PrintWriter out, String what, @Nullable InetSocketAddress a) {
        if (a != null) {
            String host = a.getAddress().isAnyLocalAddress()
                    ? "0.0.0.0"
                    : a.getAddress().getHostAddress();
            out.println(
                    "listening " + what + " " + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort());
            out.flush();
        }
    }

    private CommandSpec spec() {
        if (spec == null) {
            throw new IllegalStateException("picocli injects the spec");
        }
        return spec;
    }

    ServerConfig chatConfig() throws IOException {
        ServerConfig c = ServerConfig.defaults()
                .withNames(serverName, networkName)
                .withServerPassword(serverPassword)
                .withFlood(floodBurst, floodRate)
                .withFloodMaxLag(floodMaxLag)
                .withOpers(parseOpers(opers))
                .withHistoryReplayLines(historyReplayLines)
                .withAccounts(registration(accountRegistration), registrationNeedsEmail, minPasswordLength)
                .withLimits(maxTargets, maxRoomsPerUser)
                .withNickGrace(nickGrace)
                .withSessionsPerAccount(sessionsPerAccount)
                .withLoginLimits(
                        new ServerConfig.LoginLimits(loginFailuresPerAccount, loginFailuresPerIp, loginFailureWindow))
                // a self-signed certificate cannot carry a policy: clients would refuse it and then the server
                .withStsDuration(tlsCert != null && ircTlsPort != ListenConfig.DISABLED ? stsDuration : Duration.ZERO)
                .withUploads(new UploadPolicy(uploads, uploadMaxKib * 1024, uploadTypes, uploadMaxAge));
        if (motdFile != null) {
            List<String> lines = Files.readAllLines(motdFile, StandardCharsets.UTF_8);
            c = c.withMotd(lines);
        }
        return c;
    }

    static ServerConfig.Registration registration(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "before-connect" -> ServerConfig.Registration.BEFORE_CONNECT;
            case "after-connect" -> ServerConfig.Registration.AFTER_CONNECT;
            case "off" -> ServerConfig.Registration.OFF;
            default ->
                throw new IllegalArgumentException(
                        "--account-registration is before-connect, after-connect or off, not " + value);
        };
    }

    static List<ServerConfig.Oper> parseOpers(List<String> specs) {
        List<ServerConfig.Oper> out = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            if (colon <= 0 || !spec.substring(colon + 1).startsWith("$2")) {
                throw new picocli.CommandLine.ParameterException(
                        new picocli.CommandLine(new ServerCommand()),
                        "--oper wants NAME:HASH with a bcrypt hash from 'chatroom hash-password', got " + spec);
            }
            out.add(new ServerConfig.Oper(spec.substring(0, colon), spec.substring(colon + 1)));
        }
        return out;
    }

    private HistoryLog openHistory(Logger log, Database database) {
        JdbcHistoryStore store = new JdbcHistoryStore(database);
        log.info(
                "history, accounts and registered rooms in {} ({})",
                database.url(),
                durability == Durability.sync ? "stored before delivery" : "async");
        return new HistoryWriter(
                store,
                durability == Durability.sync,
                new Retention(historyMaxAge, historyMaxPerRoom),
                java.time.InstantSource.system());
    }

    TransportConfig transportConfig() {
        return new TransportConfig(
                maxLineBytes,
                sendqBytes,
                pingInterval,
                pingTimeout,
                maxConnectionsPerIp,
                connectsPerIpPerMinute,
                registrationTimeout,
                ioThreads == null ? TransportConfig.defaultIoThreads() : ioThreads,
                IoTransport.best());
    }
}
