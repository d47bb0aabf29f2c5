package chatroom.transport;

import chatroom.core.Hub;
import chatroom.core.Offload;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Slow work on virtual threads, results back on the hub (DESIGN.md rule 4: the hub never hashes passwords). */
final class VirtualThreadOffload implements Offload, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VirtualThreadOffload.class);

    private final Hub hub;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("chatroom-offload-", 0).factory());

    VirtualThreadOffload(Hub hub) {
        this.hub = hub;
    }

    @Override
    public <T> void call(Supplier<T> work, Consumer<T> onHub) {
        executor.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                log.error("offloaded work failed", e);
                return;
            }
            hub.execute(() -> onHub.accept(result));
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
