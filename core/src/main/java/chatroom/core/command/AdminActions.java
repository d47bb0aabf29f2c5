package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.ban.Kline;
import chatroom.core.ban.KlineStore;
import chatroom.core.ban.Klines;
import chatroom.core.history.Conversation;
import chatroom.core.room.Room;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.ServerTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server operator does from outside IRC (the web dashboard): remove someone from a room, K-line a nick or mask,
 * empty a room. Every method runs on the hub, like a command; the server is the source of each event. It sits beside
 * the commands because it reuses their quit and K-line steps (package-private there).
 */
public final class AdminActions {
    private static final Logger log = LoggerFactory.getLogger(AdminActions.class);

    private final Dispatcher dispatcher;

    /** What came of an action: done or not, and a sentence for the operator. */
    public record Outcome(boolean done, String text) {}

    public AdminActions(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Removes {@code nick} from {@code room}; the room's members (the victim too) see a KICK with {@code reason}. */
    public Outcome kick(String room, String nick, String reason) {
        ServerState st = dispatcher.state();
        Room r = st.room(room);
        if (r == null) {
            return new Outcome(false, "No such room: " + room);
        }
        User victim = st.user(nick);
        if (victim == null || !r.has(victim)) {
            return new Outcome(false, nick + " is not in " + r.name().display());
        }
        remove(st, r, victim, reason);
        st.dropIfEmpty(r);
        st.outbox().flush();
        return new Outcome(
                true, victim.nick().display() + " removed from " + r.name().display());
    }

    /** Removes every member of {@code room} with {@code reason}; the room goes if it is not registered. */
    public Outcome closeRoom(String room, String reason) {
        ServerState st = dispatcher.state();
        Room r = st.room(room);
        if (r == null) {
            return new Outcome(false, "No such room: " + room);
        }
        List<User> members = List.copyOf(r.members().keySet());
        for (User u : members) {
            remove(st, r, u, reason);
        }
        st.dropIfEmpty(r);
        st.outbox().flush();
        return new Outcome(true, members.size() + " removed from " + r.name().display());
    }

    /**
     * K-lines {@code target} (a mask as for {@code KLINE}, or an online nick: their address) for {@code lifetime} (zero:
     * permanent), disconnects whoever matches with the reason, and stores the K-line off the hub.
     */
    public Outcome kline(String target, String reason, Duration lifetime, String setBy) {
        ServerState st = dispatcher.state();
        User online = target.matches("[^!@$.:*?]+") ? st.user(target) : null;
        String mask = online != null ? "*!*@" + online.host() : Klines.normalize(target);
        if (mask == null) {
            return new Outcome(false, "Not a mask: " + target + " (user@host, nick!user@host, a host, or $a:account)");
        }
        if (mask.equals("*!*@*")) {
            return new Outcome(false, "Refusing to K-line " + mask + ": it matches everyone");
        }
        Instant now = st.now();
        Kline k = new Kline(mask, reason, setBy, now, lifetime.isZero() ? null : now.plus(lifetime));
        st.klines().put(k);
        KlineStore store = st.klineStore();
        st.offload().call(() -> KlineCommands.saved(() -> store.put(k)), saved -> {
            if (!saved) {
                log.warn("K-line on {} NOT saved: the store is unavailable, it lasts until restart", mask);
            }
        });
        int gone = 0;
        for (User u : List.copyOf(st.users())) {
            Kline hit = KlineCommands.banning(st, u.mask(), u.account());
            if (hit != null) {
                gone++;
                for (Session s : List.copyOf(u.sessions())) {
                    KlineCommands.refuse(st, s, hit);
                    QuitCommand.quit(new Context(dispatcher, s, IrcMessage.of("KILL")), "K-Lined", false);
                }
            }
        }
        st.outbox().flush();
        log.info("K-line on {} added by {} ({}); {} disconnected", mask, setBy, reason, gone);
        return new Outcome(
                true,
                "K-line on " + mask + " added (" + reason + "), "
                        + (k.expiresAt() == null ? "permanent" : "expires " + k.expiresAt()) + "; " + gone
                        + " disconnected");
    }

    private static void remove(ServerState st, Room r, User victim, String reason) {
        String server = st.config().serverName();
        IrcMessage kick = new IrcMessage(
                Map.of("time", ServerTime.format(st.eventTime()), "msgid", st.nextMessageId()),
                server,
                "KICK",
                List.of(r.name().display(), victim.nick().display(), reason));
        st.history().record(Conversation.room(r.name().folded()), CaseMapping.fold(server), kick, null);
        st.outbox().sendAll(r.sessions(), kick);
        r.remove(victim);
    }
}
