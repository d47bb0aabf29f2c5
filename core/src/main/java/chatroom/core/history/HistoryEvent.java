package chatroom.core.history;

import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import chatroom.protocol.IrcWriter;
import chatroom.protocol.ServerTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One stored line: a message, whisper or room event. {@code seq} is the server order (DESIGN.md rule 1); {@code
 * conversation} is a room's folded name or a whisper pair's key ({@link Conversation}); {@code line} is the IRC line
 * without the server's {@code time} and {@code msgid} tags (client-only tags are kept).
 *
 * @param sender the sender's folded nick
 * @param peerA for a whisper, the lower folded nick of the pair; null for room events
 * @param peerB for a whisper, the higher folded nick of the pair; null for room events
 */
public record HistoryEvent(
        long seq,
        String conversation,
        String msgid,
        Instant at,
        String command,
        String sender,
        @Nullable String peerA,
        @Nullable String peerB,
        String line) {

    /** The event of {@code message} (which carries {@code time} and {@code msgid} tags) in {@code conversation}. */
    public static HistoryEvent of(long seq, Conversation conversation, String sender, IrcMessage message) {
        String msgid = message.tag("msgid");
        String time = message.tag("time");
        if (msgid == null || time == null) {
            throw new IllegalArgumentException("a stored message needs time and msgid tags: " + message);
        }
        return new HistoryEvent(
                seq,
                conversation.key(),
                msgid,
                ServerTime.parse(time),
                message.command(),
                sender,
                conversation.peerA(),
                conversation.peerB(),
                IrcWriter.write(message, HistoryEvent::isStoredTag));
    }

    private static boolean isStoredTag(String key) {
        return !key.equals("msgid") && !key.equals("time");
    }

    /** The line as delivered live: with its {@code time} and {@code msgid} tags back. */
    public IrcMessage message() {
        IrcMessage m;
        try {
            m = IrcParser.parse(line);
        } catch (IrcParseException e) {
            throw new IllegalStateException("stored line does not parse: " + line, e);
        }
        Map<String, String> tags = new HashMap<>(m.tags());
        tags.put("time", ServerTime.format(at));
        tags.put("msgid", msgid);
        return m.withTags(tags);
    }

    /** PRIVMSG and NOTICE: what clients without event-playback get back (draft/event-playback). */
    public boolean isMessage() {
        return command.equals("PRIVMSG") || command.equals("NOTICE");
    }

    public boolean isWhisper() {
        return peerA != null;
    }
}
