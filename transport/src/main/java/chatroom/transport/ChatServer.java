package chatroom.transport;

import static chatroom.core.Connection.Protocol.IRC;
import static chatroom.core.Connection.Protocol.PLAIN;

import chatroom.core.ServerConfig;
import chatroom.core.ServerState;
import chatroom.core.Stores;
import chatroom.core.command.AdminActions;
import chatroom.core.command.Dispatcher;
import chatroom.core.history.HistoryLog;
import chatroom.core.room.RegisteredRoom;
import chatroom.core.room.RoomLog;
import chatroom.core.upload.UploadStore;
import chatroom.core.user.Session;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running chat server: the hub, the event loops and one listener per enabled port. Start it from any thread that
 * may block (a main thread or a test), never from an event loop.
 */
public final class ChatServer {
    private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

    private final NettyHub hub;
    private final ServerState state;
    private final Dispatcher dispatcher;
    private final AdminActions adminActions;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final IoTransport io;
    private static final AdaptiveRecvByteBufAllocator RECEIVE_BUFFERS = new AdaptiveRecvByteBufAllocator();

    private final List<Channel> listeners = new ArrayList<>();
    /** Every connection's send queue limit: one shared object, as is the receive buffer sizing below. */
    private final WriteBufferWaterMark sendQueue;
    /** Every open connection, so shutdown can wait until each has been told why and closed. */
    private final ChannelGroup connections = new DefaultChannelGroup("connections", GlobalEventExecutor.INSTANCE);

    private @Nullable InetSocketAddress ircAddress;
    private @Nullable InetSocketAddress plainAddress;
    private @Nullable InetSocketAddress ircTlsAddress;
    private @Nullable InetSocketAddress httpAddress;
    private final ServerMetrics metrics = new ServerMetrics();

    private final HistoryLog history;
    private final RoomLog rooms;
    private final UploadStore uploads;
    /** Blocking work of the HTTP port (shared files), one virtual thread per task. */
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    /** The last lines of the server log for the admin dashboard; the server's log setup provides them. */
    private volatile Supplier<List<String>> recentLog = List::of;
    /** What the dashboard's stop does; by default this server shuts down (the command line also ends the process). */
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

    private volatile Consumer<String> stopper = this::shutdownQuietly;

    private ChatServer(ServerConfig config, TransportConfig transport, InstantSource clock, Stores stores) {
        this.hub = new NettyHub();
        this.history = stores.history();
        this.rooms = stores.rooms();
        this.uploads = stores.uploads();
        this.state = new ServerState(config, clock, new NettyOutbox(metrics), new VirtualThreadOffload(hub), stores);
        this.dispatcher = new Dispatcher(state, transport.registrationTimeout());
        this.adminActions = new AdminActions(dispatcher);
        this.io = transport.io();
        this.boss = new MultiThreadIoEventLoopGroup(1, io.handlers());
        this.workers = new MultiThreadIoEventLoopGroup(transport.ioThreads(), io.handlers());
        int high = transport.sendQueueBytes();
        this.sendQueue = new WriteBufferWaterMark(Math.max(1, high / 2), high);
    }

    /**
     * Loads the K-lines, starts the history writer, loads the registered rooms, then starts the listeners, so nobody
     * connects before the rooms are there; {@code tls} is required when {@code listen} enables the TLS port or HTTP
     * over TLS. The
     * server owns the stores' history and room logs from here on and closes them last on shutdown.
     */
    public static ChatServer start(
            ServerConfig config,
            TransportConfig transport,
            ListenConfig listen,
            @Nullable SslContext tls,
            Stores stores)
            throws InterruptedException {
        ChatServer server = new ChatServer(config, transport, InstantSource.system(), stores);
        try {
            var klines = stores.klines().load(Instant.now());
            server.onHub(st -> {
                        klines.forEach(st.klines()::put);
                        return klines.size();
                    })
                    .join();
            server.history.onCommit(server.metrics::commitNanos);
            server.state.history().start(server.hub);
            server.hub.every(java.time.Duration.ofSeconds(1), server.dispatcher::tick);
            List<RegisteredRoom> kept = server.rooms.load();
            server.onHub(st -> {
                        st.restoreRooms(kept);
                        return null;
                    })
                    .get(30, TimeUnit.SECONDS);
            log.info("{} registered rooms loaded", kept.size());
            server.bind(config, transport, listen, tls);
            server.keepUploadsFor(config.uploads().maxAge());
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            server.stopThreads();
            throw new IllegalStateException("cannot restore the registered rooms", e);
        } catch (RuntimeException | InterruptedException e) {
            server.stopThreads();
            throw e;
        }
        return server;
    }

    private void bind(ServerConfig config, TransportConfig transport, ListenConfig listen, @Nullable SslContext tls)
            throws InterruptedException {
        var shared = new ChatChannelInitializer.Shared(
                hub,
                dispatcher,
                config,
                transport,
                new ConnectionLimiter(transport.maxConnectionsPerIp(), transport.connectsPerIpPerMinute()),
                new ExceptionHandler(),
                connections,
                metrics,
                state,
                blocking,
                uploads,
                StaticFiles.load(ChatServer.class.getClassLoader()),
                new AdminApi(this, adminActions, () -> recentLog.get()),
                new Liveness(config.serverName(), transport.pingInterval(), transport.pingTimeout()));
        // the TLS port first: the sts policy offered on the plain port names it
        if (listen.ircTlsPort() != ListenConfig.DISABLED) {
            if (tls == null) {
                throw new IllegalStateException("the TLS port needs a TLS context");
            }
            ircTlsAddress = listen(listen.bind(), listen.ircTlsPort(), new ChatChannelInitializer(IRC, shared, tls));
            if (ircTlsAddress != null) {
                int port = ircTlsAddress.getPort();
                onHub(st -> {
                            st.tlsPort(port);
                            return port;
                        })
                        .join();
            }
        }
        ircAddress = listen(listen.bind(), listen.ircPort(), new ChatChannelInitializer(IRC, shared, null));
        plainAddress = listen(listen.plainBind(), listen.plainPort(), new ChatChannelInitializer(PLAIN, shared, null));
        if (listen.httpTls() && listen.httpPort() != ListenConfig.DISABLED && tls == null) {
            throw new IllegalStateException("HTTPS needs a TLS context");
        }
        httpAddress = listen(
                listen.bind(), listen.httpPort(), new HttpChannelInitializer(shared, listen.httpTls() ? tls : null));
        if (httpAddress != null) {
            String host = wildcard(listen.bind()) ? "localhost" : listen.bind();
            String url = (listen.httpTls() ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host)
                    + ":" + httpAddress.getPort() + UploadReceiver.PATH;
            onHub(st -> {
                        st.fileHost(url);
                        return url;
                    })
                    .join();
        }
    }

    /** Every hour (and now), shared files older than {@code maxAge} are deleted; zero keeps them. */
    private void keepUploadsFor(java.time.Duration maxAge) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return;
        }
        boss.next()
                .scheduleAtFixedRate(
                        () -> blocking.execute(() -> {
                            try {
                                for (var u : uploads.createdBefore(Instant.now().minus(maxAge))) {
                                    uploads.delete(u.id());
                                }
                            } catch (java.io.IOException | RuntimeException e) {
                                log.warn("could not delete old shared files", e);
                            }
                        }),
                        0,
                        1,
                        TimeUnit.HOURS);
    }

    private static boolean wildcard(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]") || bind.isEmpty();
    }

    /** Listens on {@code port} unless it is {@link ListenConfig#DISABLED}; returns the bound address or null. */
    private @Nullable InetSocketAddress listen(String bind, int port, io.netty.channel.ChannelHandler init)
            throws InterruptedException {
        if (port == ListenConfig.DISABLED) {
            return null;
        }
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(io.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, sendQueue)
                // stateless (each connection gets its own handle from it), so one serves all
                .childOption(ChannelOption.RECVBUF_ALLOCATOR, RECEIVE_BUFFERS)
                .childHandler(init);
        var future = b.bind(bind, port).await();
        if (!future.isSuccess()) {
            throw new IllegalStateException("cannot listen on " + bind + ":" + port, future.cause());
        }
        listeners.add(future.channel());
        return (InetSocketAddress) future.channel().localAddress();
    }

    /** How the event loops do I/O. */
    public IoTransport io() {
        return io;
    }

    public @Nullable InetSocketAddress ircAddress() {
        return ircAddress;
    }

    public @Nullable InetSocketAddress plainAddress() {
        return plainAddress;
    }

    public @Nullable InetSocketAddress ircTlsAddress() {
        return ircTlsAddress;
    }

    /** The HTTP port (WebSocket IRC at {@code /irc}, {@code /healthz}, {@code /metrics}), or null when disabled. */
    public @Nullable InetSocketAddress httpAddress() {
        return httpAddress;
    }

    /** Runs {@code query} on the hub and returns its result; for consoles and tests, never for event loops. */
    public <T> CompletableFuture<T> onHub(Function<ServerState, T> query) {
        CompletableFuture<T> f = new CompletableFuture<>();
        hub.execute(() -> {
            try {
                f.complete(query.apply(state));
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /** Operator actions (kick, close a room, K-line) for the console and the dashboard; call them on the hub. */
    public AdminActions adminActions() {
        return adminActions;
    }

    /** Where the admin dashboard reads the recent log lines from. */
    public void recentLog(Supplier<List<String>> lines) {
        this.recentLog = lines;
    }

    /** What a stop from the admin dashboard does, given the reason to tell users. */
    public void onStopRequest(Consumer<String> stop) {
        this.stopper = stop;
    }

    /** The admin dashboard's stop: blocks like {@link #shutdown}; call it from a thread that may. */
    void requestStop(String reason) {
        stopper.accept(reason);
    }

    private void shutdownQuietly(String reason) {
        try {
            shutdown(reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Notice to every registered user, from the server. */
    public CompletableFuture<Integer> announce(String text) {
        return onHub(st -> {
            List<Session> all = new ArrayList<>();
            for (var u : st.users()) {
                all.addAll(u.sessions());
            }
            st.outbox()
                    .sendAll(all, chatroom.protocol.IrcMessage.from(st.config().serverName(), "NOTICE", "*", text));
            st.outbox().flush();
            return all.size();
        });
    }

    /** Tells everyone why, disconnects them, stops listening and ends the threads. Blocks until done. */
    public void shutdown(String reason) throws InterruptedException {
        if (!stopping.compareAndSet(false, true)) {
            return; // the console, a signal and the dashboard may all ask
        }
        log.info("shutting down: {}", reason);
        for (Channel l : listeners) {
            l.close().await(5, TimeUnit.SECONDS);
        }
        try {
            onHub(st -> {
                        for (Session s : List.copyOf(st.sessions())) {
                            st.outbox().disconnect(s, reason);
                        }
                        st.outbox().flush();
                        return null;
                    })
                    .get(5, TimeUnit.SECONDS);
            // HTTP connections that never became a WebSocket have no session to tell: closed at once
            for (Channel ch : connections) {
                if (ch.pipeline().get(io.netty.handler.codec.http.HttpServerCodec.class) != null) {
                    ch.close();
                }
            }
            // the Disconnector closes each connection once its ERROR line is written (or after a grace period)
            connections.newCloseFuture().await(5, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            log.warn("could not notify every user before shutdown", e);
        }
        stopThreads();
    }

    private void stopThreads() throws InterruptedException {
        workers.shutdownGracefully(100, 3_000, TimeUnit.MILLISECONDS).await(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1_000, TimeUnit.MILLISECONDS).await(5, TimeUnit.SECONDS);
        hub.shutdown().await(5, TimeUnit.SECONDS);
        ((VirtualThreadOffload) state.offload()).close();
        blocking.shutdown();
        blocking.awaitTermination(5, TimeUnit.SECONDS);
        // rooms first: closing the history closes the database they share
        rooms.close();
        history.close();
    }
}
