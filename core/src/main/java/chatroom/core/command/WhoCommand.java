package chatroom.core.command;

import chatroom.core.room.Mask;
import chatroom.core.room.Membership;
import chatroom.core.room.Room;
import chatroom.core.user.Capability;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.Numeric;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code WHO [<mask>]}: a room's members, or every visible user whose nick, user, host or real name matches the
 * mask ({@code *} or nothing: everyone visible). Invisible users are shown only to people who share a room with them.
 * https://modern.ircdocs.horse/#who-message
 */
final class WhoCommand {
    private WhoCommand() {}

    static void handle(Context ctx) {
        String mask = ctx.paramCount() > 0 ? ctx.param(0) : "*";
        if (mask.isEmpty() || mask.equals("0")) {
            mask = "*";
        }
        User me = ctx.user();
        if (CaseMapping.isChannel(mask)) {
            Room room = ctx.state().room(mask);
            if (room != null && (!room.secret() || room.has(me))) {
                boolean member = room.has(me);
                for (Map.Entry<User, Membership> e : room.members().entrySet()) {
                    if (member || !e.getKey().invisible()) {
                        reply(ctx, room.name().display(), e.getKey(), e.getValue());
                    }
                }
            }
        } else {
            User exact = ctx.state().user(mask);
            for (User u : ctx.state().users()) {
                // invisibility hides users from mask searches, not from a query for their exact nick
                if ((u == exact || visible(me, u)) && matches(mask, u)) {
                    Room shared = firstVisibleRoom(me, u);
                    reply(
                            ctx,
                            shared == null ? "*" : shared.name().display(),
                            u,
                            shared == null ? null : shared.membership(u));
                }
            }
        }
        ctx.reply(Numeric.RPL_ENDOFWHO, mask, "End of WHO list");
    }

    private static boolean visible(User me, User u) {
        if (u == me || !u.invisible()) {
            return true;
        }
        for (Room r : u.rooms()) {
            if (r.has(me)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String mask, User u) {
        return Mask.matches(mask, u.nick().display())
                || Mask.matches(mask, u.mask())
                || Mask.matches(mask, u.host())
                || Mask.matches(mask, u.realname());
    }

    private static @Nullable Room firstVisibleRoom(User me, User u) {
        for (Room r : u.rooms()) {
            if (!r.secret() || r.has(me)) {
                return r;
            }
        }
        return null;
    }

    /** RPL_WHOREPLY: {@code <client> <channel> <user> <host> <server> <nick> <flags> :<hopcount> <realname>}. */
    private static void reply(Context ctx, String channel, User u, @Nullable Membership m) {
        StringBuilder flags = new StringBuilder(u.away() == null ? "H" : "G");
        if (u.oper()) {
            flags.append('*');
        }
        if (m != null) {
            flags.append(m.prefix(ctx.callerHas(Capability.MULTI_PREFIX)));
        }
        ctx.reply(
                Numeric.RPL_WHOREPLY,
                channel,
                u.username(),
                u.host(),
                ctx.serverName(),
                u.nick().display(),
                flags.toString(),
                "0 " + u.realname());
    }
}
