package chatroom.core.history;

import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Appends on the calling thread and reports the commit at once: for unit tests of the core over an {@link
 * InMemoryHistoryStore}, where the caller is the hub. Never used with a real database (the hub must not block).
 */
public final class ImmediateHistoryLog implements HistoryLog {
    private final HistoryStore store;
    private @Nullable Listener listener;

    public ImmediateHistoryLog(HistoryStore store) {
        this.store = store;
    }

    @Override
    public void start(Executor hub, Listener listener) {
        this.listener = listener;
    }

    @Override
    public void append(HistoryEvent event) {
        Listener l = java.util.Objects.requireNonNull(listener, "started");
        try {
            store.append(List.of(event));
        } catch (HistoryException e) {
            l.failed(event.seq(), event.seq(), String.valueOf(e.getMessage()));
            return;
        }
        l.committed(event.seq());
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
