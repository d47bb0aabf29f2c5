package chatroom.client;

import chatroom.protocol.CaseMapping;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the client remembers of each conversation across connections: the recent msgids (to deliver each message
 * once), the last message's msgid and time (where a gap-fill starts), and, while a gap-fill runs, the live lines held
 * back so that they reach the listener after the missed ones, in order. Used on the client's thread only.
 */
final class Conversations {
    /** Recent ids kept per conversation: more than one page of history plus the lines held during a fill. */
    static final int RECENT_IDS = 2048;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final ChatListener listener;
    private final Map<String, Memory> byKey = new HashMap<>();

    private static final class Memory {
        final RecentIds ids = new RecentIds(RECENT_IDS);

        @Nullable
        String lastMsgid;

        @Nullable
        Instant lastTime;

        /** The oldest line shown, where a request for older lines starts. */
        @Nullable
        String firstMsgid;

        @Nullable
        Instant firstTime;

        boolean filling;
        boolean triedTime;
        final List<ChatMessage> held = new ArrayList<>();
    }

    Conversations(ChatListener listener) {
        this.listener = listener;
    }

    private Memory memory(String conversation) {
        return byKey.computeIfAbsent(CaseMapping.fold(conversation), k -> new Memory());
    }

    /** A line as it arrives: held while its conversation is being filled (unless it is part of the fill). */
    void arrived(ChatMessage m, boolean fromHistory) {
        Memory mem = memory(m.conversation());
        if (mem.filling && !fromHistory) {
            mem.held.add(m);
            return;
        }
        deliverOnce(mem, m);
    }

    private void deliverOnce(Memory mem, ChatMessage m) {
        if (m.msgid() != null) {
            if (!mem.ids.add(m.msgid())) {
                return;
            }
            mem.lastMsgid = m.msgid();
            mem.lastTime = m.time();
            if (mem.firstMsgid == null) {
                mem.firstMsgid = m.msgid();
                mem.firstTime = m.time();
            }
        }
        listener.message(m);
    }

    /**
     * Where lines older than those shown end: {@code msgid=...} of the oldest line shown (else {@code timestamp=...}),
     * or null when no line with a msgid was shown yet (then the latest lines are what the user wants).
     */
    @Nullable
    String olderRef(String conversation) {
        Memory mem = memory(conversation);
        return mem.firstMsgid != null ? "msgid=" + mem.firstMsgid : null;
    }

    /** Older lines that arrived on request, oldest first: those not shown yet go to the listener in one event. */
    void older(String conversation, List<ChatMessage> lines) {
        Memory mem = memory(conversation);
        List<ChatMessage> fresh = new ArrayList<>();
        for (ChatMessage m : lines) {
            if (m.msgid() == null || mem.ids.add(m.msgid())) {
                fresh.add(m);
            }
        }
        if (!fresh.isEmpty() && fresh.get(0).msgid() != null) {
            ChatMessage first = fresh.get(0);
            if (mem.firstTime == null || !first.time().isAfter(mem.firstTime)) {
                mem.firstMsgid = first.msgid();
                mem.firstTime = first.time();
            }
        }
        listener.history(conversation, List.copyOf(fresh));
    }

    /** We are in the conversation as of {@code time} (our JOIN), so a later gap starts no earlier than that. */
    void present(String conversation, Instant time) {
        Memory mem = memory(conversation);
        if (mem.lastTime == null) {
            mem.lastTime = time;
        }
    }

    /**
     * Starts a gap-fill: holds live lines from now on. Returns the CHATHISTORY reference after which lines were
     * missed ({@code msgid=...}, else {@code timestamp=...}), or null when nothing is known (then nothing is held).
     */
    @Nullable
    String startFill(String conversation) {
        Memory mem = memory(conversation);
        String ref = mem.lastMsgid != null
                ? "msgid=" + mem.lastMsgid
                : mem.lastTime != null ? timestamp(mem.lastTime) : null;
        mem.filling = ref != null;
        mem.triedTime = mem.lastMsgid == null;
        return ref;
    }

    /**
     * The fill by msgid found nothing: a server that no longer knows the msgid (expired, or another server behind
     * the same address) answers so too. Returns a {@code timestamp=} reference to try once more, or null when that
     * was tried already (the fill is complete). Repeats that the second try brings are dropped by msgid.
     */
    @Nullable
    String retryByTime(String conversation) {
        Memory mem = memory(conversation);
        if (mem.triedTime || mem.lastTime == null) {
            return null;
        }
        mem.triedTime = true;
        return timestamp(mem.lastTime);
    }

    private static String timestamp(Instant t) {
        return "timestamp=" + TIMESTAMP.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    boolean filling(String conversation) {
        Memory mem = byKey.get(CaseMapping.fold(conversation));
        return mem != null && mem.filling;
    }

    /** Ends a gap-fill: the held live lines go out now, each at most once. */
    void finishFill(String conversation) {
        Memory mem = memory(conversation);
        mem.filling = false;
        List<ChatMessage> held = List.copyOf(mem.held);
        mem.held.clear();
        for (ChatMessage m : held) {
            deliverOnce(mem, m);
        }
    }

    /**
     * The connection dropped during fills: their held lines are dropped unseen, and the next fill starts again after
     * the last line the listener got, so the history brings them back in their place.
     */
    void abandonFills() {
        for (Memory mem : byKey.values()) {
            mem.filling = false;
            mem.held.clear();
        }
    }
}
