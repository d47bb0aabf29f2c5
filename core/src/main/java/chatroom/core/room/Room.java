package chatroom.core.room;

import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.ChannelName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A room (IRC channel): members with status, topic, modes, the ban (+b), ban-exception (+e) and invite-exception
 * (+I) lists, pending invites, and its registration if it has one. Owned by the hub.
 */
public final class Room {
    /** The list modes, in ISUPPORT order ({@code CHANMODES=beI,...}). */
    public static final String LIST_MODES = "beI";

    private final ChannelName name;
    private final Instant createdAt;
    private final Map<User, Membership> members = new LinkedHashMap<>();
    private final List<ListEntry> bans = new ArrayList<>();
    private final List<ListEntry> exceptions = new ArrayList<>();
    private final List<ListEntry> inviteExceptions = new ArrayList<>();
    private final Set<String> invited = new HashSet<>();
    private String topic = "";
    private String topicSetBy = "";
    private Instant topicSetAt;
    private boolean inviteOnly;
    private boolean moderated;
    private boolean registeredOnly;
    private boolean noExternal = true;
    private boolean topicLocked = true;
    private boolean secret;
    private @Nullable String key;
    private int limit;
    private @Nullable Registration registration;
    /** The members' connections, built on first use after a change: a message to the room reads it, never copies it. */
    private @Nullable List<Session> sessions;

    public Room(ChannelName name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
        this.topicSetAt = createdAt;
    }

    public ChannelName name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Map<User, Membership> members() {
        return members;
    }

    public boolean has(User u) {
        return members.containsKey(u);
    }

    public @Nullable Membership membership(User u) {
        return members.get(u);
    }

    public boolean isOp(User u) {
        Membership m = members.get(u);
        return m != null && m.op();
    }

    public boolean canSpeak(User u) {
        Membership m = members.get(u);
        if (m == null) {
            return !noExternal && !moderated && !isBanned(u);
        }
        if (m.op() || m.voice()) {
            return true;
        }
        return !moderated && !isBanned(u);
    }

    public JoinResult checkJoin(User u, @Nullable String givenKey) {
        if (members.containsKey(u)) {
            return new JoinResult.AlreadyMember();
        }
        if (registration != null && registration.levelOf(u.account()) == 'o') {
            // as in Ergo: the founder and operators by the access list are let past +k, +l, +i and +b
            return new JoinResult.Allowed();
        }
        boolean wasInvited = invited.contains(u.nick().folded());
        if (key != null && !key.equals(givenKey) && !wasInvited) {
            return new JoinResult.Rejected(JoinError.BAD_KEY);
        }
        if (limit > 0 && members.size() >= limit && !wasInvited) {
            return new JoinResult.Rejected(JoinError.FULL);
        }
        if (inviteOnly && !wasInvited && !matchesAny(inviteExceptions, u)) {
            return new JoinResult.Rejected(JoinError.INVITE_ONLY);
        }
        if (isBanned(u) && !wasInvited) {
            return new JoinResult.Rejected(JoinError.BANNED);
        }
        if (registeredOnly && u.account() == null && !wasInvited) {
            return new JoinResult.Rejected(JoinError.REGISTERED_ONLY);
        }
        return new JoinResult.Allowed();
    }

    public void add(User u, boolean op) {
        Membership m = new Membership();
        m.op(op);
        members.put(u, m);
        invited.remove(u.nick().folded());
        u.joined(this);
        sessions = null;
    }

    public void remove(User u) {
        members.remove(u);
        u.left(this);
        sessions = null;
    }

    /**
     * Every connection of every member, in joining order: an immutable list, the same one until someone joins, leaves,
     * or a member's connections change, so the outbox may keep it.
     */
    public List<Session> sessions() {
        List<Session> s = sessions;
        if (s == null) {
            List<Session> all = new ArrayList<>(members.size());
            for (User u : members.keySet()) {
                all.addAll(u.sessions());
            }
            s = List.copyOf(all);
            sessions = s;
        }
        return s;
    }

    /** A member's connections changed ({@link User#attach}, {@link User#detach}). */
    public void sessionsChanged() {
        sessions = null;
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** On the ban list and not on the exception list (+e overrides +b). */
    public boolean isBanned(User u) {
        return matchesAny(bans, u) && !matchesAny(exceptions, u);
    }

    private static boolean matchesAny(List<ListEntry> list, User u) {
        String subject = u.mask();
        for (ListEntry e : list) {
            if (Mask.matches(e.mask(), subject, u.account())) {
                return true;
            }
        }
        return false;
    }

    /** The list for mode {@code b}, {@code e} or {@code I}. */
    public List<ListEntry> list(char mode) {
        return switch (mode) {
            case 'b' -> bans;
            case 'e' -> exceptions;
            case 'I' -> inviteExceptions;
            default -> throw new IllegalArgumentException("not a list mode: " + mode);
        };
    }

    /** Entries on all three lists together (ISUPPORT {@code MAXLIST=beI:n} bounds the sum). */
    public int listEntries() {
        return bans.size() + exceptions.size() + inviteExceptions.size();
    }

    /** The room's registration (owner and access list), or null when nobody registered it. */
    public @Nullable Registration registration() {
        return registration;
    }

    public void registration(@Nullable Registration r) {
        registration = r;
    }

    public boolean isInvited(String foldedNick) {
        return invited.contains(foldedNick);
    }

    public void invite(String foldedNick) {
        invited.add(foldedNick);
    }

    public void renamed(String oldFolded, String newFolded) {
        if (invited.remove(oldFolded)) {
            invited.add(newFolded);
        }
    }

    public String topic() {
        return topic;
    }

    public String topicSetBy() {
        return topicSetBy;
    }

    public Instant topicSetAt() {
        return topicSetAt;
    }

    public void topic(String text, String by, Instant at) {
        topic = text;
        topicSetBy = by;
        topicSetAt = at;
    }

    public boolean inviteOnly() {
        return inviteOnly;
    }

    public void inviteOnly(boolean v) {
        inviteOnly = v;
    }

    /** +R: joining needs an account. */
    public boolean registeredOnly() {
        return registeredOnly;
    }

    public void registeredOnly(boolean v) {
        registeredOnly = v;
    }

    public boolean moderated() {
        return moderated;
    }

    public void moderated(boolean v) {
        moderated = v;
    }

    public boolean noExternal() {
        return noExternal;
    }

    public void noExternal(boolean v) {
        noExternal = v;
    }

    public boolean topicLocked() {
        return topicLocked;
    }

    public void topicLocked(boolean v) {
        topicLocked = v;
    }

    public boolean secret() {
        return secret;
    }

    public void secret(boolean v) {
        secret = v;
    }

    public @Nullable String key() {
        return key;
    }

    public void key(@Nullable String k) {
        key = k;
    }

    public int limit() {
        return limit;
    }

    public void limit(int l) {
        limit = l;
    }

    /** The flag modes that are set, as letters ({@code imnstR} order of {@link #modeParams}). */
    public String flags() {
        return modeParams(false).getFirst().substring(1).replace("k", "").replace("l", "");
    }

    /** Sets the flag modes from letters; any of {@code imRnst} missing is unset. */
    public void flags(String letters) {
        inviteOnly = letters.indexOf('i') >= 0;
        moderated = letters.indexOf('m') >= 0;
        registeredOnly = letters.indexOf('R') >= 0;
        noExternal = letters.indexOf('n') >= 0;
        secret = letters.indexOf('s') >= 0;
        topicLocked = letters.indexOf('t') >= 0;
    }

    /** What is kept of this registered room; call only when {@link #registration()} is set. */
    public RegisteredRoom snapshot() {
        Registration r = java.util.Objects.requireNonNull(registration, "registered room");
        List<RegisteredRoom.Listed> lists = new ArrayList<>();
        for (int i = 0; i < LIST_MODES.length(); i++) {
            char mode = LIST_MODES.charAt(i);
            for (ListEntry e : list(mode)) {
                lists.add(new RegisteredRoom.Listed(mode, e));
            }
        }
        return new RegisteredRoom(
                name.display(),
                r.founder(),
                r.registeredAt(),
                topic,
                topicSetBy,
                topicSetAt,
                flags(),
                key,
                limit,
                lists,
                List.copyOf(r.access()),
                r.uploads());
    }

    /** A registered room as it was kept; it exists without members. */
    public static Room restore(ChannelName name, RegisteredRoom kept) {
        Room room = new Room(name, kept.registeredAt());
        Registration r = new Registration(kept.founder(), kept.registeredAt());
        for (Registration.Access a : kept.access()) {
            r.grant(a.account(), a.level());
        }
        r.uploads(kept.uploads());
        room.registration = r;
        room.topic(kept.topic(), kept.topicSetBy(), kept.topicSetAt());
        room.flags(kept.flags());
        room.key = kept.key();
        room.limit = kept.limit();
        for (RegisteredRoom.Listed l : kept.lists()) {
            room.list(l.mode()).add(l.entry());
        }
        return room;
    }

    /** Flag modes then parameters, e.g. {@code +ntkl secret 10}; parameters only for members. */
    public List<String> modeParams(boolean showParams) {
        StringBuilder flags = new StringBuilder("+");
        List<String> out = new ArrayList<>();
        out.add("");
        if (inviteOnly) {
            flags.append('i');
        }
        if (moderated) {
            flags.append('m');
        }
        if (registeredOnly) {
            flags.append('R');
        }
        if (noExternal) {
            flags.append('n');
        }
        if (secret) {
            flags.append('s');
        }
        if (topicLocked) {
            flags.append('t');
        }
        if (key != null) {
            flags.append('k');
            out.add(showParams ? key : "*");
        }
        if (limit > 0) {
            flags.append('l');
            out.add(Integer.toString(limit));
        }
        out.set(0, flags.toString());
        return out;
    }
}
