package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.room.Room;
import chatroom.core.user.Capability;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.Numeric;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code WHOIS [<server>] <nick>} and {@code WHOWAS <nick> [<count>]}. https://modern.ircdocs.horse/#whois-message
 */
final class WhoisCommand {
    private WhoisCommand() {}

    static void handle(Context ctx) {
        String nick = ctx.param(ctx.paramCount() > 1 ? 1 : 0);
        if (ctx.paramCount() > 1 && !isServerOrNick(ctx, ctx.param(0), nick)) {
            ctx.reply(Numeric.ERR_NOSUCHSERVER, ctx.param(0), "No such server");
            return;
        }
        User u = ctx.state().user(nick);
        if (u == null) {
            ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            ctx.reply(Numeric.RPL_ENDOFWHOIS, nick, "End of /WHOIS list");
            return;
        }
        String n = u.nick().display();
        ctx.reply(Numeric.RPL_WHOISUSER, n, u.username(), u.host(), "*", u.realname());
        List<String> rooms = new ArrayList<>();
        boolean multi = ctx.callerHas(Capability.MULTI_PREFIX);
        for (Room r : u.rooms()) {
            if (!r.secret() || r.has(ctx.user())) {
                var m = r.membership(u);
                rooms.add((m == null ? "" : m.prefix(multi)) + r.name().display());
            }
        }
        if (!rooms.isEmpty()) {
            ctx.reply(Numeric.RPL_WHOISCHANNELS, n, String.join(" ", rooms));
        }
        ctx.reply(
                Numeric.RPL_WHOISSERVER,
                n,
                ctx.serverName(),
                ctx.state().config().networkName());
        if (u.away() != null) {
            ctx.reply(Numeric.RPL_AWAY, n, u.away());
        }
        if (u.oper()) {
            ctx.reply(Numeric.RPL_WHOISOPERATOR, n, "is an IRC operator");
        }
        if (u.account() != null) {
            ctx.reply(Numeric.RPL_WHOISACCOUNT, n, u.account(), "is logged in as");
        }
        if (ctx.user() == u || ctx.user().oper()) {
            // a fingerprint identifies a person across networks: only for them and operators
            u.sessions().stream()
                    .map(x -> x.connection().certificateFingerprint())
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .forEach(fp -> ctx.reply(Numeric.RPL_WHOISCERTFP, n, "has client certificate fingerprint " + fp));
        }
        long idle =
                Math.max(0, Duration.between(u.lastSpokeAt(), ctx.state().now()).toSeconds());
        ctx.reply(
                Numeric.RPL_WHOISIDLE,
                n,
                Long.toString(idle),
                Long.toString(u.signedOnAt().getEpochSecond()),
                "seconds idle, signon time");
        ctx.reply(Numeric.RPL_ENDOFWHOIS, n, "End of /WHOIS list");
    }

    /** {@code WHOIS nick nick} asks the nick's server: either form names this server. */
    private static boolean isServerOrNick(Context ctx, String server, String nick) {
        String f = CaseMapping.fold(server);
        return f.equals(CaseMapping.fold(ctx.serverName())) || f.equals(CaseMapping.fold(nick));
    }

    static void whowas(Context ctx) {
        String nick = ctx.param(0);
        int max = Integer.MAX_VALUE;
        if (ctx.paramCount() > 1) {
            try {
                int c = Integer.parseInt(ctx.param(1));
                max = c > 0 ? c : Integer.MAX_VALUE;
            } catch (NumberFormatException e) {
                // not a count: list them all
            }
        }
        String folded = CaseMapping.fold(nick);
        int found = 0;
        for (ServerState.WhowasEntry e : ctx.state().whowas()) {
            if (found >= max) {
                break;
            }
            if (CaseMapping.fold(e.nick()).equals(folded)) {
                found++;
                ctx.reply(Numeric.RPL_WHOWASUSER, e.nick(), e.username(), e.host(), "*", e.realname());
                ctx.reply(Numeric.RPL_WHOISSERVER, e.nick(), ctx.serverName(), e.at().toString());
            }
        }
        if (found == 0) {
            ctx.reply(Numeric.ERR_WASNOSUCHNICK, nick, "There was no such nickname");
        }
        ctx.reply(Numeric.RPL_ENDOFWHOWAS, nick, "End of WHOWAS");
    }
}
