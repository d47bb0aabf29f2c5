package chatroom.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A line said in a room or whispered.
 *
 * @param conversation the room ({@code #name}) or, for a whisper, the other person's nick
 * @param room true for a room, false for a whisper
 * @param sender who said it (our own nick for our own lines)
 * @param text what was said; for an action, the action without the CTCP framing ({@code waves} for {@code /me
 *     waves})
 * @param time the server's time when it has {@code server-time}, else when the line arrived
 * @param msgid the server's id of the message, null when the server gives none
 * @param notice true for a NOTICE rather than a PRIVMSG
 * @param action true for a CTCP ACTION ({@code /me}), shown as {@code * sender text}
 */
public record ChatMessage(
        String conversation,
        boolean room,
        String sender,
        String text,
        Instant time,
        @Nullable String msgid,
        boolean notice,
        boolean action) {

    /** A line that is not an action. */
    public ChatMessage(
            String conversation,
            boolean room,
            String sender,
            String text,
            Instant time,
            @Nullable String msgid,
            boolean notice) {
        this(conversation, room, sender, text, time, msgid, notice, false);
    }

    /** The CTCP framing of an action: {@code \u0001ACTION text\u0001}. */
    static final char CTCP = '\u0001';

    /** {@code text} as a CTCP ACTION line. */
    static String actionLine(String text) {
        return CTCP + "ACTION " + text + CTCP;
    }
}
