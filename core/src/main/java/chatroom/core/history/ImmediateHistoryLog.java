package chatroom.core.history;

import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Appends on the calling thread and reports the outcome through the hub executor: for unit tests of the core over an {@link
 * InMemoryHistoryStore}, where the caller is the hub. Never used with a real database (the hub must not block).
 */
public final class ImmediateHistoryLog implements HistoryLog {
    private final HistoryStore store;
    private @Nullable Listener listener;
    private Executor hub = Runnable::run;

    public ImmediateHistoryLog(HistoryStore store) {
        this.store = store;
    }

    @Override
    public void start(Executor hub, Listener listener) {
        this.hub = hub;
        this.listener = listener;
    }

    @Override
    public void append(HistoryEvent event) {
        Listener l = java.util.Objects.requireNonNull(listener, "started");
        try {
            store.append(List.of(event));
            store.sync();
        } catch (HistoryException e) {
            hub.execute(() -> l.failed(event.seq(), event.seq(), String.valueOf(e.getMessage())));
            return;
        }
        hub.execute(() -> l.committed(event.seq()));
    }

    @Override
    public HistoryStore store() {
        return store;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void close() {}
}
