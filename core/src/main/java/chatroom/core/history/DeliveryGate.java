package chatroom.core.history;

import chatroom.core.Outbox;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;

/**
 * Holds the hub's output until the events it follows are committed (DESIGN.md rule 2: a message is delivered only
 * after it is durable). Output keeps the order in which the hub produced it: a line produced after event {@code n}
 * waits for {@code n}, and everything behind it waits too, so no session sees replies overtake a message. Only the
 * deliveries of events that failed to store are dropped. Hub-owned, no locks.
 */
public final class DeliveryGate implements Outbox {
    private final Outbox out;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long issued;
    private long resolved;

    public DeliveryGate(Outbox out) {
        this.out = out;
    }

    /** The next output waits for event {@code seq}. */
    void issued(long seq) {
        issued = Math.max(issued, seq);
    }

    /** Events up to {@code seq} are stored or failed; lines carrying a msgid in {@code dropped} are not delivered. */
    void resolved(long seq, Set<String> dropped) {
        resolved = Math.max(resolved, seq);
        while (!held.isEmpty() && held.peekFirst().after() <= resolved) {
            Held h = held.pollFirst();
            switch (h) {
                case Send s -> {
                    if (!isDropped(s.message(), dropped)) {
                        out.send(s.to(), s.message());
                    }
                }
                case SendAll s -> {
                    if (!isDropped(s.message(), dropped)) {
                        out.sendAll(s.to(), s.message());
                    }
                }
                case Disconnect d -> out.disconnect(d.session(), d.reason());
            }
        }
    }

    /** Lines waiting for a commit. */
    public int heldLines() {
        return held.size();
    }

    private static boolean isDropped(IrcMessage m, Set<String> dropped) {
        String msgid = m.tag("msgid");
        return msgid != null && dropped.contains(msgid);
    }

    private boolean waiting() {
        return issued > resolved || !held.isEmpty();
    }

    @Override
    public void send(Session to, IrcMessage message) {
        if (waiting()) {
            held.addLast(new Send(issued, to, message));
        } else {
            out.send(to, message);
        }
    }

    @Override
    public void sendAll(Iterable<Session> to, IrcMessage message) {
        if (waiting()) {
            held.addLast(new SendAll(issued, to, message));
        } else {
            out.sendAll(to, message);
        }
    }

    @Override
    public void disconnect(Session session, String reason) {
        if (waiting()) {
            held.addLast(new Disconnect(issued, session, reason));
        } else {
            out.disconnect(session, reason);
        }
    }

    /** Flow control is not output: it applies at once. */
    @Override
    public void throttle(Session session, Duration pause) {
        out.throttle(session, pause);
    }

    @Override
    public void hold(Session session) {
        out.hold(session);
    }

    @Override
    public void release(Session session) {
        out.release(session);
    }

    @Override
    public void flush() {
        out.flush();
    }

    private sealed interface Held {
        long after();
    }

    private record Send(long after, Session to, IrcMessage message) implements Held {}

    private record SendAll(long after, Iterable<Session> to, IrcMessage message) implements Held {}

    private record Disconnect(long after, Session session, String reason) implements Held {}
}
