package chatroom.core.command;

import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.util.List;

/**
 * {@code AWAY [<text>]} (away-notify: https://ircv3.net/specs/extensions/away-notify) and {@code SETNAME
 * <realname>} (https://ircv3.net/specs/extensions/setname): changes of a user's state that neighbours with the cap
 * are told about.
 */
final class AwayCommand {
    private AwayCommand() {}

    static void handle(Context ctx) {
        User me = ctx.user();
        String text = ctx.paramCount() > 0 ? ctx.param(0) : "";
        IrcMessage notice;
        if (text.isEmpty()) {
            me.away(null);
            ctx.reply(Numeric.RPL_UNAWAY, "You are no longer marked as being away");
            notice = ctx.stamped(me.mask(), "AWAY");
        } else {
            String away = TopicCommand.truncate(text, ctx.state().config().awayLength());
            me.away(away);
            ctx.reply(Numeric.RPL_NOWAWAY, "You have been marked as being away");
            notice = ctx.stamped(me.mask(), "AWAY", away);
        }
        ctx.deliver(withCap(ctx, me, Capability.AWAY_NOTIFY, false), notice);
    }

    static void setname(Context ctx) {
        User me = ctx.user();
        String name = ctx.param(0);
        if (name.isEmpty()
                || name.codePointCount(0, name.length()) > ctx.state().config().topicLength()) {
            ctx.replyRaw(
                    IrcMessage.from(ctx.serverName(), "FAIL", "SETNAME", "INVALID_REALNAME", "Realname is not valid"));
            return;
        }
        me.realname(name);
        ctx.deliver(withCap(ctx, me, Capability.SETNAME, true), ctx.stamped(me.mask(), "SETNAME", name));
    }

    private static List<Session> withCap(Context ctx, User me, Capability cap, boolean includeSelf) {
        return ctx.state().neighbours(me, includeSelf).stream()
                .filter(s -> s.has(cap))
                .toList();
    }
}
