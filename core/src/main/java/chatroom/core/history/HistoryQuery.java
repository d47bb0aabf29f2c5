package chatroom.core.history;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A slice of one conversation, oldest first. Bounds are exclusive unless {@code fromInclusive}; when there are more
 * matches than {@code limit}, {@code newest} keeps the newest ones, otherwise the oldest.
 *
 * @param from lower bound, or null for the beginning
 * @param to upper bound, or null for the end
 * @param messagesOnly only PRIVMSG and NOTICE (clients without draft/event-playback)
 * @param notBefore nothing older than this is returned (a whisper's participant sees nothing from before they took
 *     the nick)
 */
public record HistoryQuery(
        String conversation,
        @Nullable Position from,
        boolean fromInclusive,
        @Nullable Position to,
        int limit,
        boolean newest,
        boolean messagesOnly,
        Instant notBefore) {

    /** A point in a conversation: a stored event's sequence number or a time. */
    public sealed interface Position {
        record Seq(long seq) implements Position {}

        record Time(Instant at) implements Position {}
    }
}
