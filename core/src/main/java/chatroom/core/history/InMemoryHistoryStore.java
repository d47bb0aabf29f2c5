package chatroom.core.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** A {@link HistoryStore} in a list: for unit tests of the core, where nothing needs to survive. Thread-safe. */
public final class InMemoryHistoryStore implements HistoryStore {
    private final List<HistoryEvent> events = new ArrayList<>();

    @Override
    public synchronized long lastSeq() {
        return events.isEmpty() ? 0 : events.getLast().seq();
    }

    @Override
    public synchronized void append(List<HistoryEvent> batch) {
        events.addAll(batch);
    }

    @Override
    public synchronized List<HistoryEvent> read(HistoryQuery q) {
        List<HistoryEvent> hits = events.stream()
                .filter(e -> e.conversation().equals(q.conversation()))
                .filter(e -> !e.at().isBefore(q.notBefore()))
                .filter(e -> !q.messagesOnly() || e.isMessage())
                .filter(e -> q.from() == null || after(e, q.from(), q.fromInclusive()))
                .filter(e -> q.to() == null || before(e, q.to()))
                .toList();
        int n = Math.min(q.limit(), hits.size());
        return List.copyOf(q.newest() ? hits.subList(hits.size() - n, hits.size()) : hits.subList(0, n));
    }

    private static boolean after(HistoryEvent e, HistoryQuery.Position p, boolean inclusive) {
        int c = switch (p) {
            case HistoryQuery.Position.Seq s -> Long.compare(e.seq(), s.seq());
            case HistoryQuery.Position.Time t -> e.at().compareTo(t.at());
        };
        return inclusive ? c >= 0 : c > 0;
    }

    private static boolean before(HistoryEvent e, HistoryQuery.Position p) {
        return switch (p) {
            case HistoryQuery.Position.Seq s -> e.seq() < s.seq();
            case HistoryQuery.Position.Time t -> e.at().isBefore(t.at());
        };
    }

    @Override
    public synchronized @Nullable HistoryEvent find(String conversation, String msgid) {
        return events.stream()
                .filter(e -> e.conversation().equals(conversation) && e.msgid().equals(msgid))
                .findFirst()
                .orElse(null);
    }

    @Override
    public synchronized List<HistoryEvent> latestPerConversation(
            Collection<String> rooms, String nick, Instant whispersSince, Instant from, Instant to, int limit) {
        Predicate<HistoryEvent> mine = e -> e.isWhisper()
                ? (nick.equals(e.peerA()) || nick.equals(e.peerB())) && !e.at().isBefore(whispersSince)
                : rooms.contains(e.conversation());
        Map<String, HistoryEvent> latest = new HashMap<>();
        for (HistoryEvent e : events) {
            if (mine.test(e) && e.isMessage()) {
                latest.put(e.conversation(), e);
            }
        }
        return latest.values().stream()
                .filter(e -> e.at().isAfter(from) && e.at().isBefore(to))
                .sorted(Comparator.comparingLong(HistoryEvent::seq))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<HistoryEvent> export(
            @Nullable String room, @Nullable String whispersOf, Instant since, long afterSeq, int limit) {
        return events.stream()
                .filter(e -> e.seq() > afterSeq && !e.at().isBefore(since))
                .filter(e -> room == null || e.conversation().equals(room))
                .filter(e -> whispersOf == null || whispersOf.equals(e.peerA()) || whispersOf.equals(e.peerB()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int prune(@Nullable Instant cutoff, int keepPerConversation) {
        int before = events.size();
        if (cutoff != null) {
            events.removeIf(e -> e.at().isBefore(cutoff));
        }
        if (keepPerConversation > 0) {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = events.size() - 1; i >= 0; i--) {
                if (seen.merge(events.get(i).conversation(), 1, Integer::sum) > keepPerConversation) {
                    events.remove(i);
                }
            }
        }
        return before - events.size();
    }

    @Override
    public void close() {}
}
