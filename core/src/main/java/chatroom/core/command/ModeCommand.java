package chatroom.core.command;

import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.Numeric;

/**
 * {@code MODE <target> [<modestring> [<mode arguments>...]]}: user modes ({@code +i}) for yourself, channel modes
 * for rooms (see {@link ChannelModes}). https://modern.ircdocs.horse/#mode-message
 */
final class ModeCommand {
    static final int MAX_BANS = 100;
    static final int MAX_MODES = 4;

    private ModeCommand() {}

    static void handle(Context ctx) {
        String target = ctx.param(0);
        if (CaseMapping.isChannel(target)) {
            Room room = ctx.state().room(target);
            if (room == null) {
                ctx.reply(Numeric.ERR_NOSUCHCHANNEL, target, "No such channel");
            } else if (ctx.paramCount() < 2) {
                ChannelModes.query(ctx, room);
            } else {
                ChannelModes.change(ctx, room);
            }
            return;
        }
        userMode(ctx, target);
    }

    private static char appendChange(StringBuilder applied, char lastSign, boolean adding, char mode) {
        char sign = adding ? '+' : '-';
        if (sign != lastSign) {
            applied.append(sign);
        }
        applied.append(mode);
        return sign;
    }

    private static void userMode(Context ctx, String target) {
        User me = ctx.user();
        User u = ctx.state().user(target);
        if (u == null) {
            ctx.reply(Numeric.ERR_NOSUCHNICK, target, "No such nick/channel");
            return;
        }
        if (u != me) {
            ctx.reply(Numeric.ERR_USERSDONTMATCH, "Can't change mode for other users");
            return;
        }
        if (ctx.paramCount() < 2) {
            ctx.reply(Numeric.RPL_UMODEIS, me.modeString());
            return;
        }
        boolean adding = true;
        boolean unknown = false;
        StringBuilder applied = new StringBuilder();
        char lastSign = 0;
        String modes = ctx.param(1);
        for (int i = 0; i < modes.length(); i++) {
            char c = modes.charAt(i);
            switch (c) {
                case '+' -> adding = true;
                case '-' -> adding = false;
                case 'i' -> {
                    if (me.invisible() != adding) {
                        me.invisible(adding);
                        lastSign = appendChange(applied, lastSign, adding, 'i');
                    }
                }
                case 'w' -> {
                    if (me.wallops() != adding) {
                        me.wallops(adding);
                        lastSign = appendChange(applied, lastSign, adding, 'w');
                    }
                }
                case 'o' -> {
                    // +o only through OPER; anyone may drop it
                    if (!adding && me.oper()) {
                        me.oper(false);
                        lastSign = appendChange(applied, lastSign, false, 'o');
                    }
                }
                default -> unknown = true;
            }
        }
        if (unknown) {
            ctx.reply(Numeric.ERR_UMODEUNKNOWNFLAG, "Unknown MODE flag");
        }
        if (!applied.isEmpty()) {
            ctx.deliver(
                    me.sessions(),
                    ctx.stamped(me.nick().display(), "MODE", me.nick().display(), applied.toString()));
        }
    }
}
