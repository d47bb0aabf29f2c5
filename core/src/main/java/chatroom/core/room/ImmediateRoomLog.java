package chatroom.core.room;

import java.util.List;

/** Writes straight into a {@link RoomStore} on the caller's thread: for unit tests, where the store is in memory. */
public final class ImmediateRoomLog implements RoomLog {
    private final RoomStore store;

    public ImmediateRoomLog(RoomStore store) {
        this.store = store;
    }

    @Override
    public List<RegisteredRoom> load() {
        return store.loadAll();
    }

    @Override
    public void save(RegisteredRoom room) {
        store.save(room);
    }

    @Override
    public void delete(String folded) {
        store.delete(folded);
    }

    @Override
    public void close() {}
}
