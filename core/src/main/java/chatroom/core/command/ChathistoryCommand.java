package chatroom.core.command;

import chatroom.core.history.Conversation;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryException;
import chatroom.core.history.HistoryQuery;
import chatroom.core.history.HistoryQuery.Position;
import chatroom.core.history.HistoryStore;
import chatroom.core.room.Room;
import chatroom.core.user.Capability;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code CHATHISTORY LATEST|BEFORE|AFTER|AROUND <target> <ref> <limit>}, {@code CHATHISTORY BETWEEN <target> <ref>
 * <ref> <limit>} and {@code CHATHISTORY TARGETS <timestamp> <timestamp> <limit>}, where a ref is {@code
 * timestamp=...}, {@code msgid=...} or (LATEST only) {@code *} (https://ircv3.net/specs/extensions/chathistory).
 * Rooms answer their members; a whisper pair answers its two people, from the time each took their nick. Reads run
 * off the hub; the answer comes back in a {@code chathistory} batch.
 */
final class ChathistoryCommand {
    static final String UNAVAILABLE = "History is unavailable right now; try again later";

    private ChathistoryCommand() {}

    static void handle(Context ctx) {
        String sub = ctx.paramCount() > 0 ? ctx.param(0).toUpperCase(Locale.ROOT) : "";
        if (sub.equals("TARGETS")) {
            ChathistoryTargets.handle(ctx);
            return;
        }
        int needed = sub.equals("BETWEEN") ? 5 : 4;
        if (!List.of("LATEST", "BEFORE", "AFTER", "AROUND", "BETWEEN").contains(sub)) {
            fail(ctx, "INVALID_PARAMS", sub.isEmpty() ? "*" : sub, "Unknown subcommand");
            return;
        }
        if (ctx.paramCount() < needed) {
            fail(ctx, "NEED_MORE_PARAMS", sub, "Insufficient parameters");
            return;
        }
        String target = ctx.param(1);
        Integer limit = limit(ctx, sub, ctx.param(needed - 1));
        Ref from = ref(ctx, sub, ctx.param(2), sub.equals("LATEST"));
        Ref to = sub.equals("BETWEEN") ? ref(ctx, sub, ctx.param(3), false) : null;
        if (limit == null || from == null || (sub.equals("BETWEEN") && to == null)) {
            return;
        }
        Request r = request(ctx, sub, target);
        if (r == null) {
            return;
        }
        HistoryStore store = ctx.state().history().store();
        ctx.offload(
                () -> {
                    try {
                        return Optional.of(read(store, sub, r, from, to, limit));
                    } catch (HistoryException e) {
                        return Optional.<List<HistoryEvent>>empty();
                    }
                },
                (c, events) -> events.ifPresentOrElse(
                        found -> sendBatch(
                                c,
                                "chathistory",
                                r.display(),
                                found.stream().map(HistoryEvent::message).toList()),
                        () -> fail(c, "MESSAGE_ERROR", sub, target, UNAVAILABLE)));
    }

    /** The last {@code lines} messages of {@code room} before the caller's JOIN (event {@code joinSeq}). */
    static void replay(Context ctx, Room room, long joinSeq, int lines) {
        Request r = new Request(room.name().folded(), room.name().display(), true, Instant.EPOCH);
        HistoryStore store = ctx.state().history().store();
        ctx.offload(
                () -> {
                    try {
                        return Optional.of(store.read(query(r, null, false, new Position.Seq(joinSeq), lines, true)));
                    } catch (HistoryException e) {
                        return Optional.<List<HistoryEvent>>empty();
                    }
                },
                (c, events) -> events.ifPresent(found -> {
                    if (!found.isEmpty()) {
                        sendBatch(
                                c,
                                "chathistory",
                                r.display(),
                                found.stream().map(HistoryEvent::message).toList());
                    }
                }));
    }

    /** What to read: the conversation, shown as {@code display}, with its visibility rules. */
    private record Request(String conversation, String display, boolean messagesOnly, Instant notBefore) {}

    private static @Nullable Request request(Context ctx, String sub, String target) {
        User me = ctx.user();
        boolean messagesOnly = !ctx.session().has(Capability.EVENT_PLAYBACK);
        if (CaseMapping.isChannel(target)) {
            Room room = ctx.state().room(target);
            if (room == null || !room.has(me)) {
                fail(ctx, "INVALID_TARGET", sub, target, "You are not in that room");
                return null;
            }
            return new Request(room.name().folded(), room.name().display(), messagesOnly, Instant.EPOCH);
        }
        if (CaseMapping.nickError(target, ctx.state().config().nickLength()) != null) {
            fail(ctx, "INVALID_TARGET", sub, target, "Not a room or a nick");
            return null;
        }
        String key = Conversation.whisper(me.nick().folded(), CaseMapping.fold(target))
                .key();
        return new Request(key, target, messagesOnly, me.whispersSince());
    }

    /** A {@code timestamp=} or {@code msgid=} reference, or {@code *}. */
    private record Ref(@Nullable Instant time, @Nullable String msgid) {
        static final Ref NONE = new Ref(null, null);
    }

    private static @Nullable Ref ref(Context ctx, String sub, String raw, boolean starAllowed) {
        if (starAllowed && raw.equals("*")) {
            return Ref.NONE;
        }
        if (raw.startsWith("timestamp=")) {
            try {
                return new Ref(Instant.parse(raw.substring("timestamp=".length())), null);
            } catch (DateTimeParseException e) {
                fail(ctx, "INVALID_PARAMS", sub, raw, "Timestamps look like timestamp=2026-01-01T00:00:00.000Z");
                return null;
            }
        }
        if (raw.startsWith("msgid=") && raw.length() > "msgid=".length()) {
            return new Ref(null, raw.substring("msgid=".length()));
        }
        fail(ctx, "INVALID_PARAMS", sub, raw, "Expected timestamp=..., msgid=..." + (starAllowed ? " or *" : ""));
        return null;
    }

    private static @Nullable Integer limit(Context ctx, String sub, String raw) {
        try {
            int n = Integer.parseInt(raw);
            if (n > 0) {
                return Math.min(n, ctx.state().config().chathistoryLimit());
            }
        } catch (NumberFormatException e) {
            // falls through to the reply below
        }
        fail(ctx, "INVALID_PARAMS", sub, raw, "The limit must be a positive number");
        return null;
    }

    /** Runs off the hub. An unknown msgid yields nothing (the line may have expired). */
    private static List<HistoryEvent> read(
            HistoryStore store, String sub, Request r, Ref from, @Nullable Ref to, int limit) {
        Position a = position(store, r, from);
        if (a == null && !from.equals(Ref.NONE)) {
            return List.of();
        }
        return switch (sub) {
            case "LATEST" -> store.read(query(r, a, false, null, limit, true));
            case "BEFORE" -> store.read(query(r, null, false, a, limit, true));
            case "AFTER" -> store.read(query(r, a, false, null, limit, false));
            case "AROUND" -> {
                List<HistoryEvent> out = new ArrayList<>(store.read(query(r, null, false, a, limit / 2, true)));
                out.addAll(store.read(query(r, a, true, null, limit - limit / 2, false)));
                yield out;
            }
            default -> between(store, r, a, to == null ? null : position(store, r, to), limit);
        };
    }

    private static List<HistoryEvent> between(
            HistoryStore store, Request r, @Nullable Position a, @Nullable Position b, int limit) {
        if (a == null || b == null) {
            return List.of();
        }
        boolean forward = compare(store, r, a, b) <= 0;
        return forward
                ? store.read(query(r, a, false, b, limit, false))
                : store.read(query(r, b, false, a, limit, true));
    }

    private static int compare(HistoryStore store, Request r, Position a, Position b) {
        if (a instanceof Position.Seq x && b instanceof Position.Seq y) {
            return Long.compare(x.seq(), y.seq());
        }
        return timeOf(store, r, a).compareTo(timeOf(store, r, b));
    }

    private static Instant timeOf(HistoryStore store, Request r, Position p) {
        return switch (p) {
            case Position.Time t -> t.at();
            case Position.Seq s -> {
                List<HistoryEvent> e = store.read(query(r, s, true, null, 1, false));
                yield e.isEmpty() ? Instant.MAX : e.getFirst().at();
            }
        };
    }

    private static @Nullable Position position(HistoryStore store, Request r, Ref ref) {
        if (ref.time() != null) {
            return new Position.Time(ref.time());
        }
        if (ref.msgid() != null) {
            HistoryEvent e = store.find(r.conversation(), ref.msgid());
            return e == null ? null : new Position.Seq(e.seq());
        }
        return null;
    }

    private static HistoryQuery query(
            Request r, @Nullable Position from, boolean inclusive, @Nullable Position to, int limit, boolean newest) {
        return new HistoryQuery(r.conversation(), from, inclusive, to, limit, newest, r.messagesOnly(), r.notBefore());
    }

    /** Lines in a batch of {@code type} when the client has batch, else as they are. */
    static void sendBatch(Context ctx, String type, @Nullable String param, List<IrcMessage> lines) {
        boolean batch = ctx.session().has(Capability.BATCH);
        String id = ctx.state().nextMessageId();
        if (batch) {
            ctx.replyRaw(
                    param == null
                            ? IrcMessage.from(ctx.serverName(), "BATCH", "+" + id, type)
                            : IrcMessage.from(ctx.serverName(), "BATCH", "+" + id, type, param));
        }
        for (IrcMessage m : lines) {
            if (batch) {
                var tags = new java.util.HashMap<>(m.tags());
                tags.put("batch", id);
                m = m.withTags(tags);
            }
            ctx.replyRaw(m);
        }
        if (batch) {
            ctx.replyRaw(IrcMessage.from(ctx.serverName(), "BATCH", "-" + id));
        }
    }

    /** https://ircv3.net/specs/extensions/standard-replies, codes from the chathistory spec. */
    static void fail(Context ctx, String code, String... context) {
        List<String> p = new ArrayList<>(List.of("CHATHISTORY", code));
        p.addAll(List.of(context));
        ctx.replyRaw(IrcMessage.from(ctx.serverName(), "FAIL", p));
    }
}
