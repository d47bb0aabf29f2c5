package chatroom.core.command;

import chatroom.core.history.Conversation;
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
 * {@code PRIVMSG <target>{,<target>} <text>}, {@code NOTICE} (never answered with errors, RFC 2812 §3.3.2) and
 * {@code TAGMSG <target>} (tags only, for message-tags clients: https://ircv3.net/specs/extensions/message-tags). A
 * target is a room or a nick; a comma list whispers to several people at once.
 */
final class MessageCommand {
    enum Kind {
        PRIVMSG,
        NOTICE,
        TAGMSG
    }

    private MessageCommand() {}

    static void handle(Context ctx, Kind kind) {
        boolean quiet = kind == Kind.NOTICE;
        if (ctx.paramCount() < 1 || ctx.param(0).isEmpty()) {
            if (!quiet) {
                ctx.reply(Numeric.ERR_NORECIPIENT, "No recipient given (" + kind + ")");
            }
            return;
        }
        if (kind != Kind.TAGMSG && (ctx.paramCount() < 2 || ctx.param(1).isEmpty())) {
            if (!quiet) {
                ctx.reply(Numeric.ERR_NOTEXTTOSEND, "No text to send");
            }
            return;
        }
        Set<String> targets = targets(ctx.param(0));
        int max = ctx.state().config().maxTargets();
        if (targets.size() > max) {
            if (!quiet) {
                ctx.reply(Numeric.ERR_TOOMANYTARGETS, ctx.param(0), "Too many targets (at most " + max + ")");
            }
            return;
        }
        ctx.user().spoke(ctx.state().now());
        Map<String, String> clientTags = clientOnlyTags(ctx.message());
        for (String target : targets) {
            if (target.startsWith("$")) {
                toEveryone(ctx, kind, target);
            } else if (CaseMapping.isChannel(target)) {
                toRoom(ctx, kind, target, clientTags);
            } else {
                toUser(ctx, kind, target, clientTags);
            }
        }
    }

    /** The distinct non-empty targets of a comma list, in order; one target (the usual case) without splitting. */
    private static Set<String> targets(String list) {
        if (list.indexOf(',') < 0) {
            return Set.of(list);
        }
        Set<String> targets = new LinkedHashSet<>();
        for (String t : list.split(",")) {
            if (!t.isEmpty()) {
                targets.add(t);
            }
        }
        return targets;
    }

    private static IrcMessage message(Context ctx, Kind kind, String target, Map<String, String> tags) {
        IrcMessage m = kind == Kind.TAGMSG
                ? ctx.stamped(ctx.user().mask(), kind.name(), target)
                : ctx.stamped(ctx.user().mask(), kind.name(), target, ctx.param(1));
        if (tags.isEmpty()) {
            return m;
        }
        Map<String, String> all = new HashMap<>(m.tags());
        all.putAll(tags);
        return m.withTags(all);
    }

    /** Who may receive it: TAGMSG only reaches clients that negotiated message-tags. */
    private static boolean receives(Session s, Kind kind) {
        return kind != Kind.TAGMSG || s.has(Capability.MESSAGE_TAGS);
    }

    private static void toRoom(Context ctx, Kind kind, String target, Map<String, String> tags) {
        User me = ctx.user();
        Room room = ctx.state().room(target);
        if (room == null) {
            if (kind != Kind.NOTICE) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            }
            return;
        }
        if (!room.canSpeak(me)) {
            if (kind != Kind.NOTICE) {
                ctx.reply(Numeric.ERR_CANNOTSENDTOCHAN, room.name().display(), cannotSendReason(room, me));
            }
            return;
        }
        IrcMessage m = message(ctx, kind, room.name().display(), tags);
        if (stored(kind, tags)) {
            ctx.recordMessage(Conversation.room(room.name().folded()), m);
        }
        List<Session> members = room.sessions();
        List<Session> others = new ArrayList<>(members.size());
        boolean echo = false;
        for (Session s : members) {
            if (!receives(s, kind)) {
                continue;
            }
            if (s == ctx.session()) {
                // the sender's other connections always see what was said; the sending one only with echo-message
                echo = s.has(Capability.ECHO_MESSAGE);
            } else {
                others.add(s);
            }
        }
        if (!others.isEmpty()) {
            ctx.state().outbox().sendAll(others, m);
        }
        if (echo) {
            ctx.replyRaw(m);
        }
    }

    /**
     * {@code $<server mask>}: an operator's announcement to everyone on the server (RFC 2812 §3.3.1); not kept in any
     * conversation's history.
     */
    private static void toEveryone(Context ctx, Kind kind, String target) {
        if (!ctx.user().oper()) {
            if (kind != Kind.NOTICE) {
                ctx.reply(Numeric.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
            }
            return;
        }
        if (kind == Kind.TAGMSG || !chatroom.core.room.Mask.matches(target.substring(1), ctx.serverName())) {
            if (kind != Kind.NOTICE) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, target, "No such server");
            }
            return;
        }
        IrcMessage m = message(ctx, kind, target, Map.of());
        List<Session> to = new ArrayList<>();
        for (User u : ctx.state().users()) {
            for (Session s : u.sessions()) {
                if (s != ctx.session() || s.has(Capability.ECHO_MESSAGE)) {
                    to.add(s);
                }
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

    private static void toUser(Context ctx, Kind kind, String target, Map<String, String> tags) {
        if (kind == Kind.PRIVMSG) {
            String folded = CaseMapping.fold(target);
            if (folded.equals(NICKSERV_FOLDED)) {
                AccountCommands.nickserv(ctx, ctx.param(1));
                return;
            }
            if (folded.equals(CHANSERV_FOLDED)) {
                ChanServCommands.chanserv(ctx, ctx.param(1));
                return;
            }
        }
        User to = ctx.state().user(target);
        if (to == null) {
            if (kind != Kind.NOTICE) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            }
            return;
        }
        IrcMessage m = message(ctx, kind, to.nick().display(), tags);
        if (stored(kind, tags)) {
            ctx.recordMessage(
                    Conversation.whisper(ctx.user().nick().folded(), to.nick().folded()), m);
        }
        // the recipient's copy is a delivery, not part of the sender's (labeled) response, even for a message to
        // self; the sender's other connections get one too, so each shows the whole conversation
        List<Session> copies =
                new ArrayList<>(to.sessions().size() + ctx.user().sessions().size());
        addReceivers(copies, to.sessions(), kind, to == ctx.user() ? null : ctx.session());
        if (to != ctx.user()) {
            addReceivers(copies, ctx.user().sessions(), kind, ctx.session());
        }
        ctx.state().outbox().sendAll(copies, m);
        if (ctx.session().has(Capability.ECHO_MESSAGE) && receives(ctx.session(), kind)) {
            ctx.deliver(List.of(ctx.session()), m);
        }
        if (kind == Kind.PRIVMSG && to.away() != null) {
            ctx.reply(Numeric.RPL_AWAY, to.nick().display(), to.away());
        }
    }

    /** Adds the sessions of {@code from} that receive {@code kind}, except {@code except}. */
    private static void addReceivers(
            List<Session> to, List<Session> from, Kind kind, @org.jspecify.annotations.Nullable Session except) {
        for (Session s : from) {
            if (s != except && receives(s, kind)) {
                to.add(s);
            }
        }
    }

    private static final String NICKSERV_FOLDED = CaseMapping.fold(AccountCommands.NICKSERV);
    private static final String CHANSERV_FOLDED = CaseMapping.fold(ChanServCommands.CHANSERV);

    /** Typing notifications come and go; a TAGMSG with any other tag (a reaction, say) is kept. */
    private static boolean stored(Kind kind, Map<String, String> tags) {
        return kind != Kind.TAGMSG || tags.keySet().stream().anyMatch(t -> !TRANSIENT_TAGS.contains(t));
    }

    private static final Set<String> TRANSIENT_TAGS = Set.of("+typing", "+draft/typing");

    /** Client-only tags ({@code +name}) travel with the message (https://ircv3.net/specs/extensions/message-tags). */
    private static Map<String, String> clientOnlyTags(IrcMessage m) {
        if (m.tags().isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        m.tags().forEach((k, v) -> {
            if (k.startsWith("+")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
