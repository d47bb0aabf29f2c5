package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.core.history.HistoryException;
import chatroom.core.room.InMemoryRoomStore;
import chatroom.core.room.RegisteredRoom;
import chatroom.core.room.RoomStore;
import chatroom.core.upload.RoomUploads;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The room writer: never blocks the caller, keeps each room's writes in order, retries, drains on close. */
@Timeout(30)
class RoomWriterTest {
    static RegisteredRoom room(String name, String topic) {
        return new RegisteredRoom(
                name,
                "ann",
                Instant.EPOCH,
                topic,
                "ann",
                Instant.EPOCH,
                "nt",
                null,
                0,
                List.of(),
                List.of(),
                RoomUploads.DEFAULT);
    }

    /** Records every write; the first write waits for {@code gate}. */
    static final class GatedStore implements RoomStore {
        final InMemoryRoomStore kept = new InMemoryRoomStore();
        final List<String> writes = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger failuresLeft = new AtomicInteger();

        @Override
        public List<RegisteredRoom> loadAll() {
            return kept.loadAll();
        }

        @Override
        public void save(RegisteredRoom room) {
            hold();
            writes.add("save " + room.name() + " " + room.topic());
            kept.save(room);
        }

        @Override
        public void delete(String folded) {
            hold();
            writes.add("delete " + folded);
            kept.delete(folded);
        }

        private void hold() {
            entered.countDown();
            try {
                assertThat(gate.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new HistoryException("database locked", new java.sql.SQLException("locked"));
            }
        }
    }

    @Test
    void whileTheStoreIsBusyOnlyTheNewestStateOfEachRoomIsWrittenInOrder() throws InterruptedException {
        GatedStore store = new GatedStore();
        RoomWriter writer = new RoomWriter(store);
        assertThat(writer.load()).isEmpty();
        writer.save(room("#a", "one"));
        assertThat(store.entered.await(10, TimeUnit.SECONDS)).isTrue();
        writer.save(room("#a", "two"));
        writer.save(room("#b", "b"));
        writer.save(room("#a", "three"));
        writer.delete("#b");
        assertThat(writer.pending()).isEqualTo(2);
        store.gate.countDown();
        writer.close();
        assertThat(store.writes).containsExactly("save #a one", "save #a three", "delete #b");
        assertThat(store.kept.loadAll()).containsExactly(room("#a", "three"));
    }

    @Test
    void aFailedWriteIsTriedAgain() {
        GatedStore store = new GatedStore();
        store.gate.countDown();
        store.failuresLeft.set(1);
        RoomWriter writer = new RoomWriter(store);
        writer.load();
        writer.save(room("#a", "kept"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !store.kept.loadAll().isEmpty());
        writer.close();
        assertThat(store.writes).containsExactly("save #a kept");
    }
}
