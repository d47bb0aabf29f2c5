package chatroom.core.history;

import chatroom.protocol.IrcMessage;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;

/**
 * The hub's way into the store: appends are queued without blocking and committed in batches by one writer (STYLE.md
 * §5.5); the outcome of each batch comes back on the hub through the listener, in sequence order.
 */
public interface HistoryLog extends AutoCloseable {
    /** Called once before the first append; {@code hub} runs the listener's calls. */
    void start(Executor hub, Listener listener);

    /** Queues an event; MUST NOT block. Sequence numbers arrive in increasing order. */
    void append(HistoryEvent event);

    /**
     * Queues the event of {@code message} (stamped with time and msgid), as {@link HistoryEvent#of} builds it. A log
     * with its own writer thread builds the event there, so the hub does not encode the line a second time.
     */
    default void append(long seq, Conversation conversation, String sender, IrcMessage message) {
        append(HistoryEvent.of(seq, conversation, sender, message));
    }

    /** The store, for reads from offloaded work. */
    HistoryStore store();

    /** True when delivery waits for the commit (the default); false in the benchmark-only async mode. */
    boolean durable();

    /**
     * Observes how long each batch's commit took, in nanoseconds (for metrics); called on the writer's thread, so
     * {@code nanos} must be cheap and must not block. Stores without a writer thread may ignore it.
     */
    default void onCommit(LongConsumer nanos) {}

    /** Commits what is queued, then stops the writer and closes the store. */
    @Override
    void close();

    /** Batch outcomes, on the hub, in sequence order. */
    interface Listener {
        /** Every event up to {@code seq} is durable. */
        void committed(long seq);

        /** Events {@code fromSeq..toSeq} were not stored. */
        void failed(long fromSeq, long toSeq, String reason);
    }
}
