package chatroom.core.command;

import chatroom.core.account.AccountStore;
import chatroom.core.history.HistoryException;
import chatroom.core.user.Session;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.Numeric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registered nick is its account's: only a connection logged in to that account (SASL, REGISTER or NickServ
 * IDENTIFY) may take it; anyone else is answered as if it were in use, so IRC clients pick another nick by
 * themselves. The account lookup runs off the hub. If the account store cannot be reached, the nick is allowed
 * (chat stays available) and the failure is logged.
 */
final class NickProtection {
    private static final Logger log = LoggerFactory.getLogger(NickProtection.class);

    private NickProtection() {}

    /** Runs {@code allowed} (on the hub, in a fresh context) when the caller may use {@code nick}. */
    static void check(Context ctx, String nick, CommandHandler allowed) {
        Session s = ctx.session();
        String folded = CaseMapping.fold(nick);
        String account = s.account();
        if (account != null && CaseMapping.fold(account).equals(folded)) {
            allowed.handle(ctx);
            return;
        }
        AccountStore accounts = ctx.state().accounts();
        ctx.offload(
                () -> {
                    try {
                        return accounts.find(folded) != null;
                    } catch (HistoryException e) {
                        log.warn("cannot check whether {} is registered; allowing it: {}", nick, e.getMessage());
                        return false;
                    }
                },
                (c, registered) -> {
                    if (registered) {
                        if (!s.registered() && nick.equals(s.pendingNick())) {
                            s.pendingNick(null); // the client has no nick yet; it must choose another
                        }
                        c.reply(
                                Numeric.ERR_NICKNAMEINUSE,
                                nick,
                                "Nickname is registered; log in to its account to use it (SASL or NickServ IDENTIFY)");
                    } else {
                        allowed.handle(c);
                    }
                });
    }
}
