package chatroom.core.command;

import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;

/**
 * {@code KICK <channel>{,<channel>} <user>{,<user>} [<comment>]}: operators remove members; one channel applies to
 * every user, several channels pair with the users one to one (RFC 2812 §3.2.8). Each removal is its own KICK line.
 * The reason defaults to the kicker's nick.
 */
final class KickCommand {
    private KickCommand() {}

    static void handle(Context ctx) {
        String[] channels = ctx.param(0).split(",");
        String[] nicks = ctx.param(1).split(",");
        int max = ctx.state().config().maxTargets();
        if (nicks.length > max) {
            ctx.reply(Numeric.ERR_TOOMANYTARGETS, ctx.param(1), "Too many targets (at most " + max + ")");
            return;
        }
        if (channels.length != 1 && channels.length != nicks.length) {
            ctx.reply(Numeric.ERR_NEEDMOREPARAMS, "KICK", "Give one channel, or one channel per user");
            return;
        }
        String reason = ctx.paramCount() > 2 && !ctx.param(2).isEmpty()
                ? TopicCommand.truncate(ctx.param(2), ctx.state().config().kickLength())
                : ctx.user().nick().display();
        for (int i = 0; i < nicks.length; i++) {
            if (!nicks[i].isEmpty()) {
                kickOne(ctx, channels[channels.length == 1 ? 0 : i], nicks[i], reason);
            }
        }
    }

    private static void kickOne(Context ctx, String channel, String nick, String reason) {
        User me = ctx.user();
        Room room = ctx.state().room(channel);
        if (room == null) {
            ctx.reply(Numeric.ERR_NOSUCHCHANNEL, channel, "No such channel");
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
        User victim = ctx.state().user(nick);
        if (victim == null) {
            ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
        } else if (!room.has(victim)) {
            ctx.reply(Numeric.ERR_USERNOTINCHANNEL, victim.nick().display(), name, "They aren't on that channel");
        } else {
            IrcMessage kick = ctx.stamped(me.mask(), "KICK", name, victim.nick().display(), reason);
            ctx.recordInRoom(room, kick);
            ctx.deliver(room.sessions(), kick);
            room.remove(victim);
            ctx.state().dropIfEmpty(room);
        }
    }
}
