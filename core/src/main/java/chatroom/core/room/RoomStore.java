package chatroom.core.room;

import java.util.List;

/**
 * Where registered rooms are kept (port; {@code JdbcRoomStore}, {@link InMemoryRoomStore}). Calls block: the hub
 * reaches the store only through a {@link RoomLog}. Failures are {@link chatroom.core.history.HistoryException}s.
 */
public interface RoomStore {
    /** Every registered room. */
    List<RegisteredRoom> loadAll();

    /** Keeps {@code room} in full, replacing what was kept under its name. */
    void save(RegisteredRoom room);

    /** Forgets the room kept under {@code folded}, if any. */
    void delete(String folded);
}
