package chatroom.core.command;

import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryException;
import chatroom.core.history.HistoryStore;
import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.ServerTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code CHATHISTORY TARGETS timestamp=<a> timestamp=<b> <limit>}: the caller's rooms and whisper partners with
 * activity between the two times, each with its latest time, oldest first, in a {@code draft/chathistory-targets}
 * batch.
 */
final class ChathistoryTargets {
    private ChathistoryTargets() {}

    static void handle(Context ctx) {
        if (ctx.paramCount() < 4) {
            ChathistoryCommand.fail(ctx, "NEED_MORE_PARAMS", "TARGETS", "Insufficient parameters");
            return;
        }
        Instant a = time(ctx, ctx.param(1));
        Instant b = time(ctx, ctx.param(2));
        int limit;
        try {
            limit = Math.min(
                    Integer.parseInt(ctx.param(3)), ctx.state().config().chathistoryLimit());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit <= 0) {
            ChathistoryCommand.fail(
                    ctx, "INVALID_PARAMS", "TARGETS", ctx.param(3), "The limit must be a positive number");
            return;
        }
        if (a == null || b == null) {
            return;
        }
        User me = ctx.user();
        List<String> rooms = me.rooms().stream().map(r -> r.name().folded()).toList();
        String nick = me.nick().folded();
        Instant since = me.whispersSince();
        Instant from = a.isBefore(b) ? a : b;
        Instant to = a.isBefore(b) ? b : a;
        int n = limit;
        HistoryStore store = ctx.state().history().store();
        ctx.offload(
                () -> {
                    try {
                        return Optional.of(store.latestPerConversation(rooms, nick, since, from, to, n));
                    } catch (HistoryException e) {
                        return Optional.<List<HistoryEvent>>empty();
                    }
                },
                (c, found) -> found.ifPresentOrElse(
                        events -> reply(c, events),
                        () -> ChathistoryCommand.fail(c, "MESSAGE_ERROR", "TARGETS", ChathistoryCommand.UNAVAILABLE)));
    }

    private static void reply(Context ctx, List<HistoryEvent> events) {
        String me = ctx.user().nick().folded();
        List<IrcMessage> lines = events.stream()
                .map(e -> IrcMessage.from(
                        ctx.serverName(), "CHATHISTORY", "TARGETS", targetName(ctx, e, me), ServerTime.format(e.at())))
                .toList();
        ChathistoryCommand.sendBatch(ctx, "draft/chathistory-targets", null, lines);
    }

    /** A room's name, or the other person in a whisper pair (as they were named in the latest line). */
    private static String targetName(Context ctx, HistoryEvent e, String me) {
        IrcMessage m = e.message();
        if (!e.isWhisper()) {
            Room room = ctx.state().room(e.conversation());
            return room != null ? room.name().display() : m.param(0);
        }
        if (e.sender().equals(me)) {
            return m.param(0);
        }
        String source = String.valueOf(m.source());
        int bang = source.indexOf('!');
        return bang < 0 ? source : source.substring(0, bang);
    }

    private static @Nullable Instant time(Context ctx, String raw) {
        if (raw.startsWith("timestamp=")) {
            try {
                return Instant.parse(raw.substring("timestamp=".length()));
            } catch (DateTimeParseException e) {
                // falls through
            }
        }
        ChathistoryCommand.fail(ctx, "INVALID_PARAMS", "TARGETS", raw, "Expected timestamp=2026-01-01T00:00:00.000Z");
        return null;
    }
}
