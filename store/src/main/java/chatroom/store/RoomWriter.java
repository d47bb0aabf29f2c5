package chatroom.store;

import chatroom.core.room.RegisteredRoom;
import chatroom.core.room.RoomLog;
import chatroom.core.room.RoomStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes registered rooms off the hub, on one thread ({@code chatroom-room-writer}). The hub hands over a snapshot per
 * change and never waits. Pending writes are kept per room and only the newest is written (each snapshot is the
 * room's whole state), so the queue holds at most one entry per registered room and the writes of one room are never
 * reordered. A write that fails is logged and tried again a second later unless a newer one has arrived.
 */
public final class RoomWriter implements RoomLog {
    private static final Logger log = LoggerFactory.getLogger(RoomWriter.class);
    private static final long RETRY_MS = 1_000;

    private final RoomStore store;
    private final Thread thread;
    /** Folded name to the newest snapshot, or empty to delete; guarded by itself, never held across I/O. */
    private final Map<String, Optional<RegisteredRoom>> pending = new LinkedHashMap<>();

    private boolean closing;

    public RoomWriter(RoomStore store) {
        this.store = store;
        this.thread = new Thread(this::run, "chatroom-room-writer");
    }

    /** Reads every registered room (blocking, at start), then starts the writer thread. */
    @Override
    public List<RegisteredRoom> load() {
        List<RegisteredRoom> rooms = store.loadAll();
        thread.start();
        return rooms;
    }

    @Override
    public void save(RegisteredRoom room) {
        offer(room.folded(), Optional.of(room));
    }

    @Override
    public void delete(String folded) {
        offer(folded, Optional.empty());
    }

    private void offer(String folded, Optional<RegisteredRoom> op) {
        synchronized (pending) {
            pending.remove(folded); // re-inserted at the end: rooms are written in the order they last changed
            pending.put(folded, op);
            pending.notifyAll();
        }
    }

    /** Rooms waiting to be written. */
    public int pending() {
        synchronized (pending) {
            return pending.size();
        }
    }

    @Override
    public void close() {
        synchronized (pending) {
            closing = true;
            pending.notifyAll();
        }
        if (!thread.isAlive()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("room writer did not finish within 30 s; {} rooms may not be stored", pending());
        }
    }

    private void run() {
        boolean retrying = false;
        while (true) {
            Map<String, Optional<RegisteredRoom>> batch;
            synchronized (pending) {
                while ((pending.isEmpty() || retrying) && !closing) {
                    try {
                        pending.wait(retrying ? RETRY_MS : 0);
                    } catch (InterruptedException e) {
                        return;
                    }
                    retrying = false;
                }
                if (pending.isEmpty()) {
                    return;
                }
                batch = new LinkedHashMap<>(pending);
                pending.clear();
            }
            List<String> failed = new ArrayList<>();
            batch.forEach((folded, op) -> {
                if (!write(folded, op)) {
                    failed.add(folded);
                }
            });
            synchronized (pending) {
                for (String folded : failed) {
                    pending.putIfAbsent(folded, batch.get(folded));
                }
                // on close, one more attempt only: a store that is down does not hold the shutdown
                if (closing && !failed.isEmpty()) {
                    log.warn("{} registered rooms not stored before shutdown", failed.size());
                    return;
                }
            }
            retrying = !failed.isEmpty();
        }
    }

    private boolean write(String folded, Optional<RegisteredRoom> op) {
        try {
            if (op.isPresent()) {
                store.save(op.get());
            } else {
                store.delete(folded);
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("room {} not stored (will retry): {}", folded, e.getMessage());
            return false;
        }
    }
}
