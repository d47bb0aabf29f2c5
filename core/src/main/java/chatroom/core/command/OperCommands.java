package chatroom.core.command;

import chatroom.core.Passwords;
import chatroom.core.ServerConfig;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.Numeric;
import java.util.ArrayList;
import java.util.List;

/**
 * Server operators: {@code OPER <name> <password>} (the password is checked against a bcrypt hash off the hub),
 * {@code KILL <nick> [<comment>]} and {@code WALLOPS <text>} (to users with +w). https://modern.ircdocs.horse/#oper-message
 */
final class OperCommands {
    private OperCommands() {}

    static void oper(Context ctx) {
        String name = ctx.param(0);
        String password = ctx.param(1);
        ServerConfig.Oper oper = ctx.state().config().opers().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElse(null);
        if (oper == null) {
            ctx.reply(Numeric.ERR_NOOPERHOST, "No O-lines for your host");
            return;
        }
        ctx.offload(() -> Passwords.verify(password, oper.passwordHash()), (c, ok) -> {
            User me = c.user();
            if (!ok) {
                c.reply(Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
                return;
            }
            if (!me.oper()) {
                me.oper(true);
                c.deliver(
                        me.sessions(),
                        c.stamped(me.nick().display(), "MODE", me.nick().display(), "+o"));
            }
            c.reply(Numeric.RPL_YOUREOPER, "You are now an IRC operator");
        });
    }

    static void kill(Context ctx) {
        User me = ctx.user();
        if (!me.oper()) {
            ctx.reply(Numeric.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
            return;
        }
        User victim = ctx.state().user(ctx.param(0));
        if (victim == null) {
            ctx.reply(Numeric.ERR_NOSUCHNICK, ctx.param(0), "No such nick/channel");
            return;
        }
        String comment = ctx.paramCount() > 1 && !ctx.param(1).isEmpty() ? ctx.param(1) : "No reason given";
        String reason = "Killed (" + me.nick().display() + " (" + comment + "))";
        for (Session s : List.copyOf(victim.sessions())) {
            Context victimCtx = s == ctx.session() ? ctx : ctx.on(s);
            QuitCommand.quit(victimCtx, reason, true);
        }
    }

    static void wallops(Context ctx) {
        User me = ctx.user();
        if (!me.oper()) {
            ctx.reply(Numeric.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
            return;
        }
        List<Session> to = new ArrayList<>();
        for (User u : ctx.state().users()) {
            if (u.wallops() || u == me) {
                to.addAll(u.sessions());
            }
        }
        ctx.deliver(to, ctx.stamped(me.mask(), "WALLOPS", ctx.param(0)));
    }
}
