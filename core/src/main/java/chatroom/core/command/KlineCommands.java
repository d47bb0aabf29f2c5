package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.ban.Kline;
import chatroom.core.ban.KlineStore;
import chatroom.core.ban.Klines;
import chatroom.core.history.HistoryException;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Server bans for operators: {@code KLINE [<minutes>] <mask|nick> [<reason>]}, {@code UNKLINE <mask>} and {@code STATS
 * k}. A mask is {@code user@host}, {@code nick!user@host}, a host, or {@code $a:account}; a nick that is online bans
 * their address. Matching users are disconnected at once and matching connections are refused at registration with
 * {@code 465}. K-lines are kept in the store (written off the hub while the operator's next lines wait, so their order
 * holds) and survive restarts; expired ones drop out by themselves.
 */
final class KlineCommands {
    private KlineCommands() {}

    static void kline(Context ctx) {
        if (!isOper(ctx)) {
            return;
        }
        int at = 0;
        Duration lifetime = Duration.ZERO;
        if (ctx.paramCount() > 1 && ctx.param(0).matches("\\d{1,9}")) {
            lifetime = Duration.ofMinutes(Long.parseLong(ctx.param(0)));
            at = 1;
        }
        String target = ctx.param(at);
        String reason = ctx.paramCount() > at + 1 && !ctx.param(at + 1).isEmpty() ? ctx.param(at + 1) : "Banned";
        ServerState state = ctx.state();
        User online = target.matches("[^!@$.:*?]+") ? state.user(target) : null;
        String mask = online != null ? "*!*@" + online.host() : Klines.normalize(target);
        if (mask == null) {
            notice(ctx, "Not a mask: " + target + " (user@host, nick!user@host, a host, or $a:account)");
            return;
        }
        if (mask.equals("*!*@*")) {
            notice(ctx, "Refusing to K-line " + mask + ": it matches everyone");
            return;
        }
        Instant now = state.now();
        Kline k = new Kline(
                mask, reason, ctx.user().nick().display(), now, lifetime.isZero() ? null : now.plus(lifetime));
        state.klines().put(k);
        KlineStore store = state.klineStore();
        ctx.offload(() -> saved(() -> store.put(k)), (c, saved) -> {
            notice(
                    c,
                    "K-line on " + mask + " added (" + reason + "), "
                            + (k.expiresAt() == null ? "permanent" : "expires " + k.expiresAt())
                            + (saved ? "" : "; NOT saved: the store is unavailable, it lasts until restart"));
            for (User u : List.copyOf(c.state().users())) {
                Kline hit = banning(c.state(), u.mask(), u.account());
                if (hit != null) {
                    disconnect(c, u, hit);
                }
            }
        });
    }

    static void unkline(Context ctx) {
        if (!isOper(ctx)) {
            return;
        }
        String mask = Klines.normalize(ctx.param(0));
        if (mask == null || ctx.state().klines().remove(mask) == null) {
            notice(ctx, "No K-line on " + (mask == null ? ctx.param(0) : mask));
            return;
        }
        KlineStore store = ctx.state().klineStore();
        ctx.offload(
                () -> saved(() -> store.remove(mask)),
                (c, saved) -> notice(
                        c,
                        "K-line on " + mask + " removed"
                                + (saved ? "" : "; NOT saved: the store is unavailable, it comes back on restart")));
    }

    /** {@code STATS <letter>}: {@code k} lists K-lines (operators only); other letters have nothing to report. */
    static void stats(Context ctx) {
        String letter = ctx.param(0).isEmpty() ? "*" : ctx.param(0).substring(0, 1);
        if (letter.toLowerCase(Locale.ROOT).equals("k")) {
            if (!isOper(ctx)) {
                return;
            }
            for (Kline k : ctx.state().klines().all(ctx.state().now())) {
                ctx.reply(
                        Numeric.RPL_STATSKLINE,
                        "K",
                        k.mask(),
                        k.expiresAt() == null
                                ? "0"
                                : Long.toString(k.expiresAt().getEpochSecond()),
                        k.setBy(),
                        k.reason());
            }
        }
        ctx.reply(Numeric.RPL_ENDOFSTATS, letter, "End of /STATS report");
    }

    /** The K-line that keeps a connection with this mask and account out, if any. */
    static @Nullable Kline banning(ServerState state, String mask, @Nullable String account) {
        return state.klines().matching(mask, account, state.now());
    }

    /** Tells {@code u} why and disconnects every connection of theirs; others see a QUIT saying "K-Lined". */
    static void disconnect(Context ctx, User u, Kline k) {
        for (Session s : List.copyOf(u.sessions())) {
            refuse(ctx.state(), s, k);
            QuitCommand.quit(s == ctx.session() ? ctx : ctx.on(s), "K-Lined", false);
        }
    }

    /** 465 and an ERROR line, then the connection closes. */
    static void refuse(ServerState state, Session s, Kline k) {
        state.outbox()
                .send(
                        s,
                        IrcMessage.from(
                                state.config().serverName(),
                                Numeric.ERR_YOUREBANNEDCREEP.code(),
                                s.replyNick(),
                                "You are banned from this server: " + k.reason()));
        state.outbox().disconnect(s, "K-Lined: " + k.reason());
        state.forget(s);
    }

    private static boolean isOper(Context ctx) {
        if (!ctx.user().oper()) {
            ctx.reply(Numeric.ERR_NOPRIVILEGES, "Permission Denied- You're not an IRC operator");
            return false;
        }
        return true;
    }

    static boolean saved(Runnable write) {
        try {
            write.run();
            return true;
        } catch (HistoryException e) {
            return false;
        }
    }

    private static void notice(Context ctx, String text) {
        ctx.replyRaw(
                IrcMessage.from(ctx.serverName(), "NOTICE", ctx.user().nick().display(), text));
    }
}
