package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.Nick;
import chatroom.protocol.Numeric;

/** {@code NICK <nickname>}: choose a nick while registering, or change it and tell everyone who shares a room. */
final class NickCommand {
    private NickCommand() {}

    static void handle(Context ctx) {
        Session s = ctx.session();
        String wanted = ctx.param(0);
        if (wanted.isEmpty()) {
            ctx.reply(Numeric.ERR_NONICKNAMEGIVEN, "No nickname given");
            return;
        }
        ServerState state = ctx.state();
        String error = CaseMapping.nickError(wanted, state.config().nickLength());
        if (error != null) {
            ctx.reply(Numeric.ERR_ERRONEUSNICKNAME, wanted, error);
            return;
        }
        if (CaseMapping.fold(wanted).equals(CaseMapping.fold(AccountCommands.NICKSERV))
                || CaseMapping.fold(wanted).equals(CaseMapping.fold(ChanServCommands.CHANSERV))) {
            ctx.reply(Numeric.ERR_ERRONEUSNICKNAME, wanted, "That name belongs to the server's services");
            return;
        }
        Nick nick = CaseMapping.nick(wanted);
        User holder = state.userLike(wanted);
        User me = s.user();
        if (me == null) {
            s.attemptedNick(nick.display());
        }
        if (holder != null && holder != me && !mayWaitForLogin(s, holder) && !NickProtection.owns(s, nick.folded())) {
            ctx.reply(Numeric.ERR_NICKNAMEINUSE, wanted, "Nickname is already in use");
            return;
        }
        if (me == null) {
            s.pendingNick(nick.display());
            RegistrationCommands.tryComplete(ctx);
            return;
        }
        if (me.nick().display().equals(nick.display())) {
            return;
        }
        if (me.nick().folded().equals(nick.folded())) {
            rename(ctx, me, nick); // a change of case only: still the same name
            return;
        }
        NickProtection.check(ctx, nick.display(), c -> {
            User holderNow = c.state().userLike(nick.display());
            if (holderNow != null && holderNow != me && NickProtection.owns(s, nick.folded())) {
                NickProtection.toGuest(c, holderNow); // the owner takes the nick back from someone not logged in
                holderNow = null;
            }
            if (holderNow != null && holderNow != me) {
                c.reply(Numeric.ERR_NICKNAMEINUSE, nick.display(), "Nickname is already in use");
            } else {
                rename(c, me, nick);
            }
        });
    }

    /**
     * While registering with CAP, a nick in use by an account's connection may still become this connection's too
     * (SASL may log it in to that account); the decision waits for the end of registration.
     */
    private static boolean mayWaitForLogin(Session s, User holder) {
        return !s.registered() && s.capNegotiating() && (holder.account() != null || holder.borrowedNick());
    }

    static void rename(Context ctx, User me, Nick nick) {
        ServerState state = ctx.state();
        var msg = ctx.stamped(me.mask(), "NICK", nick.display());
        me.borrowedNick(false);
        for (var room : me.rooms()) {
            ctx.recordInRoom(room, msg);
        }
        ctx.deliver(state.neighbours(me, true), msg);
        state.renameUser(me, nick);
    }
}
