package chatroom.transport;

import chatroom.core.Hub;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;

/** The hub: one Netty {@link DefaultEventExecutor} thread named {@code chatroom-hub} (STYLE.md §5.2). */
public final class NettyHub implements Hub {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NettyHub.class);
    public static final String THREAD_NAME = "chatroom-hub";

    private final DefaultEventExecutor executor = new DefaultEventExecutor(new DefaultThreadFactory(THREAD_NAME, true));

    @Override
    public void execute(Runnable task) {
        executor.execute(() -> runGuarded(task));
    }

    /** A failing task must not take the hub (and with it every conversation) down: log it and carry on. */
    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            log.error("hub task failed; the hub keeps running", t);
        }
    }

    /** Runs {@code task} on the hub every {@code period} until shutdown. */
    public void every(java.time.Duration period, Runnable task) {
        long ms = period.toMillis();
        executor.scheduleAtFixedRate(() -> runGuarded(task), ms, ms, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean inHub() {
        return executor.inEventLoop();
    }

    public Future<?> shutdown() {
        return executor.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
