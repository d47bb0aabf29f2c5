package chatroom.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A line said in a room or whispered.
 *
 * @param conversation the room ({@code #name}) or, for a whisper, the other person's nick
 * @param room true for a room, false for a whisper
 * @param sender who said it (our own nick for our own lines)
 * @param time the server's time when it has {@code server-time}, else when the line arrived
 * @param msgid the server's id of the message, null when the server gives none
 * @param notice true for a NOTICE rather than a PRIVMSG
 */
public record ChatMessage(
        String conversation,
        boolean room,
        String sender,
        String text,
        Instant time,
        @Nullable String msgid,
        boolean notice) {}
