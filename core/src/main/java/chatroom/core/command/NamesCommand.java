package chatroom.core.command;

import chatroom.core.room.Membership;
import chatroom.core.room.Room;
import chatroom.core.user.Capability;
import chatroom.core.user.User;
import chatroom.protocol.Numeric;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code NAMES [<channel>{,<channel>}]}: who is in a room (RPL_NAMREPLY lines, then RPL_ENDOFNAMES). */
final class NamesCommand {
    /** Keeps each 353 line well under 512 bytes with the prefix and channel name. */
    private static final int NAMES_BYTES = 380;

    private NamesCommand() {}

    static void handle(Context ctx) {
        if (ctx.paramCount() == 0 || ctx.param(0).isEmpty()) {
            ctx.reply(Numeric.RPL_ENDOFNAMES, "*", "End of /NAMES list");
            return;
        }
        for (String name : ctx.param(0).split(",")) {
            Room room = ctx.state().room(name);
            if (room == null || (room.secret() && !room.has(ctx.user()))) {
                ctx.reply(Numeric.RPL_ENDOFNAMES, name, "End of /NAMES list");
            } else {
                sendNames(ctx, room);
            }
        }
    }

    static void sendNames(Context ctx, Room room) {
        User me = ctx.user();
        boolean member = room.has(me);
        boolean multi = ctx.callerHas(Capability.MULTI_PREFIX);
        boolean userhost = ctx.callerHas(Capability.USERHOST_IN_NAMES);
        String symbol = room.secret() ? "@" : "=";
        String name = room.name().display();
        StringBuilder line = new StringBuilder();
        for (Map.Entry<User, Membership> e : room.members().entrySet()) {
            User u = e.getKey();
            if (!member && u.invisible()) {
                continue;
            }
            String entry =
                    e.getValue().prefix(multi) + (userhost ? u.mask() : u.nick().display());
            int bytes = line.toString().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > 0 && bytes + entry.getBytes(StandardCharsets.UTF_8).length + 1 > NAMES_BYTES) {
                ctx.reply(Numeric.RPL_NAMREPLY, symbol, name, line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(entry);
        }
        if (!line.isEmpty()) {
            ctx.reply(Numeric.RPL_NAMREPLY, symbol, name, line.toString());
        }
        ctx.reply(Numeric.RPL_ENDOFNAMES, name, "End of /NAMES list");
    }
}
