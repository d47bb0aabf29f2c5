package chatroom.core.room;

import java.util.List;

/**
 * The hub's way to keep registered rooms (like {@code HistoryLog} for history): {@link #save} and {@link #delete}
 * queue a snapshot and MUST NOT block; for any one room the store ends up with the last snapshot queued (writes of a
 * room are never reordered). Implementations: {@code RoomWriter} (one writer thread), {@link ImmediateRoomLog}.
 */
public interface RoomLog extends AutoCloseable {
    /** Every registered room; blocks, so only while the server starts, before anyone connects. */
    List<RegisteredRoom> load();

    /** Queues {@code room}'s state. */
    void save(RegisteredRoom room);

    /** Queues forgetting the room kept under {@code folded}. */
    void delete(String folded);

    /** Writes what is queued, then stops. */
    @Override
    void close();
}
