package chatroom.core.user;

import chatroom.core.room.Room;
import chatroom.protocol.Nick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A registered person: nick, identity and modes, and the rooms they are in. Owned by the hub. */
public final class User {
    private Nick nick;
    private final String username;
    private String realname;
    private final String host;
    private final Instant signedOnAt;
    private Instant lastSpokeAt;
    private Instant nickSince;
    private boolean invisible;
    private boolean oper;
    private boolean wallops;
    private boolean borrowedNick;
    private @Nullable String away;
    private @Nullable String account;
    private Instant accountSince = Instant.EPOCH;
    /** Made on the first join and dropped after the last part: most connections of a big server idle in no room. */
    private @Nullable Set<Room> rooms;

    private final List<Session> sessions = new ArrayList<>(1);

    public User(Nick nick, String username, String realname, String host, Instant signedOnAt) {
        this.nick = nick;
        this.username = username;
        this.realname = realname;
        this.host = host;
        this.signedOnAt = signedOnAt;
        this.lastSpokeAt = signedOnAt;
        this.nickSince = signedOnAt;
    }

    public Nick nick() {
        return nick;
    }

    /** Renames; {@code at} starts the time from which this person may read the nick's whispers back. */
    public void nick(Nick n, Instant at) {
        nick = n;
        nickSince = at;
    }

    /**
     * When this person took the current nick. Until accounts exist, a nick is the only identity, so whisper history
     * before this moment belongs to someone else (ergo's history cutoff for unregistered clients).
     */
    public Instant nickSince() {
        return nickSince;
    }

    public String username() {
        return username;
    }

    public String realname() {
        return realname;
    }

    public void realname(String r) {
        realname = r;
    }

    public String host() {
        return host;
    }

    /** True while this person uses a nick registered to an account they are not logged in to (grace period). */
    public boolean borrowedNick() {
        return borrowedNick;
    }

    public void borrowedNick(boolean b) {
        borrowedNick = b;
    }

    /** The account this person is logged in to, or null. */
    public @Nullable String account() {
        return account;
    }

    public void account(@Nullable String a, Instant createdAt) {
        account = a;
        accountSince = createdAt;
    }

    /**
     * From when this person may read back whispers to and from their nick: since their account was registered when
     * the nick is their account's (nick protection keeps it theirs), otherwise since they took the nick.
     */
    public Instant whispersSince() {
        return account != null && chatroom.protocol.CaseMapping.fold(account).equals(nick.folded())
                ? accountSince
                : nickSince;
    }

    /** {@code nick!user@host}, the source of everything this user says. */
    public String mask() {
        return nick.display() + "!" + username + "@" + host;
    }

    public Instant signedOnAt() {
        return signedOnAt;
    }

    public Instant lastSpokeAt() {
        return lastSpokeAt;
    }

    public void spoke(Instant at) {
        lastSpokeAt = at;
    }

    public boolean invisible() {
        return invisible;
    }

    public void invisible(boolean v) {
        invisible = v;
    }

    public boolean oper() {
        return oper;
    }

    public void oper(boolean v) {
        oper = v;
    }

    public boolean wallops() {
        return wallops;
    }

    public void wallops(boolean v) {
        wallops = v;
    }

    public @Nullable String away() {
        return away;
    }

    public void away(@Nullable String message) {
        away = message;
    }

    /** The rooms this person is in, in joining order (read-only: {@link Room#add} and {@link Room#remove}). */
    public Set<Room> rooms() {
        Set<Room> r = rooms;
        return r == null ? Set.of() : Collections.unmodifiableSet(r);
    }

    /** Called by {@link Room#add}. */
    public void joined(Room r) {
        Set<Room> in = rooms;
        if (in == null) {
            in = new LinkedHashSet<>();
            rooms = in;
        }
        in.add(r);
    }

    /** Called by {@link Room#remove}. */
    public void left(Room r) {
        Set<Room> in = rooms;
        if (in != null && in.remove(r) && in.isEmpty()) {
            rooms = null;
        }
    }

    /** This person's connections, in the order they came (read-only: {@link #attach} and {@link #detach}). */
    public List<Session> sessions() {
        return Collections.unmodifiableList(sessions);
    }

    /** Another connection of this person; every room they are in delivers to it from now on. */
    public void attach(Session s) {
        sessions.add(s);
        roomsChanged();
    }

    /** A connection of this person closed. */
    public void detach(Session s) {
        sessions.remove(s);
        roomsChanged();
    }

    private void roomsChanged() {
        Set<Room> in = rooms;
        if (in != null) {
            in.forEach(Room::sessionsChanged);
        }
    }

    public String modeString() {
        StringBuilder sb = new StringBuilder("+");
        if (invisible) {
            sb.append('i');
        }
        if (oper) {
            sb.append('o');
        }
        if (wallops) {
            sb.append('w');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return nick.display();
    }
}
