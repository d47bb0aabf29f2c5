package chatroom.core.command;

import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;

/** {@code TOPIC <channel> [<topic>]}: read the topic, or set it (ops only when +t). An empty topic clears it. */
final class TopicCommand {
    private TopicCommand() {}

    static void handle(Context ctx) {
        Room room = ctx.state().room(ctx.param(0));
        User me = ctx.user();
        if (room == null) {
            ctx.reply(Numeric.ERR_NOSUCHCHANNEL, ctx.param(0), "No such channel");
            return;
        }
        String name = room.name().display();
        if (ctx.paramCount() < 2) {
            if (room.secret() && !room.has(me)) {
                ctx.reply(Numeric.ERR_NOTONCHANNEL, name, "You're not on that channel");
            } else if (room.topic().isEmpty()) {
                ctx.reply(Numeric.RPL_NOTOPIC, name, "No topic is set");
            } else {
                sendTopic(ctx, room);
            }
            return;
        }
        if (!room.has(me)) {
            ctx.reply(Numeric.ERR_NOTONCHANNEL, name, "You're not on that channel");
            return;
        }
        if (room.topicLocked() && !room.isOp(me)) {
            ctx.reply(Numeric.ERR_CHANOPRIVSNEEDED, name, "You're not channel operator");
            return;
        }
        String topic = truncate(ctx.param(1), ctx.state().config().topicLength());
        room.topic(topic, me.mask(), ctx.state().now());
        IrcMessage event = ctx.stamped(me.mask(), "TOPIC", name, topic);
        ctx.recordInRoom(room, event);
        ctx.deliver(room.sessions(), event);
        ctx.state().roomChanged(room);
    }

    static void sendTopic(Context ctx, Room room) {
        String name = room.name().display();
        ctx.reply(Numeric.RPL_TOPIC, name, room.topic());
        ctx.reply(
                Numeric.RPL_TOPICWHOTIME,
                name,
                room.topicSetBy(),
                Long.toString(room.topicSetAt().getEpochSecond()));
    }

    /** Cuts to at most {@code max} code points without splitting a surrogate pair. */
    static String truncate(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max));
    }
}
