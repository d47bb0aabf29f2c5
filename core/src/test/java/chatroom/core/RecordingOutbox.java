package chatroom.core;

import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An {@link Outbox} that records each session's lines as IRC text (without tags), disconnects, throttles and holds. */
public final class RecordingOutbox implements Outbox {
    private final Map<Session, List<IrcMessage>> messages = new HashMap<>();
    public final Map<Session, String> disconnects = new HashMap<>();
    public final Map<Session, Duration> throttles = new HashMap<>();
    /** Sessions held ({@link #hold}) and not released. */
    public final Set<Session> held = new HashSet<>();

    @Override
    public void send(Session to, IrcMessage message) {
        messages.computeIfAbsent(to, k -> new ArrayList<>()).add(message);
    }

    @Override
    public void sendAll(Iterable<Session> to, IrcMessage message) {
        for (Session s : to) {
            send(s, message);
        }
    }

    @Override
    public void disconnect(Session session, String reason) {
        disconnects.put(session, reason);
    }

    @Override
    public void throttle(Session session, Duration pause) {
        throttles.put(session, pause);
    }

    @Override
    public void hold(Session session) {
        held.add(session);
    }

    @Override
    public void release(Session session) {
        held.remove(session);
    }

    @Override
    public void flush() {}

    /** Everything sent to {@code s} since the last take, as IRC text without tags; then forgets it. */
    public List<String> take(Session s) {
        return takeMessages(s).stream().map(m -> IrcWriter.write(m, false)).toList();
    }

    /** Everything sent to {@code s} since the last take, with tags; then forgets it. */
    public List<IrcMessage> takeMessages(Session s) {
        List<IrcMessage> out = messages.remove(s);
        return out == null ? List.of() : out;
    }
}
