package chatroom.core.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The durable record of events (port; {@code SqliteHistoryStore}, {@code PostgresHistoryStore}, {@link
 * InMemoryHistoryStore}). Calls block and MUST NOT run on the hub or an event loop: appends come from one writer
 * thread, reads from offloaded work. Failures are {@link HistoryException}s.
 */
public interface HistoryStore extends AutoCloseable {
    /** The highest stored sequence number, 0 when empty: the hub continues from there after a restart. */
    long lastSeq();

    /** Stores the events in one transaction; they are durable once a {@link #sync} that follows has returned. */
    void append(List<HistoryEvent> events);

    /**
     * Makes every append so far durable, at the cost of one wait for the disk however many there were. A store whose
     * appends are durable when they return has nothing to do.
     */
    default void sync() {}

    List<HistoryEvent> read(HistoryQuery query);

    /** The event with this msgid in the conversation, if kept. */
    @Nullable
    HistoryEvent find(String conversation, String msgid);

    /**
     * The given rooms and every whisper pair that includes {@code nick} (whispers from {@code whispersSince} on) whose
     * latest message (PRIVMSG or NOTICE) falls strictly between {@code from} and {@code to}, each with that message,
     * oldest first, at most {@code limit} (draft/chathistory TARGETS).
     */
    List<HistoryEvent> latestPerConversation(
            Collection<String> rooms, String nick, Instant whispersSince, Instant from, Instant to, int limit);

    /**
     * Events after {@code afterSeq} and from {@code since} on, in order: of one room, or of every whisper that includes
     * {@code whispersOf}, or everything when both are null. Pages of {@code limit} for export.
     */
    List<HistoryEvent> export(
            @Nullable String room, @Nullable String whispersOf, Instant since, long afterSeq, int limit);

    /**
     * Deletes events older than {@code cutoff} (if not null) and all but the newest {@code keepPerConversation} of each
     * conversation (if positive); returns how many went.
     */
    int prune(@Nullable Instant cutoff, int keepPerConversation);

    @Override
    void close();
}
