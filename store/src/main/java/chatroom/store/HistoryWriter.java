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
 * one thread takes everything queued and stores it in one transaction (group commit: the busier the server, the bigger
 * the batch). A second thread makes the stored batches durable ({@link HistoryStore#sync}: one fsync for all the
 * batches stored meanwhile) and then reports them to the hub, in order; so the writer stores the next batch while the
 * disk takes the last. The writer also applies the retention policy once an hour.
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
    /** Stored batches and failed ones, in order, for the syncer to report. */
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    private final Thread syncer;
    private volatile boolean closing;
    /** Set by the writer after its last outcome, when it stops. */
    private volatile boolean writerDone;

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
        this.syncer = new Thread(this::syncAndReport, "chatroom-history-sync");
    }

    /** A batch {@code first..last}: stored (then {@code reason} is null) or not. */
    private record Outcome(long first, long last, @Nullable String reason) {}

    @Override
    public void start(Executor hub, Listener listener) {
        this.hub = hub;
        this.listener = listener;
        thread.start();
        syncer.start();
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
            syncer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() || syncer.isAlive()) {
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
                writerDone = true;
                LockSupport.unpark(syncer);
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
        Outcome outcome;
        try {
            store.append(batch);
            commitObserver.accept(System.nanoTime() - started);
            outcome = new Outcome(first, last, null);
        } catch (RuntimeException ex) {
            String reason = String.valueOf(ex.getMessage());
            log.warn("history batch {}..{} not stored: {}", first, last, reason);
            outcome = new Outcome(first, last, reason);
        }
        outcomes.add(outcome);
        LockSupport.unpark(syncer);
    }

    /** The syncer's loop: waits for outcomes, syncs the stored batches among them once, reports them all in order. */
    private void syncAndReport() {
        List<Outcome> taken = new ArrayList<>();
        while (true) {
            Outcome o;
            while ((o = outcomes.poll()) != null) {
                taken.add(o);
            }
            if (taken.isEmpty()) {
                if (writerDone && outcomes.isEmpty()) {
                    return;
                }
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
                continue;
            }
            String unsynced = sync(taken);
            for (Outcome t : taken) {
                String reason = t.reason() != null ? t.reason() : unsynced;
                if (reason == null) {
                    toHub(l -> l.committed(t.last()));
                } else {
                    toHub(l -> l.failed(t.first(), t.last(), reason));
                }
            }
            taken.clear();
        }
    }

    /** Null when every stored batch in {@code taken} is durable, else why not. */
    private @Nullable String sync(List<Outcome> taken) {
        if (taken.stream().allMatch(t -> t.reason() != null)) {
            return null;
        }
        try {
            store.sync();
            return null;
        } catch (RuntimeException ex) {
            // stored but perhaps not on the disk: not delivered, though a replay may show them later
            log.error(
                    "history batches {}..{} may not be durable: {}",
                    taken.getFirst().first(),
                    taken.getLast().last(),
                    ex.getMessage());
            return String.valueOf(ex.getMessage());
        }
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
