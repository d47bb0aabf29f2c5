package chatroom.desktop;

import chatroom.core.ServerConfig;
import chatroom.core.history.HistoryLog;
import chatroom.store.Database;
import chatroom.store.DatabaseUrl;
import chatroom.store.HistoryWriter;
import chatroom.store.JdbcHistoryStore;
import chatroom.store.JdbcStores;
import chatroom.store.Retention;
import chatroom.transport.ChatServer;
import chatroom.transport.ListenConfig;
import chatroom.transport.TlsContexts;
import chatroom.transport.TransportConfig;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A real chatroom server on 127.0.0.1, free IRC, IRC-over-TLS and HTTP ports (everyone may share files) (its self-signed certificate in {@code
 * dataDir}), history in SQLite in {@code dataDir} (kept for a restart).
 */
record LocalServer(ChatServer server) implements AutoCloseable {
    static LocalServer start(Path dataDir) throws InterruptedException, java.io.IOException {
        java.nio.file.Files.createDirectories(dataDir);
        Database database = Database.open(DatabaseUrl.parse(null, dataDir));
        HistoryLog history = new HistoryWriter(
                new JdbcHistoryStore(database), true, Retention.KEEP_EVERYTHING, InstantSource.system());
        ServerConfig config = ServerConfig.defaults()
                .withFlood(0, 0)
                .withUploads(new chatroom.core.upload.UploadPolicy(
                        chatroom.core.upload.UploadPolicy.Who.EVERYONE,
                        1 << 20,
                        chatroom.core.upload.UploadPolicy.DEFAULT.types(),
                        java.time.Duration.ZERO));
        return new LocalServer(ChatServer.start(
                config,
                TransportConfig.defaults(),
                new ListenConfig("127.0.0.1", 0, ListenConfig.DISABLED, 0).withHttp(0, false),
                TlsContexts.server(null, null, dataDir, config.serverName()),
                JdbcStores.in(database, history, dataDir.resolve("files"))));
    }

    int port() {
        return Objects.requireNonNull(server.ircAddress()).getPort();
    }

    int tlsPort() {
        return Objects.requireNonNull(server.ircTlsAddress()).getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown("server restart");
    }
}
