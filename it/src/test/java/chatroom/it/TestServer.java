package chatroom.it;

import chatroom.core.ServerConfig;
import chatroom.core.history.HistoryLog;
import chatroom.core.history.HistoryStore;
import chatroom.store.Database;
import chatroom.store.DatabaseUrl;
import chatroom.store.HistoryWriter;
import chatroom.store.JdbcHistoryStore;
import chatroom.store.JdbcStores;
import chatroom.store.Retention;
import chatroom.testkit.RawClient;
import chatroom.transport.ChatServer;
import chatroom.transport.ListenConfig;
import chatroom.transport.TransportConfig;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A real server on 127.0.0.1, any free ports, with its history in SQLite in a temporary directory. */
final class TestServer implements AutoCloseable {
    final ChatServer server;
    final Path dataDir;
    private final boolean ownsDataDir;

    private TestServer(ChatServer server, Path dataDir, boolean ownsDataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
    }

    /** In the caller's {@code dataDir} (kept on close, e.g. for a restart), history in {@code db} or SQLite there. */
    static TestServer startIn(Path dataDir, String db) {
        return startIn(dataDir, db, c -> c);
    }

    /** As {@link #startIn(Path, String)}, with the chat configuration changed by {@code chat}. */
    static TestServer startIn(Path dataDir, String db, UnaryOperator<ServerConfig> chat) {
        return startIn(dataDir, db, chat, 0);
    }

    /** As {@link #startIn(Path, String, UnaryOperator)} with IRC on {@code ircPort}: a restart where clients expect it. */
    static TestServer startIn(Path dataDir, String db, UnaryOperator<ServerConfig> chat, int ircPort) {
        ServerConfig c = chat.apply(ServerConfig.defaults().withFlood(0, 0));
        TestServer s =
                start(c, TransportConfig.defaults(), new ListenConfig("127.0.0.1", ircPort, 0), null, db, dataDir);
        return new TestServer(s.server, dataDir, false);
    }

    static TestServer start() {
        return start(c -> c, t -> t);
    }

    /** With an IRC-over-TLS port using the self-signed certificate kept in {@code dataDir}. */
    static TestServer startWithTls(Path dataDir) {
        ServerConfig c = ServerConfig.defaults().withFlood(0, 0);
        return start(
                c,
                TransportConfig.defaults(),
                new ListenConfig("127.0.0.1", 0, 0, 0),
                chatroom.transport.TlsContexts.server(null, null, dataDir, c.serverName()),
                null,
                tempDir());
    }

    /** With the HTTP port (IRC over WebSocket, health, metrics) on a free port, plain HTTP. */
    static TestServer startWithHttp() {
        return startWithHttp(t -> t);
    }

    /** As {@link #startWithHttp()} with the transport limits changed by {@code transport}. */
    static TestServer startWithHttp(UnaryOperator<TransportConfig> transport) {
        return start(
                ServerConfig.defaults().withFlood(0, 0),
                transport.apply(TransportConfig.defaults()),
                new ListenConfig("127.0.0.1", 0, 0).withHttp(0, false),
                null,
                null,
                tempDir());
    }

    /**
     * With the HTTP port on {@code httpPort} (0: any) in the caller's {@code dataDir}, kept on close: a browser
     * reconnects to the same port after a restart. Everyone may share files.
     */
    static TestServer startWithHttp(Path dataDir, int httpPort) {
        return startWithHttp(dataDir, httpPort, chatroom.core.upload.UploadPolicy.Who.EVERYONE);
    }

    /** As {@link #startWithHttp(Path, int)}, with {@code who} may share files by the server's policy. */
    static TestServer startWithHttp(Path dataDir, int httpPort, chatroom.core.upload.UploadPolicy.Who who) {
        ServerConfig c = ServerConfig.defaults()
                .withFlood(0, 0)
                .withUploads(new chatroom.core.upload.UploadPolicy(
                        who, 1 << 20, chatroom.core.upload.UploadPolicy.DEFAULT.types(), Duration.ZERO));
        TestServer s = start(
                c,
                TransportConfig.defaults(),
                new ListenConfig("127.0.0.1", 0, 0).withHttp(httpPort, false),
                null,
                null,
                dataDir);
        return new TestServer(s.server, dataDir, false);
    }

    /** With the HTTP port on a free port and one server operator, {@code name} with a password of {@code hash}. */
    static TestServer startWithAdmin(String name, String hash) {
        return start(
                ServerConfig.defaults().withFlood(0, 0).withOpers(List.of(new ServerConfig.Oper(name, hash))),
                TransportConfig.defaults(),
                new ListenConfig("127.0.0.1", 0, 0).withHttp(0, false),
                null,
                null,
                tempDir());
    }

    ChatServer server() {
        return server;
    }

    /** With HTTPS on the HTTP port, using the self-signed certificate kept in {@code dataDir}. */
    static TestServer startWithHttps(Path dataDir) {
        ServerConfig c = ServerConfig.defaults().withFlood(0, 0);
        return start(
                c,
                TransportConfig.defaults(),
                new ListenConfig("127.0.0.1", 0, 0).withHttp(0, true),
                chatroom.transport.TlsContexts.server(null, null, dataDir, c.serverName()),
                null,
                tempDir());
    }

    static TestServer start(UnaryOperator<ServerConfig> chat, UnaryOperator<TransportConfig> transport) {
        return start(chat, transport, null);
    }

    /** With history in {@code db} ({@code --db} syntax), or SQLite in a fresh directory when null. */
    static TestServer start(UnaryOperator<ServerConfig> chat, UnaryOperator<TransportConfig> transport, String db) {
        ServerConfig c = chat.apply(ServerConfig.defaults().withFlood(0, 0));
        TransportConfig t = transport.apply(new TransportConfig(
                TransportConfig.defaults().maxLineBytes(),
                1 << 20,
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                0,
                0,
                Duration.ofMinutes(2)));
        return start(c, t, new ListenConfig("127.0.0.1", 0, 0), null, db, tempDir());
    }

    /**
     * With its SQLite history store wrapped by {@code store} (e.g. to make it slow), 16 MiB send queues and the HTTP
     * port (IRC over WebSocket).
     */
    static TestServer startWithStore(UnaryOperator<HistoryStore> store) {
        TransportConfig d = TransportConfig.defaults();
        return startWithStore(store, d.pingInterval(), d.pingTimeout());
    }

    /** As {@link #startWithStore(UnaryOperator)}, with its keep-alive's PING interval and timeout. */
    static TestServer startWithStore(UnaryOperator<HistoryStore> store, Duration pingInterval, Duration pingTimeout) {
        ServerConfig c = ServerConfig.defaults().withFlood(0, 0);
        TransportConfig d = TransportConfig.defaults();
        TransportConfig t = new TransportConfig(
                d.maxLineBytes(), 16 << 20, pingInterval, pingTimeout, 0, 0, d.registrationTimeout());
        return start(c, t, new ListenConfig("127.0.0.1", 0, 0).withHttp(0, false), null, null, tempDir(), store);
    }

    private static TestServer start(
            ServerConfig c, TransportConfig t, ListenConfig listen, SslContext tls, String db, Path dataDir) {
        return start(c, t, listen, tls, db, dataDir, s -> s);
    }

    private static TestServer start(
            ServerConfig c,
            TransportConfig t,
            ListenConfig listen,
            SslContext tls,
            String db,
            Path dataDir,
            UnaryOperator<HistoryStore> store) {
        Database database = Database.open(DatabaseUrl.parse(db, dataDir));
        HistoryLog history = new HistoryWriter(
                store.apply(new JdbcHistoryStore(database)), true, Retention.KEEP_EVERYTHING, InstantSource.system());
        try {
            return new TestServer(
                    ChatServer.start(c, t, listen, tls, JdbcStores.in(database, history, dataDir.resolve("files"))),
                    dataDir,
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("chatroom-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress ircTls() {
        return Objects.requireNonNull(server.ircTlsAddress());
    }

    InetSocketAddress http() {
        return Objects.requireNonNull(server.httpAddress());
    }

    InetSocketAddress irc() {
        return Objects.requireNonNull(server.ircAddress());
    }

    InetSocketAddress plain() {
        return Objects.requireNonNull(server.plainAddress());
    }

    RawClient register(String nick) {
        return RawClient.register(irc(), nick);
    }

    /** A telnet-style client logged in on the plain port; returns after the welcome line. */
    RawClient plainLogin(String name) {
        RawClient c = RawClient.connect(plain());
        c.send("login " + name);
        return c;
    }

    @Override
    public void close() {
        try {
            server.shutdown("test over");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ownsDataDir) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
