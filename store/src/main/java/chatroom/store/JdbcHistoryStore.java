package chatroom.store;

import chatroom.core.history.Conversation;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryQuery;
import chatroom.core.history.HistoryStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The history in a {@link Database}: one table of events, written in batches by the {@link HistoryWriter}. */
public final class JdbcHistoryStore implements HistoryStore {
    /** A whisper's two nicks are not columns: they are in its conversation key ({@link Conversation#ofKey}). */
    private static final String COLUMNS = "seq, conversation, msgid, at_ms, command, sender, line";
    /** The first event at or after a time: time never goes back as seq grows, so a time bound is a seq bound. */
    private static final String FIRST_SEQ_AT = "(SELECT seq FROM events WHERE at_ms >= ? ORDER BY at_ms, seq LIMIT 1)";

    private static final String WHISPERS_OF = "conversation IN (SELECT conversation FROM whisper_peers WHERE nick = ?)";
    private static final int KNOWN_PAIRS_MAX = 100_000;

    private final Database db;
    /** Whisper pairs already in whisper_peers, so a busy pair costs no statement per line. */
    private final Set<String> knownPairs = ConcurrentHashMap.newKeySet();

    /** The history in {@code db}, which this store closes with itself. */
    public JdbcHistoryStore(Database db) {
        this.db = db;
    }

    /** Opens (creating and migrating as needed); fails with a clear message when the database is unreachable. */
    public static JdbcHistoryStore open(DatabaseUrl url) {
        return new JdbcHistoryStore(Database.open(url));
    }

    public DatabaseUrl url() {
        return db.url();
    }

    @Override
    public long lastSeq() {
        return query("last sequence number", "SELECT COALESCE(MAX(seq), 0) FROM events", List.of(), rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }

    @Override
    public void append(List<HistoryEvent> events) {
        String sql = "INSERT INTO events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
        Map<String, HistoryEvent> newPairs = new HashMap<>();
        for (HistoryEvent e : events) {
            if (e.isWhisper() && !knownPairs.contains(e.conversation())) {
                newPairs.putIfAbsent(e.conversation(), e);
            }
        }
        db.inLogTransaction("store " + events.size() + " events", c -> {
            if (!newPairs.isEmpty()) {
                storePairs(c, newPairs.values());
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (HistoryEvent e : events) {
                    ps.setLong(1, e.seq());
                    ps.setString(2, e.conversation());
                    ps.setString(3, e.msgid());
                    ps.setLong(4, e.at().toEpochMilli());
                    ps.setString(5, e.command());
                    ps.setString(6, e.sender());
                    ps.setString(7, e.line());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
        if (knownPairs.size() + newPairs.size() > KNOWN_PAIRS_MAX) {
            knownPairs.clear();
        }
        knownPairs.addAll(newPairs.keySet());
    }

    @Override
    public void sync() {
        db.syncLog();
    }

    private static void storePairs(Connection c, Collection<HistoryEvent> pairs) throws SQLException {
        String sql = "INSERT INTO whisper_peers (nick, conversation) VALUES (?, ?) ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (HistoryEvent e : pairs) {
                for (String nick : List.of(Objects.requireNonNull(e.peerA()), Objects.requireNonNull(e.peerB()))) {
                    ps.setString(1, nick);
                    ps.setString(2, e.conversation());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<HistoryEvent> read(HistoryQuery q) {
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM events WHERE conversation = ? AND at_ms >= ?");
        List<Object> args =
                new ArrayList<>(List.of(q.conversation(), q.notBefore().toEpochMilli()));
        if (q.messagesOnly()) {
            sql.append(" AND command IN ('PRIVMSG', 'NOTICE')");
        }
        if (q.from() != null) {
            bound(sql, args, q.from(), q.fromInclusive() ? ">=" : ">");
        }
        if (q.to() != null) {
            bound(sql, args, q.to(), "<");
        }
        sql.append(q.newest() ? " ORDER BY seq DESC" : " ORDER BY seq").append(" LIMIT ?");
        args.add(q.limit());
        List<HistoryEvent> out = query("history", sql.toString(), args, JdbcHistoryStore::events);
        if (q.newest()) {
            Collections.reverse(out);
        }
        return out;
    }

    private static void bound(StringBuilder sql, List<Object> args, HistoryQuery.Position p, String op) {
        switch (p) {
            case HistoryQuery.Position.Seq s -> {
                sql.append(" AND seq ").append(op).append(" ?");
                args.add(s.seq());
            }
            case HistoryQuery.Position.Time t -> {
                // the seq bound is what the (conversation, seq) index can use; the time bound keeps the meaning
                long ms = t.at().toEpochMilli();
                String seqOp = op.equals("<") ? "<" : ">=";
                sql.append(" AND seq ")
                        .append(seqOp)
                        .append(" COALESCE(")
                        .append(FIRST_SEQ_AT)
                        .append(", ?)");
                args.add(op.equals(">") ? ms + 1 : ms);
                args.add(Long.MAX_VALUE);
                sql.append(" AND at_ms ").append(op).append(" ?");
                args.add(ms);
            }
        }
    }

    @Override
    public @Nullable HistoryEvent find(String conversation, String msgid) {
        List<HistoryEvent> hit = query(
                "msgid",
                "SELECT " + COLUMNS + " FROM events WHERE conversation = ? AND msgid = ?",
                List.of(conversation, msgid),
                JdbcHistoryStore::events);
        return hit.isEmpty() ? null : hit.getFirst();
    }

    @Override
    public List<HistoryEvent> latestPerConversation(
            Collection<String> rooms, String nick, Instant whispersSince, Instant from, Instant to, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder mine = new StringBuilder("(" + WHISPERS_OF + " AND at_ms >= ?)");
        args.addAll(List.of(nick, whispersSince.toEpochMilli()));
        if (!rooms.isEmpty()) {
            mine.append(" OR conversation IN (")
                    .append(String.join(", ", Collections.nCopies(rooms.size(), "?")))
                    .append(")");
            args.addAll(rooms);
        }
        args.addAll(List.of(from.toEpochMilli(), to.toEpochMilli(), limit));
        String sql = "SELECT " + COLUMNS.replaceAll("(\\w+)", "e.$1") + " FROM events e JOIN ("
                + "SELECT conversation, MAX(seq) AS last FROM events WHERE command IN ('PRIVMSG', 'NOTICE') AND ("
                + mine + ") GROUP BY conversation) l ON e.seq = l.last WHERE e.at_ms > ? AND e.at_ms < ?"
                + " ORDER BY e.seq LIMIT ?";
        return query("targets", sql, args, JdbcHistoryStore::events);
    }

    @Override
    public List<HistoryEvent> export(
            @Nullable String room, @Nullable String whispersOf, Instant since, long afterSeq, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM events WHERE seq > ? AND at_ms >= ?");
        List<Object> args = new ArrayList<>(List.of(afterSeq, since.toEpochMilli()));
        if (room != null) {
            sql.append(" AND conversation = ?");
            args.add(room);
        }
        if (whispersOf != null) {
            sql.append(" AND ").append(WHISPERS_OF);
            args.add(whispersOf);
        }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(limit);
        return query("export", sql.toString(), args, JdbcHistoryStore::events);
    }

    @Override
    public int prune(@Nullable Instant cutoff, int keepPerConversation) {
        int deleted = 0;
        if (cutoff != null) {
            deleted += update("DELETE FROM events WHERE at_ms < ?", List.of(cutoff.toEpochMilli()));
        }
        if (keepPerConversation > 0) {
            deleted += update(
                    "DELETE FROM events WHERE seq IN (SELECT seq FROM (SELECT seq, ROW_NUMBER() OVER "
                            + "(PARTITION BY conversation ORDER BY seq DESC) AS n FROM events) ranked WHERE n > ?)",
                    List.of(keepPerConversation));
        }
        if (deleted > 0) {
            update(
                    "DELETE FROM whisper_peers WHERE NOT EXISTS "
                            + "(SELECT 1 FROM events e WHERE e.conversation = whisper_peers.conversation)",
                    List.of());
            knownPairs.clear();
        }
        return deleted;
    }

    @Override
    public void close() {
        db.close();
    }

    private <T> T query(String what, String sql, List<?> args, Database.Rows<T> rows) {
        return db.query(what, sql, args, rows);
    }

    private int update(String sql, List<?> args) {
        return db.update("prune history", sql, args);
    }

    private static List<HistoryEvent> events(ResultSet rs) throws SQLException {
        List<HistoryEvent> out = new ArrayList<>();
        while (rs.next()) {
            Conversation c = Conversation.ofKey(rs.getString(2));
            out.add(new HistoryEvent(
                    rs.getLong(1),
                    c.key(),
                    rs.getString(3),
                    Instant.ofEpochMilli(rs.getLong(4)),
                    rs.getString(5),
                    rs.getString(6),
                    c.peerA(),
                    c.peerB(),
                    rs.getString(7)));
        }
        return out;
    }
}
