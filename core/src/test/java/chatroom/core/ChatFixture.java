package chatroom.core;

import chatroom.core.account.InMemoryAccountStore;
import chatroom.core.command.Dispatcher;
import chatroom.core.history.HistoryLog;
import chatroom.core.history.HistoryStore;
import chatroom.core.history.ImmediateHistoryLog;
import chatroom.core.user.Session;
import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import chatroom.testkit.MutableClock;
import java.util.ArrayDeque;
import java.util.List;

/** A server state machine with no threads or sockets: dispatch lines, read back exact replies. */
public final class ChatFixture {
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
        dispatcher = new Dispatcher(state);
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
        this(config, new ImmediateHistoryLog(store));
    }

    /** With {@code config} and history going through {@code log}. */
    public ChatFixture(ServerConfig config, HistoryLog log) {
        state = new ServerState(config, clock, outbox, Offload.INLINE, log, new InMemoryAccountStore());
        state.history().start(hubTasks::add);
        dispatcher = new Dispatcher(state);
    }

    private final ArrayDeque<Runnable> hubTasks = new ArrayDeque<>();

    public Session connect() {
        return dispatcher.connected(new FakeConnection("10.0.0.1", Connection.Protocol.IRC), List.of());
    }

    /** A registered session whose welcome burst has been read and discarded. */
    public Session register(String nick) {
        Session s = connect();
        send(s, "NICK " + nick);
        send(s, "USER " + nick.toLowerCase(java.util.Locale.ROOT) + " 0 * :Real " + nick);
        outbox.take(s);
        return s;
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

    record FakeConnection(String remoteAddress, Protocol protocol) implements Connection {}
}
