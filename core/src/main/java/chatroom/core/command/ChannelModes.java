package chatroom.core.command;

import chatroom.core.room.ListEntry;
import chatroom.core.room.Mask;
import chatroom.core.room.Membership;
import chatroom.core.room.Room;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Channel modes (CHANMODES=beI,k,l,imnstR, PREFIX=(ov)@+): query with RPL_CHANNELMODEIS and RPL_CREATIONTIME, list
 * bans (+b), ban exceptions (+e) and invite exceptions (+I), and changes by operators. Valid changes apply; one MODE
 * line with what actually changed goes to every member, and a registered room's new state is queued for the store.
 */
final class ChannelModes {
    private ChannelModes() {}

    static void query(Context ctx, Room room) {
        List<String> modes = room.modeParams(room.has(ctx.user()));
        List<String> params = new ArrayList<>();
        params.add(room.name().display());
        params.addAll(modes);
        ctx.reply(Numeric.RPL_CHANNELMODEIS, params.toArray(String[]::new));
        ctx.reply(
                Numeric.RPL_CREATIONTIME,
                room.name().display(),
                Long.toString(room.createdAt().getEpochSecond()));
    }

    static void change(Context ctx, Room room) {
        User me = ctx.user();
        String name = room.name().display();
        String modeString = ctx.param(1);
        if (isListQuery(ctx, modeString)) {
            list(ctx, room, modeString.charAt(modeString.length() - 1));
            return;
        }
        boolean op = room.isOp(me);
        if (!op) {
            ctx.reply(
                    room.has(me) ? Numeric.ERR_CHANOPRIVSNEEDED : Numeric.ERR_NOTONCHANNEL,
                    name,
                    room.has(me) ? "You're not channel operator" : "You're not on that channel");
            return;
        }
        Changes changes = new Changes();
        int argIndex = 2;
        int withArgs = 0;
        boolean adding = true;
        for (int i = 0; i < modeString.length(); i++) {
            char c = modeString.charAt(i);
            if (c == '+' || c == '-') {
                adding = c == '+';
                continue;
            }
            boolean isList = Room.LIST_MODES.indexOf(c) >= 0;
            boolean takesArg = c == 'o' || c == 'v' || isList || c == 'k' || (c == 'l' && adding);
            String arg = null;
            if (takesArg) {
                if (argIndex >= ctx.paramCount()) {
                    if (isList) {
                        list(ctx, room, c);
                    } else if (c != 'k') {
                        ctx.reply(Numeric.ERR_NEEDMOREPARAMS, "MODE", "Not enough parameters");
                    } else if (!adding && room.key() != null) {
                        room.key(null);
                        changes.add(false, 'k', "*");
                    }
                    continue;
                }
                if (++withArgs > ModeCommand.MAX_MODES) {
                    break;
                }
                arg = ctx.param(argIndex++);
            }
            apply(ctx, room, changes, adding, c, arg);
        }
        if (!changes.isEmpty()) {
            List<String> params = new ArrayList<>();
            params.add(name);
            params.add(changes.flags.toString());
            params.addAll(changes.args);
            IrcMessage mode = ctx.stamped(me.mask(), "MODE", params.toArray(String[]::new));
            ctx.recordInRoom(room, mode);
            ctx.deliver(room.sessions(), mode);
            ctx.state().roomChanged(room);
        }
    }

    private static boolean isListQuery(Context ctx, String modeString) {
        String m = modeString.startsWith("+") ? modeString.substring(1) : modeString;
        return ctx.paramCount() == 2 && m.length() == 1 && Room.LIST_MODES.contains(m);
    }

    private static void apply(Context ctx, Room room, Changes changes, boolean adding, char c, @Nullable String arg) {
        String name = room.name().display();
        switch (c) {
            case 'i' -> flag(changes, adding, c, room.inviteOnly(), () -> room.inviteOnly(adding));
            case 'm' -> flag(changes, adding, c, room.moderated(), () -> room.moderated(adding));
            case 'R' -> flag(changes, adding, c, room.registeredOnly(), () -> room.registeredOnly(adding));
            case 'n' -> flag(changes, adding, c, room.noExternal(), () -> room.noExternal(adding));
            case 's' -> flag(changes, adding, c, room.secret(), () -> room.secret(adding));
            case 't' -> flag(changes, adding, c, room.topicLocked(), () -> room.topicLocked(adding));
            case 'o', 'v' -> member(ctx, room, changes, adding, c, arg == null ? "" : arg);
            case 'b', 'e', 'I' -> listEntry(ctx, room, changes, adding, c, arg == null ? "" : arg);
            case 'k' -> key(ctx, room, changes, adding, arg == null ? "" : arg);
            case 'l' -> limit(ctx, room, changes, adding, arg);
            default -> ctx.reply(Numeric.ERR_UNKNOWNMODE, String.valueOf(c), "is unknown mode char to me for " + name);
        }
    }

    private static void flag(Changes changes, boolean adding, char c, boolean current, Runnable set) {
        if (current != adding) {
            set.run();
            changes.add(adding, c, null);
        }
    }

    private static void member(Context ctx, Room room, Changes changes, boolean adding, char c, String nick) {
        User target = ctx.state().user(nick);
        if (target == null) {
            ctx.reply(Numeric.ERR_NOSUCHNICK, nick, "No such nick/channel");
            return;
        }
        Membership m = room.membership(target);
        if (m == null) {
            ctx.reply(
                    Numeric.ERR_USERNOTINCHANNEL,
                    target.nick().display(),
                    room.name().display(),
                    "They aren't on that channel");
            return;
        }
        boolean current = c == 'o' ? m.op() : m.voice();
        if (current == adding) {
            return;
        }
        if (c == 'o') {
            m.op(adding);
        } else {
            m.voice(adding);
        }
        changes.add(adding, c, target.nick().display());
    }

    /** Adds or removes a mask (or {@code $a:account}) on the +b, +e or +I list; the three share MAXLIST. */
    private static void listEntry(Context ctx, Room room, Changes changes, boolean adding, char c, String raw) {
        String mask = Mask.normalize(raw);
        if (mask == null) {
            ctx.reply(Numeric.ERR_INVALIDMODEPARAM, room.name().display(), String.valueOf(c), raw, "Invalid mask");
            return;
        }
        List<ListEntry> entries = room.list(c);
        String folded = CaseMapping.fold(mask);
        int existing = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (CaseMapping.fold(entries.get(i).mask()).equals(folded)) {
                existing = i;
            }
        }
        if (adding && existing < 0) {
            if (room.listEntries() >= ModeCommand.MAX_BANS) {
                ctx.reply(Numeric.ERR_BANLISTFULL, room.name().display(), String.valueOf(c), "Channel list is full");
                return;
            }
            entries.add(new ListEntry(mask, ctx.user().mask(), ctx.state().now()));
            changes.add(true, c, mask);
        } else if (!adding && existing >= 0) {
            changes.add(false, c, entries.remove(existing).mask());
        }
    }

    private static void key(Context ctx, Room room, Changes changes, boolean adding, String key) {
        if (!adding) {
            if (room.key() != null) {
                room.key(null);
                changes.add(false, 'k', "*");
            }
            return;
        }
        if (key.isEmpty() || key.indexOf(' ') >= 0 || key.indexOf(',') >= 0 || key.length() > 32) {
            // the key itself is not echoed: it may contain spaces or be empty (modern.ircdocs.horse
            // ERR_INVALIDMODEPARAM)
            ctx.reply(Numeric.ERR_INVALIDMODEPARAM, room.name().display(), "k", "*", "Invalid key");
            return;
        }
        room.key(key);
        changes.add(true, 'k', key);
    }

    private static void limit(Context ctx, Room room, Changes changes, boolean adding, @Nullable String arg) {
        if (!adding) {
            if (room.limit() > 0) {
                room.limit(0);
                changes.add(false, 'l', null);
            }
            return;
        }
        int n;
        try {
            n = Integer.parseInt(arg == null ? "" : arg);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n <= 0) {
            String shown = arg == null || arg.isEmpty() || arg.indexOf(' ') >= 0 ? "*" : arg;
            ctx.reply(Numeric.ERR_INVALIDMODEPARAM, room.name().display(), "l", shown, "Invalid limit");
            return;
        }
        if (room.limit() != n) {
            room.limit(n);
            changes.add(true, 'l', Integer.toString(n));
        }
    }

    /** The entries of list {@code mode} with who set each and when (https://modern.ircdocs.horse/#rplbanlist-367). */
    static void list(Context ctx, Room room, char mode) {
        String name = room.name().display();
        Numeric entry = switch (mode) {
            case 'e' -> Numeric.RPL_EXCEPTLIST;
            case 'I' -> Numeric.RPL_INVEXLIST;
            default -> Numeric.RPL_BANLIST;
        };
        for (ListEntry b : room.list(mode)) {
            ctx.reply(entry, name, b.mask(), b.setBy(), Long.toString(b.setAt().getEpochSecond()));
        }
        switch (mode) {
            case 'e' -> ctx.reply(Numeric.RPL_ENDOFEXCEPTLIST, name, "End of channel exception list");
            case 'I' -> ctx.reply(Numeric.RPL_ENDOFINVEXLIST, name, "End of channel invite exception list");
            default -> ctx.reply(Numeric.RPL_ENDOFBANLIST, name, "End of channel ban list");
        }
    }

    /** What actually changed, as one mode string with its arguments. */
    private static final class Changes {
        final StringBuilder flags = new StringBuilder();
        final List<String> args = new ArrayList<>();
        private char sign;

        void add(boolean adding, char c, @Nullable String arg) {
            char s = adding ? '+' : '-';
            if (s != sign) {
                flags.append(s);
                sign = s;
            }
            flags.append(c);
            if (arg != null) {
                args.add(arg);
            }
        }

        boolean isEmpty() {
            return flags.isEmpty();
        }
    }
}
