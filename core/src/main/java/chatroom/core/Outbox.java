package chatroom.core;

import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import java.time.Duration;

/**
 * Where the hub puts outbound lines. Implementations MUST NOT block and MUST NOT reorder lines for one session
 * (ergo {@code irc/socket.go} contract); they may batch until {@link #flush()}.
 */
public interface Outbox {
    void send(Session to, IrcMessage message);

    /**
     * The same message to many sessions: encoded once per variant, then written to each. The outbox may keep {@code
     * to} until the message goes out: pass a collection that nobody changes afterwards.
     */
    void sendAll(Iterable<Session> to, IrcMessage message);

    /** Sends {@code ERROR :reason} and closes the connection; the transport reports the close back to the hub. */
    void disconnect(Session session, String reason);

    /** Stops reading from the session for a while (flood control; STYLE.md §5.8). */
    void throttle(Session session, Duration pause);

    /** Stops reading from the session until {@link #release}: the store is behind (back-pressure, STYLE.md §5.5). */
    void hold(Session session);

    /** Reads from a {@link #hold held} session again, once flood control does not pause it either. */
    void release(Session session);

    /** Hands everything batched since the last flush to the transports. Called once per hub task. */
    void flush();
}
