package chatroom.store;

import chatroom.core.history.Conversation;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryLog;
import chatroom.core.history.HistoryStore;
import chatroom.protocol.IrcMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer (STYLE.md §5.5, hivemq {@code SingleWriterServiceImpl}): the hub queues events without blocking;
 * one thread takes everything queued, stores it in one transaction (group commit: the busier the server, the bigger
 * the batch) and reports the outcome to the hub. The same thread applies the retention policy once an hour.
 */
public final class HistoryWriter implements HistoryLog {
    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    static final int MAX_BATCH = 4096;
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final HistoryStore store;
    private final boolean durable;
    private final Retention retention;
    private final InstantSource clock;
    /** {@link HistoryEvent}s and {@link Pending} ones, built on the writer's thread. */
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();

    private final AtomicInteger queued = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closing;
    private @Nullable Executor hub;
    private @Nullable Listener listener;
    private Instant nextPrune = Instant.MIN;
    private volatile LongConsumer commitObserver = nanos -> {};

    /** {@code durable=false} is the benchmark-only async mode: delivery does not wait for the commit. */
    public HistoryWriter(HistoryStore store, boolean durable, Retention retention, InstantSource clock) {
        this.store = store;
        this.durable = durable;
        this.retention = retention;
        this.clock = clock;
        this.thread = new Thread(this::run, "chatroom-history-writer");
    }

    @Override
    public void start(Executor hub, Listener listener) {
        this.hub = hub;
        this.listener = listener;
        thread.start();
    }

    @Override
    public void onCommit(LongConsumer nanos) {
        commitObserver = nanos;
    }

    @Override
    public void append(HistoryEvent event) {
        enqueue(event);
    }

    @Override
    public void append(long seq, Conversation conversation, String sender, IrcMessage message) {
        enqueue(new Pending(seq, conversation, sender, message));
    }

    private void enqueue(Object event) {
        queue.add(event);
        if (queued.getAndIncrement() == 0) {
            LockSupport.unpark(thread);
        }
    }

    /** An event the hub handed over as it was delivered; encoding it for the store is the writer's work. */
    private record Pending(long seq, Conversation conversation, String sender, IrcMessage message) {
        Pending {
            if (message.tag("msgid") == null || message.tag("time") == null) {
                // refused on the hub, as HistoryEvent.of would: the writer's thread must not meet it
                throw new IllegalArgumentException("a stored message needs time and msgid tags: " + message);
            }
        }

        HistoryEvent event() {
            return HistoryEvent.of(seq, conversation, sender, message);
        }
    }

    @Override
    public HistoryStore store() {
        return store;
    }

    @Override
    public boolean durable() {
        return durable;
    }

    /** Events queued and not yet taken by the writer. */
    public int queued() {
        return queued.get();
    }

    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("history writer did not finish within 30 s; {} events may not be stored", queued.get());
        } else {
            store.close();
        }
    }

    private void run() {
        List<HistoryEvent> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            Object e;
            while (batch.size() < MAX_BATCH && (e = queue.poll()) != null) {
                batch.add(e instanceof Pending p ? p.event() : (HistoryEvent) e);
            }
            if (!batch.isEmpty()) {
                queued.addAndGet(-batch.size());
                write(batch);
                batch.clear();
                pruneIfDue(); // also under constant load, when the queue is never empty
                continue;
            }
            if (closing) {
                return;
            }
            pruneIfDue();
            if (queued.get() == 0) {
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    private void write(List<HistoryEvent> batch) {
        long first = batch.getFirst().seq();
        long last = batch.getLast().seq();
        long started = System.nanoTime();
        try {
            store.append(batch);
            commitObserver.accept(System.nanoTime() - started);
        } catch (RuntimeException ex) {
            String reason = String.valueOf(ex.getMessage());
            log.warn("history batch {}..{} not stored: {}", first, last, reason);
            toHub(l -> l.failed(first, last, reason));
            return;
        }
        toHub(l -> l.committed(last));
    }

    private void toHub(java.util.function.Consumer<Listener> call) {
        Listener l = Objects.requireNonNull(listener, "started");
        try {
            Objects.requireNonNull(hub, "started").execute(() -> call.accept(l));
        } catch (RejectedExecutionException e) {
            log.debug("hub stopped; batch outcome not reported");
        }
    }

    private void pruneIfDue() {
        if (retention.keepsEverything() || clock.instant().isBefore(nextPrune)) {
            return;
        }
        nextPrune = clock.instant().plus(PRUNE_EVERY);
        Instant cutoff = retention.maxAge() == null ? null : clock.instant().minus(retention.maxAge());
        try {
            int n = store.prune(cutoff, retention.maxPerConversation());
            if (n > 0) {
                log.info("history retention removed {} events", n);
            }
        } catch (RuntimeException ex) {
            log.warn("history retention failed: {}", ex.getMessage());
        }
    }
}
