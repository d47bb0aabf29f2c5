package chatroom.bench.load;

import chatroom.transport.IoTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/** The generator's Netty client: epoll when the platform has it, NIO otherwise; paced connection set-up. */
final class Load implements AutoCloseable {
    /** Source addresses 127.0.0.2 .. 127.0.0.251 when a run spreads its connections over many. */
    private static final int SOURCES = 250;

    private final Target target;
    private final EventLoopGroup group;
    private final List<EventLoop> loops = new ArrayList<>();
    private final IoTransport io;
    private final InetSocketAddress server;
    private int failures;
    private @Nullable Throwable firstFailure;

    Load(Target target) throws UnknownHostException {
        this.target = target;
        this.server = target.address();
        this.io = IoTransport.best();
        int threads = target.threads > 0 ? target.threads : Runtime.getRuntime().availableProcessors();
        this.group = new MultiThreadIoEventLoopGroup(threads, io.handlers());
        group.forEach(e -> loops.add((EventLoop) e));
    }

    IoTransport io() {
        return io;
    }

    /**
     * Connects and registers one connection; {@code local} null lets the kernel choose the source address. Connections
     * {@code 2k} and {@code 2k+1} share an event loop, so a whispering pair answers itself without a task between
     * threads.
     */
    CompletableFuture<Conn> open(int index, String nick, Meter meter, @Nullable InetAddress local) {
        Conn conn = new Conn(index, nick, meter);
        Bootstrap b = new Bootstrap()
                .group(loops.get(index / 2 % loops.size()))
                .channel(io.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        String path = target.webSocket;
                        if (path != null) {
                            WebSocketPipe.add(ch.pipeline(), webSocketUri(path));
                        } else {
                            ch.pipeline().addLast(new LineBasedFrameDecoder(16 * 1024, true, false));
                        }
                        ch.pipeline().addLast(conn);
                    }
                });
        if (io == IoTransport.EPOLL && local != null) {
            // many source addresses share the ephemeral ports only if the port is chosen at connect time
            b.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true);
        }
        var f = local == null ? b.connect(server) : b.connect(server, new InetSocketAddress(local, 0));
        f.addListener(done -> {
            if (!done.isSuccess()) {
                conn.registered.completeExceptionally(done.cause());
            }
        });
        // a connection that did not register in time is closed by us, so it is not counted as a disconnect later
        return conn.registered.orTimeout(30, TimeUnit.SECONDS).whenComplete((c, e) -> {
            if (e != null) {
                conn.close();
            }
        });
    }

    private URI webSocketUri(String path) {
        String host = server.getAddress().getHostAddress();
        return URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getPort() + path);
    }

    /**
     * Opens {@code n} registered connections at most {@code --connect-rate} per second with at most
     * {@code --max-pending} registrations under way, so servers' connect throttles are not the thing measured.
     * Connections that fail are counted ({@link #failures}) and left out of the result.
     */
    List<Conn> openAll(int n, IntFunction<String> nick, Meter meter, boolean spreadSources)
            throws InterruptedException, UnknownHostException {
        Semaphore pending = new Semaphore(target.maxPending);
        List<CompletableFuture<Conn>> all = new ArrayList<>(n);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, target.connectRate);
        for (int i = 0; i < n; i++) {
            if (!pending.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("registrations stalled after " + i + " connections");
            }
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            InetAddress local = spreadSources ? source(i) : null;
            all.add(open(i, nick.apply(i), meter, local).whenComplete((c, e) -> pending.release()));
        }
        List<Conn> ok = new ArrayList<>(n);
        for (CompletableFuture<Conn> f : all) {
            try {
                ok.add(f.join());
            } catch (RuntimeException e) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = e.getCause() == null ? e : e.getCause();
                }
            }
        }
        return ok;
    }

    private static InetAddress source(int i) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + i % SOURCES)});
    }

    int failures() {
        return failures;
    }

    /** Why the first connection failed, for the error message of a run that needs all of them. */
    String firstFailure() {
        Throwable t = firstFailure;
        return t == null ? "none" : t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Sends QUIT on each connection, waits (bounded) for the server to close them, then closes what is left. */
    static void quitAll(List<Conn> conns) {
        for (Conn c : conns) {
            c.quit();
        }
        CompletableFuture<?>[] closed = conns.stream().map(c -> c.closed).toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(closed).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // closed below
        }
        for (Conn c : conns) {
            c.close();
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
