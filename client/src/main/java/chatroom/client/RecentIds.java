package chatroom.client;

import java.util.LinkedHashSet;
import java.util.SequencedSet;

/** The last {@code capacity} message ids of one conversation, oldest forgotten first: enough to drop replays. */
final class RecentIds {
    private final int capacity;
    private final SequencedSet<String> ids = new LinkedHashSet<>();

    RecentIds(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers {@code msgid}; false when it was already there (the message is a duplicate). */
    boolean add(String msgid) {
        if (!ids.add(msgid)) {
            return false;
        }
        if (ids.size() > capacity) {
            ids.removeFirst();
        }
        return true;
    }

    boolean contains(String msgid) {
        return ids.contains(msgid);
    }

    int size() {
        return ids.size();
    }
}
