package chatroom.core.command;

import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;

/**
 * {@code CREATE <channel> [<nick>{,<nick>}]}: a chatroom extension for the tutorials' "create a room with initial
 * members". The caller founds the room (+o); each named user who is online joins it as if they had typed JOIN.
 */
final class CreateCommand {
    private CreateCommand() {}

    static void handle(Context ctx) {
        String name = ctx.param(0);
        if (ctx.state().room(name) != null) {
            ctx.replyRaw(
                    IrcMessage.from(ctx.serverName(), "FAIL", "CREATE", "ROOM_EXISTS", name, "Room already exists"));
            return;
        }
        String error = CaseMapping.channelError(name, ctx.state().config().channelLength());
        if (error != null) {
            ctx.reply(Numeric.ERR_NOSUCHCHANNEL, name, error);
            return;
        }
        Room room = ctx.state().createRoom(CaseMapping.channel(name));
        room.add(ctx.user(), true);
        JoinCommand.announce(ctx, room, ctx.user());
        if (ctx.paramCount() < 2) {
            return;
        }
        for (String nick : ctx.param(1).split(",")) {
            if (nick.isEmpty()) {
                continue;
            }
            User member = ctx.state().user(nick);
            if (member == null) {
                ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            } else if (!room.has(member)) {
                room.add(member, false);
                JoinCommand.announce(ctx, room, member);
            }
        }
    }
}
