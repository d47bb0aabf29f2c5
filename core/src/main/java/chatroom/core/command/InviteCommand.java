package chatroom.core.command;

import chatroom.core.room.Room;
import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.Numeric;
import java.util.List;

/**
 * {@code INVITE <nickname> <channel>}: lets someone past +i (and +k, +l, +b) once. Members with invite-notify see it
 * too (https://ircv3.net/specs/extensions/invite-notify). Without parameters: the rooms you are invited to.
 */
final class InviteCommand {
    private InviteCommand() {}

    static void handle(Context ctx) {
        if (ctx.paramCount() < 2) {
            for (Room r : ctx.state().rooms()) {
                if (r.isInvited(ctx.user().nick().folded())) {
                    ctx.reply(Numeric.RPL_INVITELIST, r.name().display());
                }
            }
            ctx.reply(Numeric.RPL_ENDOFINVITELIST, "End of /INVITE list");
            return;
        }
        User me = ctx.user();
        User target = ctx.state().user(ctx.param(0));
        if (target == null) {
            ctx.reply(Numeric.ERR_NOSUCHNICK, ctx.param(0), "No such nick/channel");
            return;
        }
        Room room = ctx.state().room(ctx.param(1));
        if (room == null) {
            ctx.reply(Numeric.ERR_NOSUCHCHANNEL, ctx.param(1), "No such channel");
            return;
        }
        String name = room.name().display();
        if (!room.has(me)) {
            ctx.reply(Numeric.ERR_NOTONCHANNEL, name, "You're not on that channel");
            return;
        }
        if (room.inviteOnly() && !room.isOp(me)) {
            ctx.reply(Numeric.ERR_CHANOPRIVSNEEDED, name, "You're not channel operator");
            return;
        }
        if (room.has(target)) {
            ctx.reply(Numeric.ERR_USERONCHANNEL, target.nick().display(), name, "is already on channel");
            return;
        }
        room.invite(target.nick().folded());
        ctx.reply(Numeric.RPL_INVITING, target.nick().display(), name);
        var invite = ctx.stamped(me.mask(), "INVITE", target.nick().display(), name);
        ctx.deliver(target.sessions(), invite);
        if (target.away() != null) {
            ctx.reply(Numeric.RPL_AWAY, target.nick().display(), target.away());
        }
        List<Session> notify = room.sessions().stream()
                .filter(s -> s.has(Capability.INVITE_NOTIFY) && s.user() != me)
                .filter(s -> !room.inviteOnly() || (s.user() != null && room.isOp(s.user())))
                .toList();
        ctx.deliver(notify, invite);
    }
}
