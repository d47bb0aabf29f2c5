package chatroom.core.command;

import chatroom.core.account.Account;
import chatroom.core.account.AccountStore;
import chatroom.core.account.SaslExchange;
import chatroom.core.history.HistoryException;
import chatroom.core.user.Session;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code AUTHENTICATE <mechanism> | <base64> | + | *}: SASL as IRCv3 carries it
 * (https://ircv3.net/specs/extensions/sasl-3.1): the client names the mechanism, the server answers {@code
 * AUTHENTICATE +} (or a challenge), the client answers in base64, in 400-byte chunks. Mechanisms: PLAIN (RFC 4616:
 * {@code authzid NUL authcid NUL password}), SCRAM-SHA-256 ({@link SaslScram}) and EXTERNAL (RFC 4422 appendix A:
 * the TLS client certificate's fingerprint names the account). Password checks and lookups run off the hub.
 */
final class SaslCommand {
    static final int CHUNK = 400;
    /** No response is longer than this (names, a password, SCRAM nonces and a proof). */
    static final int MAX_RESPONSE = 4 * CHUNK;

    static final String PLAIN = "PLAIN";
    static final String SCRAM = "SCRAM-SHA-256";
    static final String EXTERNAL = "EXTERNAL";
    /** RPL_SASLMECHS and the {@code sasl} capability's value. */
    static final String MECHANISMS = PLAIN + "," + SCRAM + "," + EXTERNAL;

    private SaslCommand() {}

    static void handle(Context ctx) {
        Session s = ctx.session();
        String arg = ctx.param(0);
        if (s.account() != null) {
            ctx.reply(Numeric.ERR_SASLALREADY, "You have already authenticated using SASL");
            return;
        }
        if (arg.equals("*")) {
            s.sasl(null);
            ctx.reply(Numeric.ERR_SASLABORTED, "SASL authentication aborted");
            return;
        }
        SaslExchange x = s.sasl();
        if (x == null) {
            start(ctx, s, arg);
            return;
        }
        StringBuilder response = x.response();
        if (arg.length() > CHUNK) {
            s.sasl(null);
            ctx.reply(Numeric.ERR_SASLTOOLONG, "SASL message too long");
            return;
        }
        if (response.length() + arg.length() > MAX_RESPONSE) {
            fail(ctx, "the response is too long");
            return;
        }
        if (!arg.equals("+")) {
            response.append(arg);
        }
        if (arg.length() == CHUNK) {
            return; // more follows; an exact multiple of 400 ends with "+"
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(response.toString());
        } catch (IllegalArgumentException e) {
            fail(ctx, "the response is not base64");
            return;
        }
        response.setLength(0);
        String message = new String(decoded, StandardCharsets.UTF_8);
        switch (x.mechanism()) {
            case PLAIN -> {
                s.sasl(null);
                plain(ctx, message);
            }
            case EXTERNAL -> {
                s.sasl(null);
                external(ctx, message);
            }
            default -> SaslScram.step(ctx, x, message);
        }
    }

    private static void start(Context ctx, Session s, String mechanism) {
        String m = mechanism.toUpperCase(Locale.ROOT);
        switch (m) {
            case PLAIN, SCRAM -> {}
            case EXTERNAL -> {
                if (s.connection().certificateFingerprint() == null) {
                    ctx.reply(
                            Numeric.ERR_SASLFAIL,
                            "SASL authentication failed: EXTERNAL needs a TLS connection with a client certificate");
                    return;
                }
            }
            default -> {
                ctx.reply(Numeric.RPL_SASLMECHS, MECHANISMS, "are available SASL mechanisms");
                ctx.reply(Numeric.ERR_SASLFAIL, "SASL authentication failed");
                return;
            }
        }
        s.sasl(new SaslExchange(m));
        ctx.replyRaw(IrcMessage.of("AUTHENTICATE", "+"));
    }

    private static void plain(Context ctx, String message) {
        String[] parts = message.split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || (!parts[0].isEmpty() && !parts[0].equals(parts[1]))) {
            ctx.reply(Numeric.ERR_SASLFAIL, "SASL authentication failed");
            return;
        }
        AccountCommands.verify(ctx, parts[1], parts[2], (c, result) -> {
            if (result.account() != null) {
                succeeded(c, result.account(), result.createdAt());
            } else {
                c.reply(
                        Numeric.ERR_SASLFAIL,
                        result.unavailable() || !result.retryAfter().isZero()
                                ? "SASL authentication failed: " + result.failure()
                                : "SASL authentication failed");
            }
        });
    }

    /** {@code message} is the authorisation identity: empty, or the name of the certificate's account. */
    private static void external(Context ctx, String authzid) {
        String fingerprint = ctx.session().connection().certificateFingerprint();
        if (fingerprint == null) {
            fail(ctx, "EXTERNAL needs a TLS connection with a client certificate");
            return;
        }
        AccountStore accounts = ctx.state().accounts();
        ctx.offload(
                () -> {
                    try {
                        return new Lookup(accounts.findByCertificate(fingerprint), false);
                    } catch (HistoryException e) {
                        return new Lookup(null, true);
                    }
                },
                (c, lookup) -> {
                    Account a = lookup.account();
                    if (lookup.unavailable()) {
                        fail(c, "Accounts are unavailable right now; try again later");
                    } else if (a == null) {
                        fail(c, "no account has this certificate (NickServ CERT ADD adds it)");
                    } else if (!authzid.isEmpty() && !CaseMapping.fold(authzid).equals(a.folded())) {
                        fail(c, "the certificate belongs to another account");
                    } else {
                        succeeded(c, a.name(), a.createdAt());
                    }
                });
    }

    /** An account looked up off the hub, or null; {@code unavailable} when the store failed. */
    record Lookup(@Nullable Account account, boolean unavailable) {}

    static void succeeded(Context ctx, String account, Instant createdAt) {
        ctx.session().sasl(null);
        AccountCommands.loggedIn(ctx, account, createdAt);
        ctx.reply(Numeric.RPL_SASLSUCCESS, "SASL authentication successful");
    }

    /** 904 with a reason, and the exchange is over. */
    static void fail(Context ctx, String why) {
        ctx.session().sasl(null);
        ctx.reply(Numeric.ERR_SASLFAIL, "SASL authentication failed: " + why);
    }

    /** A server challenge in 400-byte chunks; one that fills the last chunk exactly is followed by {@code +}. */
    static void challenge(Context ctx, String message) {
        String b64 = Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < b64.length(); i += CHUNK) {
            ctx.replyRaw(IrcMessage.of("AUTHENTICATE", b64.substring(i, Math.min(b64.length(), i + CHUNK))));
        }
        if (b64.length() % CHUNK == 0) {
            ctx.replyRaw(IrcMessage.of("AUTHENTICATE", "+"));
        }
    }
}
