package chatroom.core.command;

import chatroom.core.Connection;
import chatroom.core.ServerState;
import chatroom.core.room.JoinResult;
import chatroom.core.room.Registration;
import chatroom.core.room.Room;
import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code JOIN <channel>{,<channel>} [<key>{,<key>}]} and {@code JOIN 0} (leave every room). */
final class JoinCommand {
    private JoinCommand() {}

    static void handle(Context ctx) {
        if (ctx.param(0).equals("0")) {
            for (Room r : List.copyOf(ctx.user().rooms())) {
                PartCommand.partOne(ctx, r, ctx.user().nick().display());
            }
            return;
        }
        String[] names = ctx.param(0).split(",", -1);
        String[] keys = ctx.paramCount() > 1 ? ctx.param(1).split(",", -1) : new String[0];
        for (int i = 0; i < names.length; i++) {
            if (names[i].isEmpty()) {
                continue; // ergo #679: empty names in a list are skipped
            }
            joinOne(ctx, names[i], i < keys.length && !keys[i].isEmpty() ? keys[i] : null);
        }
    }

    static void joinOne(Context ctx, String name, @Nullable String key) {
        ServerState state = ctx.state();
        User u = ctx.user();
        Room room = state.room(name);
        if (room == null) {
            String error = CaseMapping.channelError(name, state.config().channelLength());
            if (error != null) {
                ctx.reply(Numeric.ERR_NOSUCHCHANNEL, name, error);
                return;
            }
        }
        if (u.rooms().size() >= state.config().maxChannelsPerUser() && (room == null || !room.has(u))) {
            ctx.reply(Numeric.ERR_TOOMANYCHANNELS, name, "You have joined too many channels");
            return;
        }
        boolean created = room == null;
        if (room == null) {
            room = state.createRoom(CaseMapping.channel(name));
        }
        switch (room.checkJoin(u, key)) {
            case JoinResult.AlreadyMember ignored -> {}
            case JoinResult.Rejected rejected -> sendJoinError(ctx, room, rejected);
            case JoinResult.Allowed ignored -> {
                // a registered room's founder and access list get their status back on joining, even in an empty room
                Registration reg = room.registration();
                char level = created || reg == null ? 0 : reg.levelOf(u.account());
                room.add(u, created);
                announce(ctx, room, u, level);
            }
        }
    }

    /** The one place join errors become numerics (ergo {@code sendJoinError}). */
    private static void sendJoinError(Context ctx, Room room, JoinResult.Rejected rejected) {
        String name = room.name().display();
        switch (rejected.error()) {
            case INVITE_ONLY -> ctx.reply(Numeric.ERR_INVITEONLYCHAN, name, "Cannot join channel (+i)");
            case BANNED -> ctx.reply(Numeric.ERR_BANNEDFROMCHAN, name, "Cannot join channel (+b)");
            case BAD_KEY -> ctx.reply(Numeric.ERR_BADCHANNELKEY, name, "Cannot join channel (+k)");
            case FULL -> ctx.reply(Numeric.ERR_CHANNELISFULL, name, "Cannot join channel (+l)");
            case REGISTERED_ONLY ->
                ctx.reply(Numeric.ERR_NEEDREGGEDNICK, name, "Cannot join channel (+R): log in to an account first");
        }
    }

    static void announce(Context ctx, Room room, User u) {
        announce(ctx, room, u, (char) 0);
    }

    /**
     * JOIN to every member (extended-join variant where negotiated), then the status {@code level} ({@code o},
     * {@code v} or 0) granted by the access list, then topic and names to the joiner.
     */
    static void announce(Context ctx, Room room, User u, char level) {
        List<Session> members = room.sessions();
        String name = room.name().display();
        IrcMessage plain = ctx.stamped(u.mask(), "JOIN", name);
        // one event, one msgid: the extended-join form is the same JOIN with the account and real name added
        String account = u.account() == null ? "*" : u.account();
        IrcMessage extended =
                new IrcMessage(plain.tags(), plain.source(), "JOIN", List.of(name, account, u.realname()));
        long joinSeq = ctx.recordInRoom(room, plain);
        List<Session> ext =
                members.stream().filter(s -> s.has(Capability.EXTENDED_JOIN)).toList();
        List<Session> std =
                members.stream().filter(s -> !s.has(Capability.EXTENDED_JOIN)).toList();
        ctx.deliver(std, plain);
        ctx.deliver(ext, extended);
        if (u.away() != null) {
            IrcMessage away = ctx.stamped(u.mask(), "AWAY", u.away());
            ctx.deliver(
                    members.stream()
                            .filter(s -> s.has(Capability.AWAY_NOTIFY) && s.user() != u)
                            .toList(),
                    away);
        }
        if (level != 0) {
            ChanServCommands.grant(ctx, room, u, level);
        }
        for (Session s : u.sessions()) {
            Context burst = s == ctx.session() ? ctx : ctx.on(s);
            if (!room.topic().isEmpty()) {
                TopicCommand.sendTopic(burst, room);
            }
            NamesCommand.sendNames(burst, room);
        }
        replayForPlain(ctx, room, joinSeq);
    }

    /**
     * The room as a newly attached connection of {@code u} sees it: its JOIN, topic, names, and for telnet users the
     * last lines.
     */
    static void burst(Context ctx, Room room, User u) {
        String name = room.name().display();
        String account = u.account() == null ? "*" : u.account();
        ctx.replyRaw(
                ctx.callerHas(Capability.EXTENDED_JOIN)
                        ? IrcMessage.from(u.mask(), "JOIN", name, account, u.realname())
                        : IrcMessage.from(u.mask(), "JOIN", name));
        if (!room.topic().isEmpty()) {
            TopicCommand.sendTopic(ctx, room);
        }
        NamesCommand.sendNames(ctx, room);
        replayForPlain(ctx, room, Long.MAX_VALUE);
    }

    /** Telnet users cannot ask for history on their own client; they get the room's last lines before {@code seq}. */
    private static void replayForPlain(Context ctx, Room room, long seq) {
        int replay = ctx.state().config().historyReplayLines();
        if (replay > 0 && ctx.session().connection().protocol() == Connection.Protocol.PLAIN) {
            ctx.afterReplies(() -> ChathistoryCommand.replay(ctx, room, seq, replay));
        }
    }
}
