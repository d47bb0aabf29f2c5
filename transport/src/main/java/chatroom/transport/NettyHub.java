package chatroom.transport;

import chatroom.core.Hub;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;

/** The hub: one Netty {@link DefaultEventExecutor} thread named {@code chatroom-hub} (STYLE.md §5.2). */
public final class NettyHub implements Hub {
    public static final String THREAD_NAME = "chatroom-hub";

    private final DefaultEventExecutor executor = new DefaultEventExecutor(new DefaultThreadFactory(THREAD_NAME, true));

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public boolean inHub() {
        return executor.inEventLoop();
    }

    public Future<?> shutdown() {
        return executor.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }
}
