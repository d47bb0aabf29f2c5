package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.history.Conversation;
import chatroom.core.room.Room;
import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import chatroom.protocol.ServerTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a handler sees: the state, the calling session, the message, and a reply buffer. Lines for the calling
 * session are buffered and flushed once after the handler returns, so they keep their order with any broadcast copy
 * the caller gets (ergo {@code irc/responsebuffer.go}).
 */
public final class Context {

    private final ServerState state;
    private final Session session;
    private final IrcMessage message;
    private final List<IrcMessage> replies = new ArrayList<>();
    private final List<Context> others = new ArrayList<>();
    private final List<Runnable> afterReplies = new ArrayList<>();

    private final Dispatcher dispatcher;

    Context(Dispatcher dispatcher, Session session, IrcMessage message) {
        this.dispatcher = dispatcher;
        this.state = dispatcher.state();
        this.session = session;
        this.message = message;
    }

    /**
     * Runs {@code work} off the hub (e.g. password hashing) and then {@code then} on the hub with a fresh context for
     * the same session and message; its replies are flushed like a command's.
     */
    public <T> void offload(java.util.function.Supplier<T> work, java.util.function.BiConsumer<Context, T> then) {
        session.suspended(true);
        state.offload()
                .call(
                        () -> {
                            try {
                                return new Outcome<>(work.get(), null);
                            } catch (RuntimeException e) {
                                return new Outcome<T>(null, e);
                            }
                        },
                        outcome -> dispatcher.resume(session, message, c -> {
                            if (outcome.failure() != null) {
                                // the session must not stay suspended: answer like any failed command
                                throw outcome.failure();
                            }
                            then.accept(c, java.util.Objects.requireNonNull(outcome.value()));
                        }));
    }

    /** Offloaded work's result or what it threw, carried back to the hub. */
    private record Outcome<T>(
            @org.jspecify.annotations.Nullable T value,
            @org.jspecify.annotations.Nullable RuntimeException failure) {}

    public ServerState state() {
        return state;
    }

    public Session session() {
        return session;
    }

    public IrcMessage message() {
        return message;
    }

    public String param(int i) {
        return message.param(i);
    }

    public int paramCount() {
        return message.paramCount();
    }

    /** The caller's user; handlers not allowed before registration may rely on it. */
    public User user() {
        return Objects.requireNonNull(session.user(), "registered user");
    }

    public String serverName() {
        return state.config().serverName();
    }

    /** The source of lines from one of the server's services ({@code NickServ}, {@code ChanServ}). */
    String serviceMask(String service) {
        return service + "!" + service + "@services." + serverName();
    }

    /** A NOTICE from a service to the caller. */
    void serviceNotice(String service, String text) {
        replyRaw(IrcMessage.from(serviceMask(service), "NOTICE", session.replyNick(), text));
    }

    /** A numeric to the caller: {@code :server NNN <nick> params...}. */
    public void reply(Numeric numeric, String... params) {
        List<String> p = new ArrayList<>(params.length + 1);
        p.add(session.replyNick());
        p.addAll(List.of(params));
        replies.add(IrcMessage.from(serverName(), numeric.code(), p));
    }

    /** Any line to the caller, in order with the numerics. */
    public void replyRaw(IrcMessage m) {
        replies.add(m);
    }

    /**
     * A server-stamped event from {@code source}: {@code time} for server-time clients and a {@code msgid}
     * (https://ircv3.net/specs/extensions/message-ids) for message-tags clients.
     */
    public IrcMessage stamped(String source, String command, String... params) {
        String time = ServerTime.format(state.eventTime());
        String msgid = state.nextMessageId();
        User me = session.user();
        String account = me == null ? null : me.account();
        // immutable maps, so the message keeps them as they are (account-tag: ircv3.net/specs/extensions/account-tag)
        Map<String, String> tags = me != null && account != null && source.equals(me.mask())
                ? Map.of("time", time, "msgid", msgid, "account", account)
                : Map.of("time", time, "msgid", msgid);
        return new IrcMessage(tags, source, command, List.of(params));
    }

    /**
     * Keeps {@code m} (from {@link #stamped}) in the room's history; what is delivered after this waits for the commit.
     */
    public long recordInRoom(Room room, IrcMessage m) {
        return state.history()
                .record(Conversation.room(room.name().folded()), user().nick().folded(), m, null);
    }

    /** This session just registered (or logged in): it is no longer subject to the registration timeout. */
    void registered() {
        dispatcher.registered(session);
    }

    /** Runs {@code task} on the hub after {@code delay}, in a fresh context for this session, unless it closed. */
    void after(java.time.Duration delay, CommandHandler task) {
        dispatcher.schedule(session, delay, task);
    }

    /** Work to start once this command's replies are out (e.g. history replay after a JOIN burst). */
    void afterReplies(Runnable r) {
        afterReplies.add(r);
    }

    List<Runnable> afterReplies() {
        return afterReplies;
    }

    /**
     * Keeps a message the caller sent in {@code conversation}; if it cannot be stored, it is not delivered and the
     * caller is told.
     */
    public void recordMessage(Conversation conversation, IrcMessage m) {
        state.history().record(conversation, user().nick().folded(), m, session);
    }

    /** Delivers {@code m} to every session in {@code to}; the caller's own copy keeps reply order. */
    public void deliver(Iterable<Session> to, IrcMessage m) {
        List<Session> others = new ArrayList<>();
        for (Session s : to) {
            if (s == session) {
                replies.add(m);
            } else {
                others.add(s);
            }
        }
        if (!others.isEmpty()) {
            state.outbox().sendAll(others, m);
        }
    }

    public boolean callerHas(Capability c) {
        return session.has(c);
    }

    /** A context for another session whose replies are sent when this command finishes (e.g. a NAMES burst). */
    Context on(Session other) {
        Context c = new Context(dispatcher, other, message);
        others.add(c);
        return c;
    }

    List<IrcMessage> replies() {
        return replies;
    }

    List<Context> others() {
        return others;
    }
}
