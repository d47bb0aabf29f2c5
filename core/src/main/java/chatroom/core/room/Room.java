package chatroom.core.room;

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

/** A room (IRC channel): members with status, topic, modes, bans and pending invites. Owned by the hub. */
public final class Room {
    private final ChannelName name;
    private final Instant createdAt;
    private final Map<User, Membership> members = new LinkedHashMap<>();
    private final List<ListEntry> bans = new ArrayList<>();
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
        boolean wasInvited = invited.contains(u.nick().folded());
        if (key != null && !key.equals(givenKey) && !wasInvited) {
            return new JoinResult.Rejected(JoinError.BAD_KEY);
        }
        if (limit > 0 && members.size() >= limit && !wasInvited) {
            return new JoinResult.Rejected(JoinError.FULL);
        }
        if (inviteOnly && !wasInvited) {
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
        u.rooms().add(this);
    }

    public void remove(User u) {
        members.remove(u);
        u.rooms().remove(this);
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public boolean isBanned(User u) {
        String subject = u.mask();
        for (ListEntry b : bans) {
            if (Mask.matches(b.mask(), subject)) {
                return true;
            }
        }
        return false;
    }

    public List<ListEntry> bans() {
        return bans;
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
