package chatroom.core;

import chatroom.core.account.AccountStore;
import chatroom.core.account.InMemoryAccountStore;
import chatroom.core.ban.InMemoryKlineStore;
import chatroom.core.command.Dispatcher;
import chatroom.core.history.HistoryLog;
import chatroom.core.history.HistoryStore;
import chatroom.core.history.ImmediateHistoryLog;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.room.ImmediateRoomLog;
import chatroom.core.room.InMemoryRoomStore;
import chatroom.core.room.RoomStore;
import chatroom.core.user.Session;
import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import chatroom.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/** A server state machine with no threads or sockets: dispatch lines, read back exact replies. */
public final class ChatFixture {
    /** The server's default: a connection has two minutes to register. */
    public static final Duration REGISTRATION_TIMEOUT = Duration.ofMinutes(2);

    public final MutableClock clock = MutableClock.startingAt("2026-11-23T12:00:00Z");
    public final RecordingOutbox outbox = new RecordingOutbox();
    public final ServerState state;
    public final Dispatcher dispatcher;

    public ChatFixture() {
        this(ServerConfig.defaults().withFlood(0, 0));
    }

    public ChatFixture(ServerConfig config) {
        this(config, Offload.INLINE);
    }

    public ChatFixture(ServerConfig config, Offload offload) {
        state = new ServerState(config, clock, outbox, offload);
        dispatcher = new Dispatcher(state, REGISTRATION_TIMEOUT);
    }

    /**
     * With history in {@code store}: each commit is reported as a later hub task, as the real writer does, run after
     * the command that caused it.
     */
    public ChatFixture(HistoryStore store) {
        this(ServerConfig.defaults().withFlood(0, 0), store);
    }

    /** With {@code config} and history in {@code store}. */
    public ChatFixture(ServerConfig config, HistoryStore store) {
        this(config, new ImmediateHistoryLog(store), new InMemoryAccountStore(), new InMemoryRoomStore());
    }

    /** With {@code config} and history going through {@code log}. */
    public ChatFixture(ServerConfig config, HistoryLog log) {
        this(config, log, new InMemoryAccountStore(), new InMemoryRoomStore());
    }

    /**
     * With accounts and registered rooms in the given stores (shared by two fixtures, they act as one server before
     * and after a restart: the registered rooms are loaded as the server does on start).
     */
    public ChatFixture(AccountStore accounts, RoomStore rooms) {
        this(
                ServerConfig.defaults().withFlood(0, 0),
                new ImmediateHistoryLog(new InMemoryHistoryStore()),
                accounts,
                rooms);
    }

    private ChatFixture(ServerConfig config, HistoryLog log, AccountStore accounts, RoomStore rooms) {
        state = new ServerState(
                config,
                clock,
                outbox,
                Offload.INLINE,
                new Stores(
                        log,
                        accounts,
                        new InMemoryKlineStore(),
                        new ImmediateRoomLog(rooms),
                        new chatroom.core.upload.InMemoryUploadStore()));
        state.history().start(hubTasks::add);
        state.restoreRooms(rooms.loadAll());
        dispatcher = new Dispatcher(state, REGISTRATION_TIMEOUT);
    }

    private final ArrayDeque<Runnable> hubTasks = new ArrayDeque<>();

    public Session connect() {
        return connect(Connection.Protocol.IRC);
    }

    public Session connect(Connection.Protocol protocol) {
        return dispatcher.connected(new FakeConnection("10.0.0.1", protocol, false), List.of());
    }

    /** Moves the clock on and runs the timers that became due, as the hub's once-a-second tick does. */
    public void advance(java.time.Duration d) {
        clock.advance(d);
        dispatcher.tick();
        while (!hubTasks.isEmpty()) {
            hubTasks.poll().run();
        }
    }

    public Session connect(String address) {
        return dispatcher.connected(new FakeConnection(address, Connection.Protocol.IRC, false), List.of());
    }

    /** A registered session whose welcome burst has been read and discarded. */
    public Session register(String nick) {
        return register(nick, "10.0.0.1");
    }

    /** A registered session from {@code address}, welcome burst discarded. */
    public Session register(String nick, String address) {
        Session s = connect(address);
        send(s, "NICK " + nick);
        send(s, "USER " + nick.toLowerCase(java.util.Locale.ROOT) + " 0 * :Real " + nick);
        outbox.take(s);
        return s;
    }

    /** Logs {@code s} in to {@code account} as a successful SASL would, without hashing a password. */
    public void logIn(Session s, String account) {
        s.account(account, clock.instant());
        java.util.Objects.requireNonNull(s.user()).account(account, clock.instant());
    }

    /** Runs the hub tasks that are due (history commits), as the hub would after a task from outside a command. */
    public void settle() {
        while (!hubTasks.isEmpty()) {
            hubTasks.poll().run();
        }
    }

    public void send(Session s, String line) {
        try {
            dispatcher.dispatch(s, IrcParser.parse(line));
            while (!hubTasks.isEmpty()) {
                hubTasks.poll().run();
            }
        } catch (IrcParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sends a line and returns what the sender got back. */
    public List<String> ask(Session s, String line) {
        send(s, line);
        return outbox.take(s);
    }

    public List<String> got(Session s) {
        return outbox.take(s);
    }

    /** A connection that came in over TLS. */
    public Session connectSecurely() {
        return dispatcher.connected(new FakeConnection("10.0.0.1", Connection.Protocol.IRC, true), List.of());
    }

    record FakeConnection(String remoteAddress, Protocol protocol, boolean secure) implements Connection {}
}
