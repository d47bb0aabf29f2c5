package chatroom.core.room;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Registered rooms in a map: for unit tests of the core. Thread-safe. */
public final class InMemoryRoomStore implements RoomStore {
    private final Map<String, RegisteredRoom> rooms = new ConcurrentHashMap<>();

    @Override
    public List<RegisteredRoom> loadAll() {
        return List.copyOf(rooms.values());
    }

    @Override
    public void save(RegisteredRoom room) {
        rooms.put(room.folded(), room);
    }

    @Override
    public void delete(String folded) {
        rooms.remove(folded);
    }
}
