package chatroom.store;

import chatroom.core.room.ListEntry;
import chatroom.core.room.RegisteredRoom;
import chatroom.core.room.Registration;
import chatroom.core.room.RoomStore;
import chatroom.core.upload.RoomUploads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Registered rooms in the same database as the history (tables {@code rooms}, {@code room_lists},
 * {@code room_access}; migrations V3 and V8). Saving replaces a room's rows in one transaction.
 */
public final class JdbcRoomStore implements RoomStore {
    private final Database db;

    public JdbcRoomStore(Database db) {
        this.db = db;
    }

    @Override
    public List<RegisteredRoom> loadAll() {
        Map<String, List<RegisteredRoom.Listed>> lists = db.query(
                "room lists",
                "SELECT room, mode, mask, set_by, set_ms FROM room_lists ORDER BY room, position",
                List.of(),
                rs -> {
                    Map<String, List<RegisteredRoom.Listed>> out = new HashMap<>();
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new RegisteredRoom.Listed(
                                        rs.getString(2).charAt(0),
                                        new ListEntry(
                                                rs.getString(3),
                                                rs.getString(4),
                                                Instant.ofEpochMilli(rs.getLong(5)))));
                    }
                    return out;
                });
        Map<String, List<Registration.Access>> access = db.query(
                "room access lists",
                "SELECT room, account, level FROM room_access ORDER BY room, position",
                List.of(),
                rs -> {
                    Map<String, List<Registration.Access>> out = new HashMap<>();
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Registration.Access(
                                        rs.getString(2), rs.getString(3).charAt(0)));
                    }
                    return out;
                });
        return db.query(
                "registered rooms",
                "SELECT folded, name, founder, registered_ms, topic, topic_set_by, topic_set_ms, flags, room_key,"
                        + " user_limit, uploads FROM rooms ORDER BY folded",
                List.of(),
                rs -> {
                    List<RegisteredRoom> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(room(rs, lists, access));
                    }
                    return out;
                });
    }

    private static RegisteredRoom room(
            ResultSet rs, Map<String, List<RegisteredRoom.Listed>> lists, Map<String, List<Registration.Access>> access)
            throws SQLException {
        String folded = rs.getString(1);
        return new RegisteredRoom(
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                rs.getString(5),
                rs.getString(6),
                Instant.ofEpochMilli(rs.getLong(7)),
                rs.getString(8),
                rs.getString(9),
                rs.getInt(10),
                lists.getOrDefault(folded, List.of()),
                access.getOrDefault(folded, List.of()),
                Objects.requireNonNullElse(RoomUploads.parse(rs.getString(11)), RoomUploads.DEFAULT));
    }

    @Override
    public void save(RegisteredRoom r) {
        db.inTransaction("store room " + r.name(), c -> {
            deleteRows(c, r.folded());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rooms (folded, name, founder, registered_ms,"
                    + " topic, topic_set_by, topic_set_ms, flags, room_key, user_limit, uploads)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, r.folded());
                ps.setString(2, r.name());
                ps.setString(3, r.founder());
                ps.setLong(4, r.registeredAt().toEpochMilli());
                ps.setString(5, r.topic());
                ps.setString(6, r.topicSetBy());
                ps.setLong(7, r.topicSetAt().toEpochMilli());
                ps.setString(8, r.flags());
                ps.setString(9, r.key());
                ps.setInt(10, r.limit());
                ps.setString(11, r.uploads().word());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO room_lists (room, position, mode, mask, set_by,"
                    + " set_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                for (RegisteredRoom.Listed l : r.lists()) {
                    ps.setString(1, r.folded());
                    ps.setInt(2, i++);
                    ps.setString(3, String.valueOf(l.mode()));
                    ps.setString(4, l.entry().mask());
                    ps.setString(5, l.entry().setBy());
                    ps.setLong(6, l.entry().setAt().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO room_access (room, position, account, level) VALUES (?, ?, ?, ?)")) {
                int i = 0;
                for (Registration.Access a : r.access()) {
                    ps.setString(1, r.folded());
                    ps.setInt(2, i++);
                    ps.setString(3, a.account());
                    ps.setString(4, String.valueOf(a.level()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    @Override
    public void delete(String folded) {
        db.inTransaction("forget room " + folded, c -> deleteRows(c, folded));
    }

    private static void deleteRows(Connection c, String folded) throws SQLException {
        for (String table : List.of("rooms WHERE folded", "room_lists WHERE room", "room_access WHERE room")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " = ?")) {
                ps.setString(1, folded);
                ps.executeUpdate();
            }
        }
    }
}
