package chatroom.core.command;

import chatroom.core.ServerConfig;
import chatroom.core.ServerState;
import chatroom.core.user.User;
import chatroom.protocol.Numeric;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Server queries: {@code LUSERS}, {@code MOTD}, {@code TIME}, {@code VERSION}, {@code INFO}, {@code ADMIN}, and the
 * nick queries {@code ISON <nick>{ <nick>}} and {@code USERHOST <nick>{ <nick>}}. A server argument other than this
 * server gets ERR_NOSUCHSERVER (there is one server).
 */
final class InfoCommands {
    private InfoCommands() {}

    static void lusers(Context ctx) {
        ServerState st = ctx.state();
        int users = st.users().size();
        int invisible = (int) st.users().stream().filter(User::invisible).count();
        int unknown = st.sessions().size()
                - (int) st.sessions().stream().filter(s -> s.registered()).count();
        int ops = (int) st.users().stream().filter(User::oper).count();
        ctx.reply(
                Numeric.RPL_LUSERCLIENT,
                "There are " + (users - invisible) + " users and " + invisible + " invisible on 1 servers");
        ctx.reply(Numeric.RPL_LUSEROP, Integer.toString(ops), "operator(s) online");
        ctx.reply(Numeric.RPL_LUSERUNKNOWN, Integer.toString(unknown), "unknown connection(s)");
        ctx.reply(Numeric.RPL_LUSERCHANNELS, Integer.toString(st.rooms().size()), "channels formed");
        ctx.reply(Numeric.RPL_LUSERME, "I have " + users + " clients and 0 servers");
        String cur = Integer.toString(users);
        String max = Integer.toString(st.maxUsers());
        ctx.reply(Numeric.RPL_LOCALUSERS, cur, max, "Current local users " + cur + ", max " + max);
        ctx.reply(Numeric.RPL_GLOBALUSERS, cur, max, "Current global users " + cur + ", max " + max);
    }

    static void motd(Context ctx) {
        if (thisServer(ctx, 0)) {
            sendMotd(ctx);
        }
    }

    static void sendMotd(Context ctx) {
        ServerConfig c = ctx.state().config();
        if (c.motd().isEmpty()) {
            ctx.reply(Numeric.ERR_NOMOTD, "MOTD File is missing");
            return;
        }
        ctx.reply(Numeric.RPL_MOTDSTART, "- " + c.serverName() + " Message of the day - ");
        for (String line : c.motd()) {
            ctx.reply(Numeric.RPL_MOTD, "- " + line);
        }
        ctx.reply(Numeric.RPL_ENDOFMOTD, "End of /MOTD command.");
    }

    static void time(Context ctx) {
        if (!thisServer(ctx, 0)) {
            return;
        }
        var now = ctx.state().now();
        String text =
                DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT).format(now.atZone(ZoneOffset.UTC));
        ctx.reply(Numeric.RPL_TIME, ctx.serverName(), Long.toString(now.getEpochSecond()), "0", text);
    }

    static void version(Context ctx) {
        if (!thisServer(ctx, 0)) {
            return;
        }
        ServerConfig c = ctx.state().config();
        ctx.reply(Numeric.RPL_VERSION, c.version(), c.serverName(), "chatroom: IRC, telnet and web in one server");
        List<String> tokens = RegistrationCommands.isupport(c);
        for (int i = 0; i < tokens.size(); i += 12) {
            List<String> line = new ArrayList<>(tokens.subList(i, Math.min(tokens.size(), i + 12)));
            line.add("are supported by this server");
            ctx.reply(Numeric.RPL_ISUPPORT, line.toArray(String[]::new));
        }
    }

    static void info(Context ctx) {
        if (!thisServer(ctx, 0)) {
            return;
        }
        ServerConfig c = ctx.state().config();
        ctx.reply(Numeric.RPL_INFO, c.version() + ": a chat server for IRC clients, telnet and the browser");
        ctx.reply(Numeric.RPL_INFO, "Running since " + ctx.state().startedAt());
        ctx.reply(Numeric.RPL_ENDOFINFO, "End of /INFO list");
    }

    static void admin(Context ctx) {
        if (!thisServer(ctx, 0)) {
            return;
        }
        ServerConfig c = ctx.state().config();
        ctx.reply(Numeric.RPL_ADMINME, c.serverName(), "Administrative info");
        ctx.reply(Numeric.RPL_ADMINLOC1, c.networkName());
        ctx.reply(Numeric.RPL_ADMINLOC2, c.adminName());
        ctx.reply(Numeric.RPL_ADMINEMAIL, c.adminEmail());
    }

    static void ison(Context ctx) {
        List<String> online = new ArrayList<>();
        for (String p : ctx.message().params()) {
            for (String nick : p.split(" ")) {
                User u = nick.isEmpty() ? null : ctx.state().user(nick);
                if (u != null) {
                    online.add(u.nick().display());
                }
            }
        }
        ctx.reply(Numeric.RPL_ISON, String.join(" ", online));
    }

    static void userhost(Context ctx) {
        List<String> out = new ArrayList<>();
        for (String p : ctx.message().params().subList(0, Math.min(5, ctx.paramCount()))) {
            User u = ctx.state().user(p);
            if (u != null) {
                out.add(u.nick().display() + (u.oper() ? "*" : "") + "=" + (u.away() != null ? "-" : "+") + u.username()
                        + "@" + u.host());
            }
        }
        ctx.reply(Numeric.RPL_USERHOST, String.join(" ", out));
    }

    /** True when parameter {@code i} is absent or names this server; otherwise replies ERR_NOSUCHSERVER. */
    private static boolean thisServer(Context ctx, int i) {
        String target = ctx.param(i);
        if (target.isEmpty()
                || chatroom.protocol.CaseMapping.fold(target)
                        .equals(chatroom.protocol.CaseMapping.fold(ctx.serverName()))) {
            return true;
        }
        ctx.reply(Numeric.ERR_NOSUCHSERVER, target, "No such server");
        return false;
    }
}
