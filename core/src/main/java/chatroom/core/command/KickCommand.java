package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.protocol.Numeric;

/** {@code KICK <channel> <user>{,<user>} [<comment>]}: operators remove members; the reason defaults to the kicker. */
final class KickCommand {
    private KickCommand() {}

    static void handle(Context ctx) {
        User me = ctx.user();
        Room room = ctx.state().room(ctx.param(0));
        if (room == null) {
            ctx.reply(Numeric.ERR_NOSUCHCHANNEL, ctx.param(0), "No such channel");
            return;
        }
        String name = room.name().display();
        if (!room.has(me)) {
            ctx.reply(Numeric.ERR_NOTONCHANNEL, name, "You're not on that channel");
            return;
        }
        if (!room.isOp(me)) {
            ctx.reply(Numeric.ERR_CHANOPRIVSNEEDED, name, "You're not channel operator");
            return;
        }
        String reason = ctx.paramCount() > 2 && !ctx.param(2).isEmpty()
                ? TopicCommand.truncate(ctx.param(2), ctx.state().config().kickLength())
                : me.nick().display();
        String[] nicks = ctx.param(1).split(",");
        int max = ctx.state().config().maxTargets();
        if (nicks.length > max) {
            ctx.reply(Numeric.ERR_TOOMANYTARGETS, ctx.param(1), "Too many targets (at most " + max + ")");
            return;
        }
        for (String nick : nicks) {
            if (nick.isEmpty()) {
                continue;
            }
            User victim = ctx.state().user(nick);
            if (victim == null) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            } else if (!room.has(victim)) {
                ctx.reply(Numeric.ERR_USERNOTINCHANNEL, victim.nick().display(), name, "They aren't on that channel");
            } else {
                ctx.deliver(
                        ServerState.sessionsOf(room),
                        ctx.stamped(me.mask(), "KICK", name, victim.nick().display(), reason));
                room.remove(victim);
            }
        }
        ctx.state().dropIfEmpty(room);
    }
}
