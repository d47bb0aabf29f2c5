package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.history.Conversation;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryQuery;
import chatroom.core.history.HistoryQuery.Position;
import chatroom.core.history.HistoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One suite, every backend: each store must answer these the same way. */
abstract class HistoryStoreContract {
    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    HistoryStore store;

    abstract HistoryStore open();

    @BeforeEach
    void setUp() {
        store = open();
    }

    @AfterEach
    void tearDown() {
        if (store != null) { // null when open() skipped the test (no PostgreSQL outside CI)
            store.close();
        }
    }

    static HistoryEvent room(long seq, String room, String sender, String command, String text) {
        Conversation c = Conversation.room(room);
        return new HistoryEvent(
                seq,
                c.key(),
                "m" + seq,
                T0.plusSeconds(seq),
                command,
                sender,
                null,
                null,
                ":" + sender + "!u@h " + command + " " + room + " :" + text);
    }

    static HistoryEvent whisper(long seq, String from, String to, String text) {
        Conversation c = Conversation.whisper(from, to);
        return new HistoryEvent(
                seq,
                c.key(),
                "m" + seq,
                T0.plusSeconds(seq),
                "PRIVMSG",
                from,
                c.peerA(),
                c.peerB(),
                ":" + from + "!u@h PRIVMSG " + to + " :" + text);
    }

    private static HistoryQuery query(
            String conv, Position from, boolean inclusive, Position to, int limit, boolean newest) {
        return new HistoryQuery(conv, from, inclusive, to, limit, newest, false, Instant.EPOCH);
    }

    private static List<Long> seqs(List<HistoryEvent> events) {
        return events.stream().map(HistoryEvent::seq).toList();
    }

    private void fill() {
        List<HistoryEvent> batch = new ArrayList<>();
        for (long i = 1; i <= 10; i++) {
            batch.add(room(i, "#a", "alice", i % 3 == 0 ? "TOPIC" : "PRIVMSG", "line " + i));
        }
        batch.add(room(11, "#b", "bob", "PRIVMSG", "elsewhere"));
        batch.add(whisper(12, "alice", "bob", "psst"));
        store.append(batch);
    }

    @Test
    void anEmptyStoreStartsAtZero() {
        assertThat(store.lastSeq()).isZero();
    }

    @Test
    void appendedEventsComeBackExactlyAndInOrder() {
        HistoryEvent e = new HistoryEvent(
                7, "#中文", "abc-1", T0, "PRIVMSG", "小明", null, null, "@+draft/react=👍 :小明!u@h PRIVMSG #中文 :你好");
        store.append(List.of(e));
        assertThat(store.lastSeq()).isEqualTo(7);
        assertThat(store.read(query("#中文", null, false, null, 10, true))).containsExactly(e);
        assertThat(store.find("#中文", "abc-1")).isEqualTo(e);
        assertThat(store.find("#中文", "nope")).isNull();
    }

    @Test
    void latestKeepsTheNewestInChronologicalOrder() {
        fill();
        assertThat(seqs(store.read(query("#a", null, false, null, 3, true)))).containsExactly(8L, 9L, 10L);
        assertThat(seqs(store.read(query("#a", null, false, null, 100, true))))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void boundsBySequenceAndTimeAreExclusiveUnlessAsked() {
        fill();
        assertThat(seqs(store.read(query("#a", new Position.Seq(3), false, new Position.Seq(7), 100, false))))
                .containsExactly(4L, 5L, 6L);
        assertThat(seqs(store.read(query("#a", new Position.Seq(3), true, null, 2, false))))
                .containsExactly(3L, 4L);
        assertThat(seqs(store.read(query(
                        "#a",
                        new Position.Time(T0.plusSeconds(2)),
                        false,
                        new Position.Time(T0.plusSeconds(6)),
                        100,
                        true))))
                .containsExactly(3L, 4L, 5L);
        assertThat(seqs(store.read(query("#a", null, false, new Position.Seq(5), 2, true))))
                .containsExactly(3L, 4L);
    }

    @Test
    void timeBoundsBetweenAndBeyondTheStoredEvents() {
        fill();
        Position afterTwo = new Position.Time(T0.plusMillis(2_500));
        Position beforeSeven = new Position.Time(T0.plusMillis(6_500));
        assertThat(seqs(store.read(query("#a", afterTwo, false, beforeSeven, 100, false))))
                .containsExactly(3L, 4L, 5L, 6L);
        assertThat(seqs(store.read(query("#a", new Position.Time(T0.plusSeconds(2)), true, null, 2, false))))
                .containsExactly(2L, 3L);
        Position later = new Position.Time(T0.plusSeconds(1_000));
        assertThat(store.read(query("#a", later, false, null, 100, false))).isEmpty();
        assertThat(seqs(store.read(query("#a", null, false, later, 2, true)))).containsExactly(9L, 10L);
        Position earlier = new Position.Time(T0.minusSeconds(1_000));
        assertThat(store.read(query("#a", null, false, earlier, 100, true))).isEmpty();
    }

    @Test
    void messagesOnlyLeavesOutRoomEvents() {
        fill();
        var q = new HistoryQuery("#a", null, false, null, 100, true, true, Instant.EPOCH);
        assertThat(seqs(store.read(q))).containsExactly(1L, 2L, 4L, 5L, 7L, 8L, 10L);
    }

    @Test
    void whispersAreOnlyInTheirPairAndRespectTheCutoff() {
        fill();
        String pair = Conversation.whisper("bob", "alice").key();
        assertThat(seqs(store.read(query(pair, null, false, null, 10, true)))).containsExactly(12L);
        var late = new HistoryQuery(pair, null, false, null, 10, true, false, T0.plusSeconds(13));
        assertThat(store.read(late)).isEmpty();
        assertThat(store.read(query(Conversation.whisper("carol", "alice").key(), null, false, null, 10, true)))
                .isEmpty();
    }

    @Test
    void targetsListConversationsByTheirLatestMessageOldestFirst() {
        fill();
        List<HistoryEvent> t =
                store.latestPerConversation(Set.of("#a", "#b"), "alice", Instant.EPOCH, T0, T0.plusSeconds(100), 10);
        assertThat(seqs(t)).containsExactly(10L, 11L, 12L);
        assertThat(seqs(store.latestPerConversation(
                        Set.of("#a", "#b"), "alice", Instant.EPOCH, T0, T0.plusSeconds(100), 2)))
                .containsExactly(10L, 11L);
        // bounds are exclusive, and a conversation whose latest message is outside the window is left out
        assertThat(seqs(store.latestPerConversation(
                        Set.of("#a", "#b"), "alice", Instant.EPOCH, T0.plusSeconds(10), T0.plusSeconds(12), 10)))
                .containsExactly(11L);
        assertThat(seqs(store.latestPerConversation(Set.of("#a"), "alice", Instant.EPOCH, T0, T0.plusSeconds(5), 10)))
                .isEmpty();
        assertThat(seqs(store.latestPerConversation(Set.of("#b"), "carol", Instant.EPOCH, T0, T0.plusSeconds(100), 10)))
                .containsExactly(11L);
        assertThat(seqs(store.latestPerConversation(
                        Set.of(), "alice", T0.plusSeconds(20), T0, T0.plusSeconds(100), 10)))
                .isEmpty();
    }

    @Test
    void exportPagesThroughEverythingOrOneRoomOrOnePersonsWhispers() {
        fill();
        assertThat(seqs(store.export(null, null, Instant.EPOCH, 0, 100))).hasSize(12);
        assertThat(seqs(store.export(null, null, Instant.EPOCH, 10, 100))).containsExactly(11L, 12L);
        assertThat(seqs(store.export("#b", null, Instant.EPOCH, 0, 100))).containsExactly(11L);
        assertThat(seqs(store.export(null, "bob", Instant.EPOCH, 0, 100))).containsExactly(12L);
        assertThat(seqs(store.export("#a", null, T0.plusSeconds(9), 0, 100))).containsExactly(9L, 10L);
    }

    @Test
    void retentionDropsOldEventsAndKeepsTheNewestPerConversation() {
        fill();
        assertThat(store.prune(T0.plusSeconds(3), 0)).isEqualTo(2);
        assertThat(store.prune(null, 2)).isEqualTo(6);
        assertThat(seqs(store.export(null, null, Instant.EPOCH, 0, 100))).containsExactly(9L, 10L, 11L, 12L);
    }

    @Test
    void aPairWhoseWhispersWerePrunedIsFoundAgainWhenItTalksAgain() {
        store.append(List.of(whisper(1, "alice", "bob", "old")));
        assertThat(seqs(store.export(null, "bob", Instant.EPOCH, 0, 100))).containsExactly(1L);
        assertThat(store.prune(T0.plusSeconds(5), 0)).isEqualTo(1);
        assertThat(store.export(null, "bob", Instant.EPOCH, 0, 100)).isEmpty();
        store.append(List.of(whisper(6, "bob", "alice", "new")));
        assertThat(seqs(store.export(null, "alice", Instant.EPOCH, 0, 100))).containsExactly(6L);
        assertThat(seqs(store.latestPerConversation(Set.of(), "bob", Instant.EPOCH, T0, T0.plusSeconds(100), 10)))
                .containsExactly(6L);
    }

    @Test
    void aDuplicateSequenceFailsTheWholeBatch() {
        store.append(List.of(room(1, "#a", "alice", "PRIVMSG", "one")));
        var dup = List.of(room(2, "#a", "alice", "PRIVMSG", "two"), room(1, "#a", "alice", "PRIVMSG", "again"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.append(dup))
                .isInstanceOf(chatroom.core.history.HistoryException.class);
        assertThat(store.lastSeq()).isEqualTo(1);
    }
}
