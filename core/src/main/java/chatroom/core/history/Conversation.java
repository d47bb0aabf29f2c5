package chatroom.core.history;

import org.jspecify.annotations.Nullable;

/**
 * Where an event is kept: a room (its folded name) or a whisper between two people (their folded nicks, lower first,
 * joined by a space, which no nick contains). A whisper to oneself is the pair of the same nick.
 */
public record Conversation(
        String key, @Nullable String peerA, @Nullable String peerB) {

    public static Conversation room(String foldedRoom) {
        return new Conversation(foldedRoom, null, null);
    }

    /** The conversation a stored key names: a whisper pair when it holds a space, a room otherwise. */
    public static Conversation ofKey(String key) {
        int space = key.indexOf(' ');
        return space < 0 ? room(key) : new Conversation(key, key.substring(0, space), key.substring(space + 1));
    }

    public static Conversation whisper(String foldedNick, String otherFoldedNick) {
        String a = foldedNick.compareTo(otherFoldedNick) <= 0 ? foldedNick : otherFoldedNick;
        String b = a.equals(foldedNick) ? otherFoldedNick : foldedNick;
        return new Conversation(a + " " + b, a, b);
    }
}
