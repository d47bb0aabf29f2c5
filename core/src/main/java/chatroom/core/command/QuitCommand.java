package chatroom.core.command;

import chatroom.core.Connection;
import chatroom.core.ServerState;
import chatroom.core.room.Room;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import java.util.List;

/**
 * {@code QUIT [<reason>]}: leave the network; everyone who shares a room sees the reason. When the person has other
 * connections (several clients on one account), only this connection closes.
 */
final class QuitCommand {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QuitCommand.class);

    private QuitCommand() {}

    static void handle(Context ctx) {
        String reason = ctx.paramCount() > 0 ? "Quit: " + ctx.param(0) : "Quit";
        quit(ctx, reason, true);
    }

    /** Removes the session's user from every room and the nick table, then closes (or forgets) the session. */
    static void quit(Context ctx, String reason, boolean sayGoodbye) {
        ServerState state = ctx.state();
        Session s = ctx.session();
        User u = s.user();
        if (u != null && u.sessions().size() > 1) {
            // one of several connections of an account: the person stays, only this connection goes (and only it
            // sees the QUIT)
            if (sayGoodbye) {
                state.outbox().send(s, ctx.stamped(u.mask(), "QUIT", reason));
            }
            u.detach(s);
            log.info(
                    "{} closed one connection: {} ({} left)",
                    u.nick(),
                    reason,
                    u.sessions().size());
        } else if (u != null) {
            var msg = ctx.stamped(u.mask(), "QUIT", reason);
            for (Room r : u.rooms()) {
                ctx.recordInRoom(r, msg);
            }
            state.outbox().sendAll(state.neighbours(u, false), msg);
            if (sayGoodbye && s.connection().protocol() == Connection.Protocol.IRC) {
                state.outbox().send(s, msg); // the leaver sees it too, as with several connections (ergo does)
            }
            for (Room r : List.copyOf(u.rooms())) {
                r.remove(u);
                state.dropIfEmpty(r);
            }
            u.detach(s);
            state.removeUser(u);
            log.info(
                    "logout {}: {} ({} online)", u.nick(), reason, state.users().size());
        }
        if (sayGoodbye) {
            state.outbox().disconnect(s, "Closing link: " + s.connection().remoteAddress() + " (" + reason + ")");
        }
        state.forget(s);
    }
}
