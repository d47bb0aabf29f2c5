package chatroom.core.command;

import chatroom.core.Confusables;
import chatroom.core.Connection;
import chatroom.core.account.AccountStore;
import chatroom.core.history.HistoryException;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.Nick;
import chatroom.protocol.Numeric;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registered nick is its account's (an account's name is its nick), and so is every nick that looks like it
 * ({@link Confusables}). Someone not logged in to that account may use
 * it on IRC for a grace period ({@code nickGrace}) to identify, then is renamed to a guest nick; with no grace, and
 * always on the plain-text port, they are answered as if it were in use, so clients pick another nick by themselves.
 * The owner logging in with the nick takes it back at once. The account lookup runs off the hub; if the account store
 * cannot be reached, the nick is allowed (chat stays available) and the failure is logged.
 */
final class NickProtection {
    private static final Logger log = LoggerFactory.getLogger(NickProtection.class);

    private NickProtection() {}

    /** Runs {@code allowed} (on the hub, in a fresh context) when the caller may use {@code nick}. */
    static void check(Context ctx, String nick, CommandHandler allowed) {
        Session s = ctx.session();
        String folded = CaseMapping.fold(nick);
        if (owns(s, folded)) {
            allowed.handle(ctx);
            return;
        }
        AccountStore accounts = ctx.state().accounts();
        ctx.offload(
                () -> {
                    try {
                        return accounts.find(folded) != null || accounts.findLike(Confusables.skeleton(nick)) != null;
                    } catch (HistoryException e) {
                        log.warn("cannot check whether {} is registered; allowing it: {}", nick, e.getMessage());
                        return false;
                    }
                },
                (c, registered) -> {
                    Duration grace = c.state().config().nickGrace();
                    if (!registered) {
                        allowed.handle(c);
                    } else if (grace.isZero() || s.connection().protocol() == Connection.Protocol.PLAIN) {
                        if (!s.registered() && nick.equals(s.pendingNick())) {
                            s.pendingNick(null); // the client has no nick yet; it must choose another
                        }
                        c.reply(
                                Numeric.ERR_NICKNAMEINUSE,
                                nick,
                                "Nickname is registered; log in to its account to use it (SASL or NickServ IDENTIFY)");
                    } else {
                        allowed.handle(c);
                        User holder = s.user();
                        if (holder != null) {
                            holder.borrowedNick(true);
                        }
                        AccountCommands.say(
                                c,
                                "This nickname is registered. Log in within " + grace.toSeconds()
                                        + " seconds (/msg NickServ IDENTIFY <password>) or it will be changed.");
                        c.after(grace, later -> enforce(later, folded));
                    }
                });
    }

    /** True when the session is logged in to the account whose name is {@code nick} or looks like it. */
    static boolean owns(Session s, String nick) {
        String account = s.account();
        return account != null && Confusables.skeleton(account).equals(Confusables.skeleton(nick));
    }

    /** The grace period is over: if the caller still holds the nick without its account, they become a guest. */
    private static void enforce(Context ctx, String folded) {
        User me = ctx.session().user();
        if (me != null
                && Confusables.skeleton(me.nick().display()).equals(Confusables.skeleton(folded))
                && !owns(ctx.session(), folded)) {
            toGuest(ctx, me);
        }
    }

    /**
     * Renames {@code holder} to a free {@code Guest12345} nick, telling them why; {@code ctx} may belong to someone
     * else (the owner taking the nick back), the holder's own lines then go out with that command's replies.
     */
    static void toGuest(Context ctx, User holder) {
        Session first = holder.sessions().getFirst();
        Context c = first == ctx.session() ? ctx : ctx.on(first);
        String old = holder.nick().display();
        Nick guest;
        do {
            guest = CaseMapping.nick("Guest" + ThreadLocalRandom.current().nextInt(10_000, 100_000));
        } while (c.state().user(guest.display()) != null);
        NickCommand.rename(c, holder, guest);
        AccountCommands.say(
                c, "The nickname " + old + " is registered to someone else; you are now " + guest.display());
        log.info("{} was renamed to {}: the nick is registered", old, guest);
    }
}
