package chatroom.core.command;

import chatroom.core.ServerConfig;
import chatroom.core.ServerState;
import chatroom.core.room.Room;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Nick;
import chatroom.protocol.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Connection registration (modern.ircdocs.horse "Connection Registration"): {@code PASS <password>}, {@code USER
 * <username> 0 * <realname>}, {@code PING <token>}, and the welcome burst once NICK and USER are in and CAP
 * negotiation has ended.
 */
final class RegistrationCommands {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegistrationCommands.class);
    static final int USER_LENGTH = 18;

    private RegistrationCommands() {}

    static void pass(Context ctx) {
        if (ctx.session().registered()) {
            ctx.reply(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        ctx.session().password(ctx.param(0));
    }

    static void user(Context ctx) {
        Session s = ctx.session();
        if (s.registered() || s.username() != null) {
            ctx.reply(Numeric.ERR_ALREADYREGISTERED, "You may not reregister");
            return;
        }
        String username = sanitizeUsername(ctx.param(0));
        s.userInfo(username, ctx.param(3));
        tryComplete(ctx);
    }

    private static String sanitizeUsername(String raw) {
        StringBuilder sb = new StringBuilder();
        raw.codePoints()
                .filter(cp -> cp > ' ' && cp != '@' && cp != '!' && cp != ':' && cp != ',' && cp != '*')
                .limit(USER_LENGTH)
                .forEach(sb::appendCodePoint);
        return sb.isEmpty() ? "user" : sb.toString();
    }

    static void ping(Context ctx) {
        ctx.replyRaw(IrcMessage.from(ctx.serverName(), "PONG", ctx.serverName(), ctx.param(0)));
    }

    /** Registers the session when it has a free nick, a user name and no open CAP negotiation. */
    static void tryComplete(Context ctx) {
        Session s = ctx.session();
        ServerState state = ctx.state();
        String nick = s.pendingNick();
        String username = s.username();
        if (s.registered() || nick == null || username == null || s.capNegotiating()) {
            return;
        }
        String required = state.config().serverPassword();
        if (required != null && !required.equals(s.password())) {
            ctx.reply(Numeric.ERR_PASSWDMISMATCH, "Password incorrect");
            state.outbox().disconnect(s, "Bad password");
            state.forget(s); // closed: the transport's later report of it is ignored
            return;
        }
        var kline = KlineCommands.banning(
                state, nick + "!" + username + "@" + s.connection().remoteAddress(), s.account());
        if (kline != null) {
            KlineCommands.refuse(state, s, kline);
            return;
        }
        User holder = state.userLike(nick);
        if (holder != null && sameAccount(s, holder)) {
            if (holder.sessions().size() < state.config().sessionsPerAccount()) {
                attach(ctx, holder);
            } else {
                ctx.reply(Numeric.ERR_NICKNAMEINUSE, nick, "Your account has too many connections already");
            }
            return;
        }
        if (holder != null && NickProtection.owns(s, holder.nick().folded())) {
            NickProtection.toGuest(ctx, holder); // the owner takes the nick back from someone not logged in
        } else if (holder != null) {
            ctx.reply(Numeric.ERR_NICKNAMEINUSE, nick, "Nickname is already in use");
            return;
        }
        if (!nick.equals(s.clearedNick())) {
            // a registered nick is for its account's owner; look it up off the hub, then come back here
            NickProtection.check(ctx, nick, c -> {
                s.clearedNick(nick);
                tryComplete(c);
            });
            return;
        }
        Nick n = CaseMapping.nick(nick);
        User u = new User(
                n,
                username,
                Objects.requireNonNullElse(s.realname(), ""),
                s.connection().remoteAddress(),
                state.now());
        u.attach(s);
        u.account(s.account(), s.accountSince());
        s.user(u);
        state.addUser(u);
        log.info(
                "login {} from {} ({} online)",
                u.nick(),
                u.host(),
                state.users().size());
        welcome(ctx, u);
        for (String room : s.autoJoin()) {
            JoinCommand.joinOne(ctx, room, null);
        }
    }

    private static boolean sameAccount(Session s, User holder) {
        return s.account() != null && s.account().equals(holder.account());
    }

    /**
     * Another connection of the same account, with the same nick: it joins the existing person (like a bouncer), gets
     * the welcome and the rooms they are in, and from now on sees everything they see and say.
     */
    private static void attach(Context ctx, User u) {
        Session s = ctx.session();
        u.attach(s);
        s.user(u);
        log.info(
                "{} connected again from {} ({} connections)",
                u.nick(),
                s.connection().remoteAddress(),
                u.sessions().size());
        welcome(ctx, u);
        for (Room r : u.rooms()) {
            JoinCommand.burst(ctx, r, u);
        }
    }

    private static void welcome(Context ctx, User u) {
        ctx.registered();
        ServerConfig c = ctx.state().config();
        ctx.reply(Numeric.RPL_WELCOME, "Welcome to the " + c.networkName() + " chat network, " + u.mask());
        ctx.reply(Numeric.RPL_YOURHOST, "Your host is " + c.serverName() + ", running version " + c.version());
        ctx.reply(Numeric.RPL_CREATED, "This server was created " + ctx.state().startedAt());
        ctx.reply(Numeric.RPL_MYINFO, c.serverName(), c.version(), "iow", "beiIklmnostR", "beIklov");
        List<String> tokens = new ArrayList<>(isupport(c));
        String fileHost = ctx.state().fileHost();
        if (fileHost != null && c.uploads().who() != chatroom.core.upload.UploadPolicy.Who.OFF) {
            // https://github.com/progval/ircv3-specifications/blob/filehost/extensions/filehost.md
            tokens.add("draft/FILEHOST=" + fileHost);
        }
        for (int i = 0; i < tokens.size(); i += 12) {
            List<String> line = new ArrayList<>(tokens.subList(i, Math.min(tokens.size(), i + 12)));
            line.add("are supported by this server");
            ctx.reply(Numeric.RPL_ISUPPORT, line.toArray(String[]::new));
        }
        InfoCommands.lusers(ctx);
        InfoCommands.sendMotd(ctx);
    }

    /** RPL_ISUPPORT tokens; each one is implemented (https://modern.ircdocs.horse/#rplisupport-005). */
    static List<String> isupport(ServerConfig c) {
        return List.of(
                // https://ircv3.net/specs/extensions/account-extban: $a:<account> in +b, +e and +I
                "ACCOUNTEXTBAN=a",
                "AWAYLEN=" + c.awayLength(),
                "CASEMAPPING=" + CaseMapping.ISUPPORT_NAME,
                "CHANLIMIT=#:" + c.maxChannelsPerUser(),
                "CHANMODES=beI,k,l,imnstR",
                "CHANNELLEN=" + c.channelLength(),
                "CHANTYPES=#",
                "CHATHISTORY=" + c.chathistoryLimit(),
                "ELIST=MNU",
                "EXCEPTS=e",
                "EXTBAN=$,a",
                "HOSTLEN=64",
                "INVEX=I",
                "KICKLEN=" + c.kickLength(),
                "MAXLIST=beI:" + ModeCommand.MAX_BANS,
                "MAXTARGETS=" + c.maxTargets(),
                "MSGREFTYPES=msgid,timestamp",
                "MODES=" + ModeCommand.MAX_MODES,
                "NETWORK=" + c.networkName(),
                "NICKLEN=" + c.nickLength(),
                "PREFIX=(ov)@+",
                "TARGMAX=JOIN:,KICK:" + c.maxTargets() + ",NAMES:1,NOTICE:" + c.maxTargets() + ",PART:,PRIVMSG:"
                        + c.maxTargets()
                        + ",WHOIS:1",
                "TOPICLEN=" + c.topicLength(),
                "USERLEN=" + USER_LENGTH,
                "UTF8ONLY");
    }
}
