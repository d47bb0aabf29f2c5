package chatroom.core.command;

import chatroom.core.Connection;
import chatroom.core.ServerState;
import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on the hub. Only here: not registered (451), too few parameters (461), unknown verb (421), flood
 * accounting, and the catch-all that turns a bug into ERR_UNKNOWNERROR instead of a dead hub (ergo {@code Command.Run},
 * {@code client.run}'s recover).
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Set<String> HTTP_VERBS = Set.of("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "CONNECT");

    private final ServerState state;
    private final Map<String, CommandSpec> table;
    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>(Comparator.comparing(Timer::at).thenComparingLong(Timer::order));
    private long timerCount;
    private final Duration registrationTimeout;
    /** Connections that have not registered yet, oldest first: {@link #tick()} closes those past the timeout. */
    private final LinkedHashSet<Session> registering = new LinkedHashSet<>();

    /** {@code registrationTimeout}: the time a connection has to register (IRC) or log in (telnet). */
    public Dispatcher(ServerState state, Duration registrationTimeout) {
        this.state = state;
        this.table = Commands.table();
        this.registrationTimeout = registrationTimeout;
    }

    public ServerState state() {
        return state;
    }

    /** A new connection; returns its session. */
    public Session connected(Connection connection, List<String> autoJoin) {
        Session s = state.connect(connection, autoJoin);
        registering.add(s);
        return s;
    }

    /** Lines a session may send while one of its commands waits for offloaded work. */
    static final int MAX_BACKLOG = 512;

    public void dispatch(Session session, IrcMessage message) {
        if (session.closed()) {
            return;
        }
        if (session.suspended()) {
            if (session.backlogSize() >= MAX_BACKLOG) {
                state.outbox().disconnect(session, "Excess Flood");
                state.outbox().flush();
                return;
            }
            session.addToBacklog(message);
            return;
        }
        Context ctx = new Context(this, session, message);
        try {
            run(ctx, message);
        } catch (RuntimeException e) {
            log.error("command {} from {} failed", message.command(), session, e);
            ctx.reply(Numeric.ERR_UNKNOWNERROR, message.command(), "Internal error; the server is still running");
        }
        finish(ctx);
        state.history().holdIfBehind(session);
    }

    private void run(Context ctx, IrcMessage message) {
        Session session = ctx.session();
        if (!session.registered() && HTTP_VERBS.contains(message.command())) {
            state.outbox().disconnect(session, "This is not an HTTP server");
            return;
        }
        if (chargeFlood(session)) {
            return;
        }
        CommandSpec spec = table.get(message.command());
        if (spec == null) {
            ctx.reply(Numeric.ERR_UNKNOWNCOMMAND, message.command(), "Unknown command");
            return;
        }
        if (!session.registered() && !spec.beforeRegistration()) {
            ctx.reply(Numeric.ERR_NOTREGISTERED, "You have not registered");
            return;
        }
        if (message.paramCount() < spec.minParams() || lastRequiredParamEmpty(spec, message)) {
            ctx.reply(Numeric.ERR_NEEDMOREPARAMS, message.command(), "Not enough parameters");
            return;
        }
        spec.handler().handle(ctx);
    }

    /** {@code NICK :} and {@code USER a b c :} are missing a parameter, not carrying an empty one. */
    private static boolean lastRequiredParamEmpty(CommandSpec spec, IrcMessage m) {
        return spec.minParams() > 0
                && m.params().get(spec.minParams() - 1).isEmpty()
                && Commands.EMPTY_NOT_ALLOWED.contains(spec.verb());
    }

    /** True when the session was disconnected for flooding. */
    private boolean chargeFlood(Session session) {
        Duration lag = session.flood().charge(state.now());
        if (lag.isZero()) {
            return false;
        }
        if (lag.toSeconds() >= state.config().floodMaxLagSeconds()) {
            state.outbox().disconnect(session, "Excess Flood");
            return true;
        }
        state.outbox().throttle(session, lag);
        return false;
    }

    /** Continues a command on the hub after offloaded work; a closed session is skipped. */
    void resume(Session session, IrcMessage message, CommandHandler continuation) {
        session.suspended(false);
        if (session.closed()) {
            return;
        }
        Context ctx = new Context(this, session, message);
        try {
            continuation.handle(ctx);
        } catch (RuntimeException e) {
            log.error("command {} from {} failed after offloaded work", message.command(), session, e);
            ctx.reply(Numeric.ERR_UNKNOWNERROR, message.command(), "Internal error; the server is still running");
        }
        finish(ctx);
        IrcMessage next;
        while (!session.suspended() && (next = session.pollBacklog()) != null) {
            dispatch(session, next);
        }
    }

    /** Work for a session at a later time, run by {@link #tick()} in a fresh context; skipped once it closed. */
    private record Timer(Instant at, long order, Session session, CommandHandler task) {}

    void schedule(Session session, Duration delay, CommandHandler task) {
        timers.add(new Timer(state.now().plus(delay), timerCount++, session, task));
    }

    /** Runs the timers that are due; the transport calls this on the hub about once a second. */
    public void tick() {
        Instant now = state.now();
        Instant cutoff = now.minus(registrationTimeout);
        for (var it = registering.iterator(); it.hasNext(); ) {
            Session s = it.next();
            if (s.connectedAt().isAfter(cutoff)) {
                break; // the others connected later
            }
            it.remove();
            registrationTimedOut(s);
        }
        while (!timers.isEmpty() && !timers.peek().at().isAfter(now)) {
            Timer t = timers.poll();
            if (t.session().closed()) {
                continue;
            }
            if (t.session().suspended()) {
                // its replies would be held for the waiting command's continuation: try again shortly
                timers.add(new Timer(now.plusSeconds(1), timerCount++, t.session(), t.task()));
                continue;
            }
            Context ctx = new Context(this, t.session(), IrcMessage.of("*"));
            try {
                t.task().handle(ctx);
            } catch (RuntimeException e) {
                log.error("timer for {} failed", t.session(), e);
            }
            finish(ctx);
        }
    }

    /** A line that was not valid UTF-8: a uniform reply, as ergo's {@code invalidUtf8Command}. */
    public void invalidUtf8(Session session, String command) {
        Context ctx = new Context(this, session, IrcMessage.of(command));
        ctx.replyRaw(IrcMessage.from(
                state.config().serverName(), "FAIL", command, "INVALID_UTF8", "Message rejected: it is not UTF-8"));
        finish(ctx);
    }

    /** A line that the framer refused as too long (RFC: 512 bytes; modern.ircdocs.horse ERR_INPUTTOOLONG). */
    public void inputTooLong(Session session) {
        Context ctx = new Context(this, session, IrcMessage.of("*"));
        ctx.reply(Numeric.ERR_INPUTTOOLONG, "Input line was too long");
        finish(ctx);
    }

    /** A line with NUL or a bare CR (not allowed by RFC 1459 §2.3.1). */
    public void forbiddenCharacters(Session session, String command) {
        Context ctx = new Context(this, session, IrcMessage.of(command));
        ctx.reply(Numeric.ERR_UNKNOWNERROR, command, "Line contains a NUL or a bare CR and was ignored");
        finish(ctx);
    }

    /** The session registered: no timeout for it any more. */
    void registered(Session session) {
        registering.remove(session);
    }

    /** The registration timeout passed: a connection that has not registered (or logged in) by now is closed. */
    private void registrationTimedOut(Session session) {
        if (!session.registered() && !session.closed()) {
            state.outbox().disconnect(session, "Registration timed out");
            state.outbox().flush();
        }
    }

    /** The transport saw the connection end; {@code reason} becomes the QUIT message. */
    public void closed(Session session, String reason) {
        registering.remove(session);
        if (session.closed()) {
            return;
        }
        Context ctx = new Context(this, session, IrcMessage.of("QUIT", reason));
        QuitCommand.quit(ctx, reason, false);
        state.outbox().flush();
    }

    private void finish(Context ctx) {
        send(ctx);
        state.outbox().flush();
        for (Runnable r : ctx.afterReplies()) {
            r.run();
        }
    }

    private void send(Context ctx) {
        Session session = ctx.session();
        // a command that went to offloaded work is answered, and labeled, when it resumes
        if (!session.closed() && !session.suspended()) {
            String label = ctx.message().tag("label");
            List<IrcMessage> out = label != null && session.has(Capability.LABELED_RESPONSE)
                    ? LabeledResponse.wrap(ctx.replies(), label, state.config().serverName(), state::nextMessageId)
                    : ctx.replies();
            for (IrcMessage m : out) {
                state.outbox().send(session, m);
            }
        }
        for (Context other : ctx.others()) {
            send(other);
        }
    }
}
