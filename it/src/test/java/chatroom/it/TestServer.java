package chatroom.it;

import chatroom.core.ServerConfig;
import chatroom.testkit.RawClient;
import chatroom.transport.ChatServer;
import chatroom.transport.ListenConfig;
import chatroom.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A real server on 127.0.0.1, any free ports, for one test class or one test. */
final class TestServer implements AutoCloseable {
    final ChatServer server;

    private TestServer(ChatServer server) {
        this.server = server;
    }

    static TestServer start() {
        return start(c -> c, t -> t);
    }

    /** With an IRC-over-TLS port using the self-signed certificate kept in {@code dataDir}. */
    static TestServer startWithTls(java.nio.file.Path dataDir) {
        ServerConfig c = ServerConfig.defaults().withFlood(0, 0);
        try {
            return new TestServer(ChatServer.start(
                    c,
                    TransportConfig.defaults(),
                    new ListenConfig("127.0.0.1", 0, 0, 0),
                    chatroom.transport.TlsContexts.server(null, null, dataDir, c.serverName())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    InetSocketAddress ircTls() {
        return Objects.requireNonNull(server.ircTlsAddress());
    }

    static TestServer start(UnaryOperator<ServerConfig> chat, UnaryOperator<TransportConfig> transport) {
        ServerConfig c = chat.apply(ServerConfig.defaults().withFlood(0, 0));
        TransportConfig t = transport.apply(new TransportConfig(
                TransportConfig.defaults().maxLineBytes(), 1 << 20, Duration.ofSeconds(60), Duration.ofSeconds(30), 0));
        try {
            return new TestServer(ChatServer.start(c, t, new ListenConfig("127.0.0.1", 0, 0)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
    }
}
