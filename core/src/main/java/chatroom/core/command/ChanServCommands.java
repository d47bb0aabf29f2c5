package chatroom.core.command;

import chatroom.core.account.AccountStore;
import chatroom.core.history.HistoryException;
import chatroom.core.room.Membership;
import chatroom.core.room.Registration;
import chatroom.core.room.Room;
import chatroom.core.upload.RoomUploads;
import chatroom.core.upload.UploadPolicy;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Room registration, Ergo/Atheme style: {@code PRIVMSG ChanServ :<command> ...}, {@code CS ...} or
 * {@code CHANSERV ...}; every answer is a NOTICE from ChanServ.
 *
 * <ul>
 *   <li>{@code REGISTER <#room>}: an operator of the room who is logged in makes their account its founder.
 *   <li>{@code DROP <#room>}: the founder (or a server operator) ends the registration.
 *   <li>{@code INFO <#room>}: founder, time of registration and settings.
 *   <li>{@code AMODE <#room> [+o|-o|+v|-v <account>]}: the access list (accounts given +o or +v on joining); without a
 *       change, lists it.
 *   <li>{@code SET <#room> UPLOADS default|everyone|registered|voiced|off}: who may share files in the room (see
 *       {@link RoomUploads}); by the founder, an operator by the access list or a server operator.
 * </ul>
 */
final class ChanServCommands {
    static final String CHANSERV = "ChanServ";
    private static final String HELP =
            "Commands: REGISTER <#room>, DROP <#room>, INFO <#room>, AMODE <#room> [+o|-o|+v|-v <account>], SET <#room>"
                    + " UPLOADS default|everyone|registered|voiced|off";
    private static final String SET_USAGE = "Usage: SET <#room> UPLOADS default|everyone|registered|voiced|off";

    private ChanServCommands() {}

    static void chanserv(Context ctx, String text) {
        List<String> words = new ArrayList<>(List.of(text.strip().split("\\s+")));
        String verb = words.isEmpty() ? "" : words.removeFirst().toUpperCase(Locale.ROOT);
        if (words.isEmpty() || !verb.matches("REGISTER|DROP|INFO|AMODE|SET")) {
            say(ctx, HELP);
            return;
        }
        String name = words.getFirst();
        Room room = ctx.state().room(name);
        switch (verb) {
            case "REGISTER" -> register(ctx, name, room);
            case "DROP" -> drop(ctx, name, room);
            case "INFO" -> info(ctx, name, room);
            case "SET" -> set(ctx, name, room, words);
            default -> amode(ctx, name, room, words);
        }
    }

    private static void register(Context ctx, String name, @Nullable Room room) {
        User me = ctx.user();
        String account = me.account();
        if (account == null) {
            say(ctx, "Log in to an account first (NickServ IDENTIFY or SASL); the room is registered to it");
        } else if (room == null || !room.isOp(me)) {
            say(ctx, "You must be an operator of " + name + " to register it");
        } else if (room.registration() != null) {
            say(ctx, room.name().display() + " is already registered");
        } else {
            room.registration(new Registration(account, ctx.state().now()));
            ctx.state().roomChanged(room);
            say(ctx, room.name().display() + " is now registered to " + account);
        }
    }

    private static void drop(Context ctx, String name, @Nullable Room room) {
        Registration reg = registration(ctx, name, room);
        if (room == null || reg == null) {
            return;
        }
        User me = ctx.user();
        if (!reg.isFounder(me.account()) && !me.oper()) {
            say(ctx, "Only the founder of " + room.name().display() + " or a server operator may drop it");
            return;
        }
        ctx.state().unregister(room);
        say(ctx, room.name().display() + " is no longer registered");
    }

    private static void info(Context ctx, String name, @Nullable Room room) {
        Registration reg = registration(ctx, name, room);
        if (room == null || reg == null) {
            return;
        }
        say(ctx, "Information on " + room.name().display() + ":");
        say(ctx, "Founder: " + reg.founder());
        say(ctx, "Registered: " + reg.registeredAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        say(ctx, "Uploads: " + reg.uploads().word() + " (" + reg.uploads().who() + ")");
    }

    private static void set(Context ctx, String name, @Nullable Room room, List<String> words) {
        Registration reg = registration(ctx, name, room);
        if (room == null || reg == null) {
            return;
        }
        RoomUploads rule =
                words.size() == 3 && words.get(1).equalsIgnoreCase("UPLOADS") ? RoomUploads.parse(words.get(2)) : null;
        if (rule == null) {
            say(ctx, SET_USAGE);
            return;
        }
        User me = ctx.user();
        String display = room.name().display();
        if (reg.levelOf(me.account()) != 'o' && !me.oper()) {
            say(
                    ctx,
                    "Only the founder of " + display + ", its operators by the access list or a server operator may"
                            + " change its settings");
            return;
        }
        reg.uploads(rule);
        ctx.state().roomChanged(room);
        UploadPolicy server = ctx.state().config().uploads();
        boolean off = server.who() == UploadPolicy.Who.OFF || ctx.state().fileHost() == null;
        say(
                ctx,
                "Files may now be shared in " + display + " by " + rule.who()
                        + (off ? " (file sharing is off on this server for now)" : ""));
    }

    private static void amode(Context ctx, String name, @Nullable Room room, List<String> words) {
        Registration reg = registration(ctx, name, room);
        if (room == null || reg == null) {
            return;
        }
        User me = ctx.user();
        String display = room.name().display();
        if (words.size() == 1) {
            if (!reg.isFounder(me.account()) && !me.oper() && !room.isOp(me) && reg.levelOf(me.account()) != 'o') {
                say(ctx, "You need operator status in " + display + " to see its access list");
                return;
            }
            say(ctx, "Access list of " + display + " (founder " + reg.founder() + "):");
            for (Registration.Access a : reg.access()) {
                say(ctx, "+" + a.level() + " " + a.account());
            }
            say(ctx, "End of access list (" + reg.access().size() + " entries)");
            return;
        }
        String change = words.get(1);
        if (words.size() != 3 || !change.matches("[+-][ov]")) {
            say(ctx, "Usage: AMODE <#room> [+o|-o|+v|-v <account>]");
            return;
        }
        if (!reg.isFounder(me.account()) && !me.oper()) {
            say(ctx, "Only the founder of " + display + " or a server operator may change its access list");
            return;
        }
        AccountStore accounts = ctx.state().accounts();
        String folded = CaseMapping.fold(words.get(2));
        ctx.offload(
                () -> {
                    try {
                        var a = accounts.find(folded);
                        return Optional.of(a == null ? "" : a.name());
                    } catch (HistoryException e) {
                        return Optional.<String>empty();
                    }
                },
                (c, found) -> {
                    if (found.isEmpty()) {
                        say(c, "Accounts are unavailable right now; try again later");
                    } else if (found.get().isEmpty()) {
                        say(c, "There is no account named " + words.get(2));
                    } else {
                        applyAmode(c, name, change.charAt(0) == '+', change.charAt(1), found.get());
                    }
                });
    }

    /** Back on the hub after the account lookup; the room may have been dropped meanwhile. */
    private static void applyAmode(Context ctx, String name, boolean adding, char level, String account) {
        Room room = ctx.state().room(name);
        Registration reg = registration(ctx, name, room);
        if (room == null || reg == null) {
            return;
        }
        String display = room.name().display();
        if (!adding) {
            say(
                    ctx,
                    reg.revoke(account, level)
                            ? account + " no longer gets +" + level + " in " + display
                            : account + " does not have +" + level + " in " + display);
            ctx.state().roomChanged(room);
            return;
        }
        if (!reg.grant(account, level)) {
            say(ctx, "The access list of " + display + " is full");
            return;
        }
        ctx.state().roomChanged(room);
        say(ctx, account + " now gets +" + level + " in " + display);
        for (User u : List.copyOf(room.members().keySet())) {
            if (u.account() != null && CaseMapping.fold(u.account()).equals(CaseMapping.fold(account))) {
                grant(ctx, room, u, level);
            }
        }
    }

    /** Gives a member +o or +v (if they lack it), announced as a MODE from ChanServ and kept in history. */
    static void grant(Context ctx, Room room, User u, char level) {
        Membership m = room.membership(u);
        if (m == null || (level == 'o' ? m.op() : m.voice())) {
            return;
        }
        if (level == 'o') {
            m.op(true);
        } else {
            m.voice(true);
        }
        IrcMessage mode = ctx.stamped(
                ctx.serviceMask(CHANSERV),
                "MODE",
                room.name().display(),
                "+" + level,
                u.nick().display());
        ctx.recordInRoom(room, mode);
        ctx.deliver(room.sessions(), mode);
    }

    /** The registration of a room, or null after telling the caller it is not registered. */
    private static @Nullable Registration registration(Context ctx, String name, @Nullable Room room) {
        Registration reg = room == null ? null : room.registration();
        User me = ctx.user();
        boolean hidden = room != null
                && room.secret()
                && !room.has(me)
                && !me.oper()
                && (reg == null || !reg.isFounder(me.account()));
        if (room == null || reg == null || hidden) {
            say(ctx, name + " is not registered");
            return null;
        }
        return reg;
    }

    /** A NOTICE from ChanServ to the caller. */
    private static void say(Context ctx, String text) {
        ctx.serviceNotice(CHANSERV, text);
    }
}
