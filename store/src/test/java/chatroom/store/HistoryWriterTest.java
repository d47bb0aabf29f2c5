package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.core.history.Conversation;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryException;
import chatroom.core.history.HistoryLog;
import chatroom.core.history.HistoryStore;
import chatroom.core.history.InMemoryHistoryStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HistoryWriterTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    /** Records the outcomes the writer reports, as the hub would receive them. */
    static final class Outcomes implements HistoryLog.Listener {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void committed(long seq) {
            seen.add("committed " + seq);
        }

        @Override
        public void failed(long fromSeq, long toSeq, String reason) {
            seen.add("failed " + fromSeq + ".." + toSeq + ": " + reason);
        }
    }

    static HistoryEvent event(long seq, Instant at) {
        Conversation c = Conversation.room("#a");
        return new HistoryEvent(seq, c.key(), "m" + seq, at, "PRIVMSG", "alice", null, null, ":a!u@h PRIVMSG #a :x");
    }

    @Test
    void everyEventIsStoredAndTheLastCommitCoversThemAll() {
        InMemoryHistoryStore store = new InMemoryHistoryStore();
        Outcomes outcomes = new Outcomes();
        HistoryWriter w = new HistoryWriter(store, true, Retention.KEEP_EVERYTHING, InstantSource.fixed(NOW));
        w.start(Runnable::run, outcomes);
        for (long i = 1; i <= 10_000; i++) {
            w.append(event(i, NOW));
        }
        await().until(() -> outcomes.seen.contains("committed 10000"));
        w.close();
        assertThat(store.lastSeq()).isEqualTo(10_000);
        assertThat(outcomes.seen).allMatch(s -> s.startsWith("committed "));
        // group commit: fewer transactions than events
        assertThat(outcomes.seen.size()).isLessThan(10_000);
    }

    @Test
    void aFailingBatchIsReportedWithItsRangeAndTheNextOneIsTriedAgain() {
        InMemoryHistoryStore ok = new InMemoryHistoryStore();
        boolean[] broken = {true};
        // the in-memory store, except that appends fail while broken[0]
        HistoryStore store = (HistoryStore) Proxy.newProxyInstance(
                HistoryStore.class.getClassLoader(), new Class<?>[] {HistoryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append") && broken[0]) {
                        throw new HistoryException("disk is full", new IllegalStateException());
                    }
                    return method.invoke(ok, args);
                });
        Outcomes outcomes = new Outcomes();
        HistoryWriter w = new HistoryWriter(store, true, Retention.KEEP_EVERYTHING, InstantSource.fixed(NOW));
        w.start(Runnable::run, outcomes);
        w.append(event(1, NOW));
        await().until(() -> !outcomes.seen.isEmpty());
        assertThat(outcomes.seen).containsExactly("failed 1..1: disk is full");
        broken[0] = false;
        w.append(event(2, NOW));
        await().until(() -> outcomes.seen.contains("committed 2"));
        w.close();
        assertThat(ok.lastSeq()).isEqualTo(2);
    }

    /** The in-memory store, except that sync() waits for {@code release} and then runs {@code sync}. */
    private static HistoryStore syncingStore(InMemoryHistoryStore ok, CountDownLatch release, Runnable sync) {
        return (HistoryStore) Proxy.newProxyInstance(
                HistoryStore.class.getClassLoader(), new Class<?>[] {HistoryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sync")) {
                        release.await();
                        sync.run();
                        return null;
                    }
                    return method.invoke(ok, args);
                });
    }

    @Test
    void aBatchIsReportedOnlyOnceSyncedAndTheNextIsStoredMeanwhile() {
        InMemoryHistoryStore ok = new InMemoryHistoryStore();
        CountDownLatch release = new CountDownLatch(1);
        Outcomes outcomes = new Outcomes();
        HistoryWriter w = new HistoryWriter(
                syncingStore(ok, release, () -> {}), true, Retention.KEEP_EVERYTHING, InstantSource.fixed(NOW));
        w.start(Runnable::run, outcomes);
        w.append(event(1, NOW));
        await().until(() -> ok.lastSeq() == 1);
        w.append(event(2, NOW));
        await().until(() -> ok.lastSeq() == 2); // stored while the first batch waits for the disk
        assertThat(outcomes.seen).isEmpty();
        release.countDown();
        await().until(() -> outcomes.seen.contains("committed 2"));
        w.close();
        assertThat(outcomes.seen).containsExactly("committed 1", "committed 2");
    }

    @Test
    void batchesThatCouldNotBeSyncedAreReportedFailedInOrder() {
        InMemoryHistoryStore ok = new InMemoryHistoryStore();
        CountDownLatch release = new CountDownLatch(1);
        Outcomes outcomes = new Outcomes();
        HistoryStore store = syncingStore(ok, release, () -> {
            throw new HistoryException("fsync: I/O error", new IllegalStateException());
        });
        HistoryWriter w = new HistoryWriter(store, true, Retention.KEEP_EVERYTHING, InstantSource.fixed(NOW));
        w.start(Runnable::run, outcomes);
        w.append(event(1, NOW));
        await().until(() -> ok.lastSeq() == 1);
        release.countDown();
        await().until(() -> !outcomes.seen.isEmpty());
        w.close();
        assertThat(outcomes.seen).containsExactly("failed 1..1: fsync: I/O error");
    }

    @Test
    void retentionRemovesOldEventsOnTheWritersThread() {
        InMemoryHistoryStore store = new InMemoryHistoryStore();
        store.append(List.of(event(1, NOW.minus(Duration.ofDays(40))), event(2, NOW.minus(Duration.ofDays(1)))));
        HistoryWriter w =
                new HistoryWriter(store, true, new Retention(Duration.ofDays(30), 0), InstantSource.fixed(NOW));
        w.start(Runnable::run, new Outcomes());
        await().until(() -> store.export(null, null, Instant.EPOCH, 0, 10).size() == 1);
        w.close();
        assertThat(store.export(null, null, Instant.EPOCH, 0, 10))
                .extracting(HistoryEvent::seq)
                .containsExactly(2L);
    }

    @Test
    void closeStoresWhatIsStillQueued() {
        InMemoryHistoryStore store = new InMemoryHistoryStore();
        HistoryWriter w = new HistoryWriter(store, false, Retention.KEEP_EVERYTHING, InstantSource.fixed(NOW));
        w.start(Runnable::run, new Outcomes());
        for (long i = 1; i <= 1_000; i++) {
            w.append(event(i, NOW));
        }
        w.close();
        assertThat(store.lastSeq()).isEqualTo(1_000);
        assertThat(w.durable()).isFalse();
    }
}
