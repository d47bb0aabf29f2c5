package chatroom.core.command;

import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code AUTHENTICATE <mechanism> | <base64> | + | *}: SASL PLAIN (RFC 4616) as IRCv3 carries it
 * (https://ircv3.net/specs/extensions/sasl-3.1): the client names the mechanism, the server answers {@code
 * AUTHENTICATE +}, the client sends {@code authzid NUL authcid NUL password} in base64, in 400-byte chunks. The
 * password check runs off the hub.
 */
final class SaslCommand {
    static final int CHUNK = 400;
    /** No PLAIN response is longer than this (names and a password). */
    static final int MAX_RESPONSE = 4 * CHUNK;

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
        StringBuilder response = s.sasl();
        if (response == null) {
            start(ctx, s, arg);
            return;
        }
        if (arg.length() > CHUNK) {
            s.sasl(null);
            ctx.reply(Numeric.ERR_SASLTOOLONG, "SASL message too long");
            return;
        }
        if (response.length() + arg.length() > MAX_RESPONSE) {
            s.sasl(null);
            ctx.reply(Numeric.ERR_SASLFAIL, "SASL authentication failed: the response is too long");
            return;
        }
        if (!arg.equals("+")) {
            response.append(arg);
        }
        if (arg.length() == CHUNK) {
            return; // more follows; an exact multiple of 400 ends with "+"
        }
        s.sasl(null);
        plain(ctx, response.toString());
    }

    private static void start(Context ctx, Session s, String mechanism) {
        if (!mechanism.equalsIgnoreCase("PLAIN")) {
            ctx.reply(Numeric.RPL_SASLMECHS, "PLAIN", "are available SASL mechanisms");
            ctx.reply(Numeric.ERR_SASLFAIL, "SASL authentication failed");
            return;
        }
        s.sasl(new StringBuilder());
        ctx.replyRaw(IrcMessage.of("AUTHENTICATE", "+"));
    }

    private static void plain(Context ctx, String base64) {
        String[] parts;
        try {
            parts = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8).split("\0", -1);
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        if (parts.length != 3 || parts[1].isEmpty() || (!parts[0].isEmpty() && !parts[0].equals(parts[1]))) {
            ctx.reply(Numeric.ERR_SASLFAIL, "SASL authentication failed");
            return;
        }
        AccountCommands.verify(ctx, parts[1], parts[2], (c, result) -> {
            if (result.account() != null) {
                AccountCommands.loggedIn(c, result.account(), result.createdAt());
                c.reply(Numeric.RPL_SASLSUCCESS, "SASL authentication successful");
            } else {
                c.reply(
                        Numeric.ERR_SASLFAIL,
                        result.unavailable() || !result.retryAfter().isZero()
                                ? "SASL authentication failed: " + result.failure()
                                : "SASL authentication failed");
            }
        });
    }
}
