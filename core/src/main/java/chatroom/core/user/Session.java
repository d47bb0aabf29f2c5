package chatroom.core.user;

import chatroom.core.Connection;
import chatroom.core.account.SaslExchange;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One connection: its negotiated capabilities, registration progress and flood budget. A {@link User} is the
 * identity behind it (STYLE.md §5.3). Owned by the hub.
 */
public final class Session {
    private final long id;
    private final Connection connection;
    private final Instant connectedAt;
    private final Set<Capability> caps = EnumSet.noneOf(Capability.class);
    private final List<String> autoJoin;
    private final FloodBudget flood;
    private boolean capNegotiating;
    private int capVersion = 301;
    private @Nullable String password;
    private @Nullable String pendingNick;
    private @Nullable String attemptedNick;
    private @Nullable String clearedNick;
    private @Nullable String username;
    private @Nullable String realname;
    private @Nullable User user;
    private boolean closed;
    private @Nullable String account;
    private Instant accountSince = Instant.EPOCH;
    private @Nullable SaslExchange sasl;
    private boolean suspended;
    /** Made when first needed: most sessions never wait for offloaded work. */
    private java.util.@Nullable ArrayDeque<chatroom.protocol.IrcMessage> backlog;

    public Session(long id, Connection connection, Instant connectedAt, List<String> autoJoin, FloodBudget flood) {
        this.id = id;
        this.connection = connection;
        this.connectedAt = connectedAt;
        this.autoJoin = List.copyOf(autoJoin);
        this.flood = flood;
    }

    public long id() {
        return id;
    }

    public Connection connection() {
        return connection;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public Set<Capability> caps() {
        return caps;
    }

    public boolean has(Capability c) {
        return caps.contains(c);
    }

    public List<String> autoJoin() {
        return autoJoin;
    }

    public FloodBudget flood() {
        return flood;
    }

    public boolean capNegotiating() {
        return capNegotiating;
    }

    public void capNegotiating(boolean v) {
        capNegotiating = v;
    }

    public int capVersion() {
        return capVersion;
    }

    public void capVersion(int v) {
        capVersion = v;
    }

    public @Nullable String password() {
        return password;
    }

    public void password(@Nullable String p) {
        password = p;
    }

    public @Nullable String pendingNick() {
        return pendingNick;
    }

    public void pendingNick(@Nullable String n) {
        pendingNick = n;
    }

    /** The last nick asked for while connecting, taken or not: what {@code REGISTER *} means before registration. */
    public @Nullable String attemptedNick() {
        return attemptedNick;
    }

    public void attemptedNick(@Nullable String n) {
        attemptedNick = n;
    }

    /** The nick last found free to use by this connection (no account, or this connection's own). */
    public @Nullable String clearedNick() {
        return clearedNick;
    }

    public void clearedNick(@Nullable String n) {
        clearedNick = n;
    }

    public @Nullable String username() {
        return username;
    }

    public @Nullable String realname() {
        return realname;
    }

    public void userInfo(String username, String realname) {
        this.username = username;
        this.realname = realname;
    }

    public @Nullable User user() {
        return user;
    }

    public void user(@Nullable User u) {
        user = u;
    }

    public boolean registered() {
        return user != null;
    }

    /**
     * True while one of this session's commands waits for offloaded work; later lines wait in the backlog so the
     * client sees replies in the order it sent commands.
     */
    public boolean suspended() {
        return suspended;
    }

    public void suspended(boolean v) {
        suspended = v;
    }

    /** Lines waiting while {@link #suspended()}: {@link #pollBacklog()} takes them in order. */
    public int backlogSize() {
        return backlog == null ? 0 : backlog.size();
    }

    public void addToBacklog(chatroom.protocol.IrcMessage m) {
        if (backlog == null) {
            backlog = new java.util.ArrayDeque<>();
        }
        backlog.add(m);
    }

    /** The oldest waiting line, or null; the backlog is let go once empty. */
    public chatroom.protocol.@Nullable IrcMessage pollBacklog() {
        if (backlog == null) {
            return null;
        }
        chatroom.protocol.IrcMessage m = backlog.poll();
        if (backlog.isEmpty()) {
            backlog = null;
        }
        return m;
    }

    /** The account this connection logged in to (SASL, REGISTER, NickServ), or null. */
    public @Nullable String account() {
        return account;
    }

    /** Logs in to {@code a}, an account registered at {@code createdAt}. */
    public void account(String a, Instant createdAt) {
        account = a;
        accountSince = createdAt;
    }

    /** When the logged-in account was registered. */
    public Instant accountSince() {
        return accountSince;
    }

    /** The SASL exchange in progress, else null. */
    public @Nullable SaslExchange sasl() {
        return sasl;
    }

    public void sasl(@Nullable SaslExchange x) {
        sasl = x;
    }

    public boolean closed() {
        return closed;
    }

    public void markClosed() {
        closed = true;
    }

    /** The nick to address replies to: the user's, the one asked for, or {@code *} (modern.ircdocs.horse). */
    public String replyNick() {
        if (user != null) {
            return user.nick().display();
        }
        return pendingNick != null ? pendingNick : "*";
    }

    @Override
    public String toString() {
        return "session#" + id + "(" + replyNick() + ")";
    }
}
