package chatroom.client;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ChatClient} reports. Every method is called on the client's own thread, one call at a time, in the
 * order things happened; never on the UI thread. A Swing client hands each event to the EDT with {@code
 * SwingUtilities.invokeLater}; a terminal client prints it. Implementations must return quickly and must not block.
 * All methods do nothing by default.
 */
public interface ChatListener {
    /** Registered with the server, as {@code nick}. Follows every (re)connection. */
    default void connected(String nick) {}

    /** A line in a room or a whisper, each at most once (replays from history are deduplicated by msgid). */
    default void message(ChatMessage message) {}

    default void joined(String room, String nick) {}

    default void parted(String room, String nick, String reason) {}

    /** {@code nick} was removed from {@code room} by {@code by}. */
    default void kicked(String room, String nick, String by, String reason) {}

    default void quit(String nick, String reason) {}

    default void nickChanged(String oldNick, String newNick) {}

    /** The topic of a room, on joining it and when someone changes it ({@code by} is null when unknown). */
    default void topic(String room, String topic, @Nullable String by) {}

    /** The full member list of a room, after joining it and after each change. */
    default void members(String room, List<Member> members) {}

    /**
     * {@code nick} is away with {@code message}, or back when {@code message} is null: for people in our rooms (with
     * {@code away-notify}), for someone we whisper who is away, and for ourselves after {@link ChatClient#away}.
     */
    default void away(String nick, @Nullable String message) {}

    /**
     * Older lines of a conversation that {@link ChatClient#history} asked for, oldest first, without the lines
     * already shown (deduplicated by msgid); possibly empty when there is nothing older.
     */
    default void history(String conversation, List<ChatMessage> older) {}

    /** Something the user should read, as a sentence in the configured language. */
    default void error(String text) {}

    /**
     * The connection is gone. {@code retryIn} is when the client tries again, or null when it will not (after
     * {@link ChatClient#quit}, or a wrong password).
     */
    default void disconnected(String reason, @Nullable Duration retryIn) {}
}
