package chatroom.core.command;

import chatroom.core.account.Account;
import chatroom.core.account.AccountStore;
import chatroom.core.account.LoginThrottle;
import chatroom.core.account.SaslExchange;
import chatroom.core.account.ScramCredentials;
import chatroom.core.account.ScramExchange;
import chatroom.core.history.HistoryException;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.Numeric;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The steps of {@code AUTHENTICATE SCRAM-SHA-256} (RFC 5802, RFC 7677) after the server's {@code +}: the client-first
 * message (the account is looked up off the hub; the server-first message answers), the client-final message (the
 * proof is checked: a few hashes, on the hub; the server-final message answers), then the client's empty response,
 * after which the caller is logged in. A wrong proof counts as a failed login ({@link LoginThrottle}); anything
 * malformed ends the exchange with 904.
 */
final class SaslScram {
    private SaslScram() {}

    static void step(Context ctx, SaslExchange x, String message) {
        ScramExchange scram = x.scram();
        if (scram == null) {
            first(ctx, x, message);
        } else if (!x.verified()) {
            last(ctx, x, scram, message);
        } else if (message.isEmpty()) {
            Account a = Objects.requireNonNull(x.account());
            SaslCommand.succeeded(ctx, a.name(), a.createdAt());
        } else {
            SaslCommand.fail(ctx, "expected an empty response after the server's final message");
        }
    }

    private static void first(Context ctx, SaslExchange x, String message) {
        ScramExchange.ClientFirst first;
        try {
            first = ScramExchange.clientFirst(message);
        } catch (ScramExchange.MalformedException e) {
            SaslCommand.fail(ctx, String.valueOf(e.getMessage()));
            return;
        }
        String folded = CaseMapping.fold(first.username());
        String authzid = first.authzid();
        if (authzid != null && !CaseMapping.fold(authzid).equals(folded)) {
            SaslCommand.fail(ctx, "the authorisation identity must be the account itself");
            return;
        }
        LoginThrottle throttle = ctx.state().loginThrottle();
        String address = ctx.session().connection().remoteAddress();
        Duration wait = throttle.wait(folded, address, ctx.state().now());
        if (!wait.isZero()) {
            SaslCommand.fail(ctx, new AccountCommands.Check(null, Instant.EPOCH, false, wait).failure());
            return;
        }
        AccountStore accounts = ctx.state().accounts();
        // off the hub: the lookup, and the server nonce (SecureRandom may read the system's entropy source)
        ctx.offload(
                () -> {
                    try {
                        Account a = accounts.find(folded);
                        ScramCredentials credentials = a == null ? null : a.scram();
                        return new Start(a, credentials == null ? null : new ScramExchange(first, credentials), false);
                    } catch (HistoryException e) {
                        return new Start(null, null, true);
                    }
                },
                (c, start) -> {
                    Account a = start.account();
                    ScramExchange exchange = start.exchange();
                    if (c.session().sasl() != x) {
                        return; // aborted meanwhile
                    }
                    if (start.unavailable()) {
                        SaslCommand.fail(c, "Accounts are unavailable right now; try again later");
                    } else if (a == null) {
                        throttle.failed(folded, address, c.state().now());
                        c.session().sasl(null);
                        c.reply(Numeric.ERR_SASLFAIL, "SASL authentication failed");
                    } else if (exchange == null) {
                        SaslCommand.fail(
                                c,
                                "this account has no SCRAM credentials yet; log in once with PLAIN or NickServ"
                                        + " IDENTIFY");
                    } else {
                        x.scram(exchange, a);
                        SaslCommand.challenge(c, exchange.serverFirst());
                    }
                });
    }

    /** The account looked up, the exchange when it has SCRAM credentials; {@code unavailable} if the store failed. */
    private record Start(
            @Nullable Account account, @Nullable ScramExchange exchange, boolean unavailable) {}

    private static void last(Context ctx, SaslExchange x, ScramExchange scram, String message) {
        String serverFinal;
        try {
            serverFinal = scram.finish(message);
        } catch (ScramExchange.MalformedException e) {
            SaslCommand.fail(ctx, String.valueOf(e.getMessage()));
            return;
        }
        Account a = Objects.requireNonNull(x.account());
        LoginThrottle throttle = ctx.state().loginThrottle();
        if (serverFinal == null) {
            throttle.failed(
                    a.folded(),
                    ctx.session().connection().remoteAddress(),
                    ctx.state().now());
            ctx.session().sasl(null);
            ctx.reply(Numeric.ERR_SASLFAIL, "SASL authentication failed");
            return;
        }
        throttle.succeeded(a.folded());
        x.verified(true);
        SaslCommand.challenge(ctx, serverFinal);
    }
}
