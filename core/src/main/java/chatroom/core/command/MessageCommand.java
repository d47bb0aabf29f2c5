package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.room.Room;
import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PRIVMSG <target>{,<target>} <text>} and {@code NOTICE} (which never triggers automatic replies or errors
 * back, RFC 2812 §3.3.2). A target is a room or a nick; a comma list whispers to several people at once.
 */
final class MessageCommand {
    private MessageCommand() {}

    static void handle(Context ctx, boolean notice) {
        String verb = notice ? "NOTICE" : "PRIVMSG";
        if (ctx.paramCount() < 1 || ctx.param(0).isEmpty()) {
            if (!notice) {
                ctx.reply(Numeric.ERR_NORECIPIENT, "No recipient given (" + verb + ")");
            }
            return;
        }
        if (ctx.paramCount() < 2 || ctx.param(1).isEmpty()) {
            if (!notice) {
                ctx.reply(Numeric.ERR_NOTEXTTOSEND, "No text to send");
            }
            return;
        }
        Set<String> targets = new LinkedHashSet<>();
        for (String t : ctx.param(0).split(",")) {
            if (!t.isEmpty()) {
                targets.add(t);
            }
        }
        int max = ctx.state().config().maxTargets();
        if (targets.size() > max) {
            if (!notice) {
                ctx.reply(Numeric.ERR_TOOMANYTARGETS, ctx.param(0), "Too many targets (at most " + max + ")");
            }
            return;
        }
        User me = ctx.user();
        me.spoke(ctx.state().now());
        Map<String, String> clientTags = clientOnlyTags(ctx.message());
        for (String target : targets) {
            if (CaseMapping.isChannel(target)) {
                toRoom(ctx, verb, notice, target, clientTags);
            } else {
                toUser(ctx, verb, notice, target, clientTags);
            }
        }
    }

    private static void toRoom(Context ctx, String verb, boolean notice, String target, Map<String, String> tags) {
        User me = ctx.user();
        Room room = ctx.state().room(target);
        if (room == null) {
            if (!notice) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            }
            return;
        }
        if (!room.canSpeak(me)) {
            if (!notice) {
                ctx.reply(Numeric.ERR_CANNOTSENDTOCHAN, room.name().display(), cannotSendReason(room, me));
            }
            return;
        }
        IrcMessage m = withTags(ctx.stamped(me.mask(), verb, room.name().display(), ctx.param(1)), tags);
        List<Session> to = new ArrayList<>();
        for (Session s : ServerState.sessionsOf(room)) {
            if (s.user() != me || s.has(Capability.ECHO_MESSAGE)) {
                to.add(s);
            }
        }
        ctx.deliver(to, m);
    }

    private static String cannotSendReason(Room room, User me) {
        if (!room.has(me)) {
            return "You are not in the channel (+n)";
        }
        if (room.isBanned(me)) {
            return "You are banned (+b)";
        }
        return "The channel is moderated (+m)";
    }

    private static void toUser(Context ctx, String verb, boolean notice, String target, Map<String, String> tags) {
        User me = ctx.user();
        User to = ctx.state().user(target);
        if (to == null) {
            if (!notice) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            }
            return;
        }
        IrcMessage m = withTags(ctx.stamped(me.mask(), verb, to.nick().display(), ctx.param(1)), tags);
        ctx.deliver(to.sessions(), m);
        if (ctx.session().has(Capability.ECHO_MESSAGE) && to != me) {
            ctx.deliver(List.of(ctx.session()), m);
        }
        if (!notice && to.away() != null) {
            ctx.reply(Numeric.RPL_AWAY, to.nick().display(), to.away());
        }
    }

    /** Client-only tags ({@code +name}) travel with the message (https://ircv3.net/specs/extensions/message-tags). */
    private static Map<String, String> clientOnlyTags(IrcMessage m) {
        Map<String, String> out = new HashMap<>();
        m.tags().forEach((k, v) -> {
            if (k.startsWith("+")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static IrcMessage withTags(IrcMessage m, Map<String, String> extra) {
        if (extra.isEmpty()) {
            return m;
        }
        Map<String, String> all = new HashMap<>(m.tags());
        all.putAll(extra);
        return m.withTags(all);
    }
}
