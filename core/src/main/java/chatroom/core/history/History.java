package chatroom.core.history;

import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's side of durable history: numbers events, hands them to the {@link HistoryLog}, and opens the {@link
 * DeliveryGate} as batches commit. When a batch fails, its messages are not delivered and each sender is told (the
 * server stays up; the next batch tries again). Hub-owned, no locks.
 */
public final class History implements HistoryLog.Listener {
    private static final Logger log = LoggerFactory.getLogger(History.class);
    /** Events waiting for the store beyond which senders are held ({@link #holdIfBehind}). */
    public static final int BACKLOG_LIMIT = 20_000;

    private final HistoryLog historyLog;
    private final DeliveryGate gate;
    private final String serverName;
    private final ArrayDeque<Sent> sent = new ArrayDeque<>();
    /** Senders not read since the backlog passed {@link #BACKLOG_LIMIT}. */
    private final Set<Session> held = new HashSet<>();

    private long lastSeq;
    private long resolved;
    private boolean failing;

    public History(HistoryLog historyLog, DeliveryGate gate, String serverName) {
        this.historyLog = historyLog;
        this.gate = gate;
        this.serverName = serverName;
    }

    /** Reads where the store left off (blocking: call before the hub runs) and starts the writer. */
    public void start(Executor hub) {
        lastSeq = historyLog.store().lastSeq();
        resolved = lastSeq;
        historyLog.start(hub, this);
    }

    public HistoryStore store() {
        return historyLog.store();
    }

    /**
     * Stores {@code message} (stamped with time and msgid) as an event of {@code conversation}; output produced from
     * now on waits for its commit. {@code sender} is told if a PRIVMSG/NOTICE/TAGMSG could not be stored. Returns the
     * event's sequence number.
     */
    public long record(Conversation conversation, String senderNick, IrcMessage message, @Nullable Session sender) {
        long seq = ++lastSeq;
        if (historyLog.durable()) {
            gate.issued(seq);
        }
        if (sender != null) {
            sent.addLast(new Sent(seq, message, sender));
        }
        historyLog.append(seq, conversation, senderNick, message);
        return seq;
    }

    /** Events appended but not yet committed or failed. */
    public long backlog() {
        return lastSeq - resolved;
    }

    /**
     * Back-pressure (STYLE.md §5.5): past {@link #BACKLOG_LIMIT} events waiting for the store, {@code session} (which
     * just sent something) is not read any more until the store is down to half of that. The lines it has sent wait
     * in its socket and in its client, not in the server's memory; nothing is dropped and the hub never waits.
     */
    public void holdIfBehind(Session session) {
        if (backlog() > BACKLOG_LIMIT && !session.closed() && held.add(session)) {
            gate.hold(session);
        }
    }

    private void releaseIfCaughtUp() {
        if (!held.isEmpty() && backlog() <= BACKLOG_LIMIT / 2) {
            for (Session s : held) {
                if (!s.closed()) {
                    gate.release(s);
                }
            }
            held.clear();
        }
    }

    @Override
    public void committed(long seq) {
        if (failing) {
            failing = false;
            log.info("history store is back: events up to {} committed", seq);
        }
        resolve(seq);
        while (!sent.isEmpty() && sent.peekFirst().seq() <= seq) {
            sent.pollFirst();
        }
        gate.resolved(seq, Set.of());
        gate.flush();
    }

    @Override
    public void failed(long fromSeq, long toSeq, String reason) {
        if (!failing) {
            failing = true;
            log.error("history store failed, messages are refused until it is back: {}", reason);
        }
        resolve(toSeq);
        Set<String> dropped = new HashSet<>();
        ArrayDeque<Sent> refused = new ArrayDeque<>();
        while (!sent.isEmpty() && sent.peekFirst().seq() <= toSeq) {
            Sent s = sent.pollFirst();
            refused.add(s);
            String msgid = s.message().tag("msgid");
            if (msgid != null) {
                dropped.add(msgid);
            }
        }
        gate.resolved(toSeq, dropped);
        for (Sent s : refused) {
            if (!s.sender().closed()) {
                gate.send(s.sender(), unavailable(s.message()));
            }
        }
        gate.flush();
    }

    private void resolve(long seq) {
        resolved = Math.max(resolved, seq);
        releaseIfCaughtUp();
    }

    /** https://ircv3.net/specs/extensions/standard-replies ({@code TEMPORARILY_UNAVAILABLE}). */
    private IrcMessage unavailable(IrcMessage m) {
        return IrcMessage.from(
                serverName,
                "FAIL",
                m.command(),
                "TEMPORARILY_UNAVAILABLE",
                m.param(0),
                "Your message was not delivered: the chat history store is unavailable. Please try again.");
    }

    private record Sent(long seq, IrcMessage message, Session sender) {}
}
