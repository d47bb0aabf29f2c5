package chatroom.core.command;

import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.protocol.Numeric;

/** {@code PART <channel>{,<channel>} [<reason>]}. */
final class PartCommand {
    private PartCommand() {}

    static void handle(Context ctx) {
        String reason = ctx.paramCount() > 1 ? ctx.param(1) : null;
        for (String name : ctx.param(0).split(",", -1)) {
            if (name.isEmpty()) {
                continue;
            }
            Room room = ctx.state().room(name);
            if (room == null) {
                ctx.reply(Numeric.ERR_NOSUCHCHANNEL, name, "No such channel");
            } else if (!room.has(ctx.user())) {
                ctx.reply(Numeric.ERR_NOTONCHANNEL, room.name().display(), "You're not on that channel");
            } else {
                partOne(ctx, room, reason);
            }
        }
    }

    static void partOne(Context ctx, Room room, @org.jspecify.annotations.Nullable String reason) {
        User u = ctx.user();
        var msg = reason == null
                ? ctx.stamped(u.mask(), "PART", room.name().display())
                : ctx.stamped(u.mask(), "PART", room.name().display(), reason);
        ctx.recordInRoom(room, msg);
        ctx.deliver(room.sessions(), msg);
        room.remove(u);
        ctx.state().dropIfEmpty(room);
    }
}
