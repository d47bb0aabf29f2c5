package chatroom.terminal;

import chatroom.protocol.CaseMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The rooms we are in and the nicks we have seen, for Tab completion. Thread-safe. */
final class Known {
    private final Map<String, String> rooms = new ConcurrentHashMap<>();
    private final Map<String, String> nicks = new ConcurrentHashMap<>();

    void room(String name) {
        rooms.put(CaseMapping.fold(name), name);
    }

    void leftRoom(String name) {
        rooms.remove(CaseMapping.fold(name));
    }

    /** A room we are still in, if any. */
    List<String> rooms() {
        return List.copyOf(rooms.values());
    }

    boolean inRoom(String name) {
        return rooms.containsKey(CaseMapping.fold(name));
    }

    void nick(String nick) {
        nicks.put(CaseMapping.fold(nick), nick);
    }

    void renamed(String from, String to) {
        nicks.remove(CaseMapping.fold(from));
        nick(to);
    }

    /** Everything Tab may complete: commands, rooms, nicks. */
    List<String> words() {
        List<String> all = new ArrayList<>(InputParser.COMMANDS);
        all.addAll(rooms.values());
        all.addAll(nicks.values());
        return all;
    }
}
