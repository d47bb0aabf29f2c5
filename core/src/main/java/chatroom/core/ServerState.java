package chatroom.core;

import chatroom.core.account.AccountStore;
import chatroom.core.account.LoginThrottle;
import chatroom.core.ban.KlineStore;
import chatroom.core.ban.Klines;
import chatroom.core.history.DeliveryGate;
import chatroom.core.history.History;
import chatroom.core.room.RegisteredRoom;
import chatroom.core.room.Room;
import chatroom.core.room.RoomLog;
import chatroom.core.upload.UploadGrants;
import chatroom.core.upload.UploadStore;
import chatroom.core.user.Capability;
import chatroom.core.user.FloodBudget;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.ChannelName;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Everything the hub owns: sessions, users by folded nick, rooms by folded name, nick history. No locks. */
public final class ServerState {
    private final ServerConfig config;
    private final InstantSource clock;
    private final DeliveryGate outbox;
    private final History history;
    private final AccountStore accounts;
    private final KlineStore klineStore;
    private final Klines klines = new Klines();
    private final LoginThrottle loginThrottle;
    private final RoomLog roomLog;
    private final Offload offload;
    private final Instant startedAt;
    private final Map<Long, Session> sessions = new LinkedHashMap<>();
    private final Map<String, User> users = new HashMap<>();
    /** The same users by {@link Confusables#skeleton} of their nick: who a look-alike nick would collide with. */
    private final Map<String, User> bySkeleton = new HashMap<>();

    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Deque<WhowasEntry> whowas = new ArrayDeque<>();
    private long nextSessionId = 1;
    private long nextMessage;
    private final String messageIdPrefix;
    private int maxUsers;
    private Instant lastEventTime = Instant.EPOCH;
    private int tlsPort;
    private @Nullable String fileHost;
    private final UploadGrants uploadGrants = new UploadGrants();
    private final UploadStore uploads;

    /** A state whose history lives in memory and commits at once: for unit tests. */
    public ServerState(ServerConfig config, InstantSource clock, Outbox outbox, Offload offload) {
        this(config, clock, outbox, offload, Stores.inMemory());
        history.start(Runnable::run);
    }

    /**
     * Output goes to {@code outbox} once the events it follows are in the history log (DESIGN.md rule 2). The caller
     * starts the history ({@code history().start(hub)}) before the first command.
     */
    public ServerState(ServerConfig config, InstantSource clock, Outbox outbox, Offload offload, Stores stores) {
        this.accounts = stores.accounts();
        this.klineStore = stores.klines();
        this.roomLog = stores.rooms();
        this.uploads = stores.uploads();
        this.config = config;
        this.loginThrottle = new LoginThrottle(config.loginLimits());
        this.clock = clock;
        this.outbox = new DeliveryGate(outbox);
        this.history = new History(stores.history(), this.outbox, config.serverName());
        this.offload = offload;
        this.startedAt = clock.instant();
        this.messageIdPrefix = Long.toString(startedAt.toEpochMilli(), 36) + "-";
        Confusables.load(); // here, off the hub (STYLE.md §5)
    }

    /** Unique for this server's lifetime and across restarts (the start time prefixes a counter). */
    public String nextMessageId() {
        return messageIdPrefix + Long.toString(nextMessage++, 36);
    }

    /**
     * The time of a new event, in milliseconds and never earlier than the previous one, so history ordered by time
     * and by sequence agree even if the clock steps back.
     */
    public Instant eventTime() {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (now.isAfter(lastEventTime)) {
            lastEventTime = now;
        }
        return lastEventTime;
    }

    /** The port clients reach IRC over TLS on, once it listens (for the {@code sts} policy); 0 before or without. */
    public int tlsPort() {
        return tlsPort;
    }

    public void tlsPort(int port) {
        tlsPort = port;
    }

    /** Where files are uploaded (ISUPPORT {@code draft/FILEHOST}), once the HTTP port listens; null without one. */
    public @Nullable String fileHost() {
        return fileHost;
    }

    public void fileHost(@Nullable String url) {
        fileHost = url;
    }

    public UploadGrants uploadGrants() {
        return uploadGrants;
    }

    /** Shared files; blocking, so only for offloaded work. */
    public UploadStore uploads() {
        return uploads;
    }

    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    /** Registered accounts; blocking, so only for offloaded work. */
    public AccountStore accounts() {
        return accounts;
    }

    /** K-lines in force; loaded from {@link #klineStore()} at start, kept in step with it by the OPER commands. */
    public Klines klines() {
        return klines;
    }

    public KlineStore klineStore() {
        return klineStore;
    }

    public History history() {
        return history;
    }

    public ServerConfig config() {
        return config;
    }

    public InstantSource clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public Outbox outbox() {
        return outbox;
    }

    public Offload offload() {
        return offload;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Session connect(Connection connection, List<String> autoJoin) {
        Instant now = now();
        Session s = new Session(
                nextSessionId++,
                connection,
                now,
                autoJoin,
                new FloodBudget(config.floodBurst(), config.floodLinesPerSecond(), now));
        if (connection.protocol() == Connection.Protocol.PLAIN) {
            // the plain renderer shows every line with its time, and people expect to see what they said
            s.caps().add(Capability.SERVER_TIME);
            s.caps().add(Capability.ECHO_MESSAGE);
            // history comes framed in a batch, which the renderer marks as history
            s.caps().add(Capability.BATCH);
            s.caps().add(Capability.CHATHISTORY);
        }
        sessions.put(s.id(), s);
        return s;
    }

    public Collection<Session> sessions() {
        return sessions.values();
    }

    public void forget(Session s) {
        sessions.remove(s.id());
        s.markClosed();
    }

    public @Nullable User user(String nick) {
        return users.get(CaseMapping.fold(nick));
    }

    /** Whoever holds {@code nick} or a nick that looks the same ({@link Confusables}), or null. */
    public @Nullable User userLike(String nick) {
        User exact = user(nick);
        return exact != null ? exact : bySkeleton.get(Confusables.skeleton(nick));
    }

    public Collection<User> users() {
        return users.values();
    }

    public void addUser(User u) {
        users.put(u.nick().folded(), u);
        bySkeleton.put(Confusables.skeleton(u.nick().display()), u);
        maxUsers = Math.max(maxUsers, users.size());
    }

    public void removeUser(User u) {
        users.remove(u.nick().folded());
        bySkeleton.remove(Confusables.skeleton(u.nick().display()), u);
        whowas.addFirst(new WhowasEntry(u.nick().display(), u.username(), u.host(), u.realname(), now()));
        while (whowas.size() > config.whowasLength()) {
            whowas.removeLast();
        }
    }

    public void renameUser(User u, chatroom.protocol.Nick to) {
        users.remove(u.nick().folded());
        bySkeleton.remove(Confusables.skeleton(u.nick().display()), u);
        whowas.addFirst(new WhowasEntry(u.nick().display(), u.username(), u.host(), u.realname(), now()));
        for (Room r : u.rooms()) {
            r.renamed(u.nick().folded(), to.folded());
        }
        u.nick(to, now());
        users.put(to.folded(), u);
        bySkeleton.put(Confusables.skeleton(to.display()), u);
    }

    public Deque<WhowasEntry> whowas() {
        return whowas;
    }

    public int maxUsers() {
        return maxUsers;
    }

    public @Nullable Room room(String name) {
        return rooms.get(CaseMapping.fold(name));
    }

    public Collection<Room> rooms() {
        return rooms.values();
    }

    public Room createRoom(ChannelName name) {
        Room r = new Room(name, now());
        rooms.put(name.folded(), r);
        return r;
    }

    /** Rooms disappear with their last member, unless they are registered. */
    public void dropIfEmpty(Room r) {
        if (r.isEmpty() && r.registration() == null) {
            rooms.remove(r.name().folded());
        }
    }

    /** Registered rooms as they were kept; before anyone connects. */
    public void restoreRooms(List<RegisteredRoom> kept) {
        for (RegisteredRoom k : kept) {
            ChannelName name = CaseMapping.channel(k.name());
            rooms.put(name.folded(), Room.restore(name, k));
        }
    }

    /** Queues a registered room's new state for the store (never blocks); unregistered rooms are not kept. */
    public void roomChanged(Room r) {
        if (r.registration() != null) {
            roomLog.save(r.snapshot());
        }
    }

    /** Ends a room's registration and forgets it in the store; an empty room then disappears. */
    public void unregister(Room r) {
        r.registration(null);
        roomLog.delete(r.name().folded());
        dropIfEmpty(r);
    }

    /** Sessions of everyone who shares a room with {@code u}, each once; {@code u}'s own sessions if asked. */
    public Set<Session> neighbours(User u, boolean includeSelf) {
        Set<Session> out = new LinkedHashSet<>();
        if (includeSelf) {
            out.addAll(u.sessions());
        }
        for (Room r : u.rooms()) {
            for (User m : r.members().keySet()) {
                if (m != u) {
                    out.addAll(m.sessions());
                }
            }
        }
        return out;
    }

    /** A nick that left or changed, for WHOWAS. */
    public record WhowasEntry(String nick, String username, String host, String realname, Instant at) {}
}
