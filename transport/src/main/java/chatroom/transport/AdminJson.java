package chatroom.transport;

import chatroom.core.ServerState;
import chatroom.core.room.Room;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admin API's JSON (Jackson's streaming parser and generator): request bodies are one flat object of strings and
 * numbers; the state is a snapshot taken on the hub and written off it.
 */
final class AdminJson {
    private static final JsonFactory JSON = new JsonFactory();

    private AdminJson() {}

    /** One user as the dashboard lists them. */
    record UserRow(
            String nick, @Nullable String account, String protocol, String address, boolean oper, List<String> rooms) {}

    /** One room as the dashboard lists it. */
    record RoomRow(String name, List<String> members, String topic, String modes) {}

    /** What the hub knows, copied on the hub. */
    record Snapshot(List<UserRow> users, List<RoomRow> rooms, Instant startedAt, Instant now) {}

    /** On the hub: a copy of the users and rooms. */
    static Snapshot snapshot(ServerState st) {
        List<UserRow> users = new ArrayList<>();
        for (User u : st.users()) {
            String protocol = "";
            if (!u.sessions().isEmpty()) {
                Session s = u.sessions().getFirst();
                protocol = s.connection().protocol().name().toLowerCase(java.util.Locale.ROOT)
                        + (s.connection().secure() ? "+tls" : "");
            }
            List<String> rooms =
                    u.rooms().stream().map(r -> r.name().display()).sorted().toList();
            users.add(new UserRow(u.nick().display(), u.account(), protocol, u.host(), u.oper(), rooms));
        }
        users.sort(Comparator.comparing(UserRow::nick, String.CASE_INSENSITIVE_ORDER));
        List<RoomRow> rooms = new ArrayList<>();
        for (Room r : st.rooms()) {
            List<String> members = r.members().keySet().stream()
                    .map(u -> (r.isOp(u) ? "@" : "") + u.nick().display())
                    .sorted(String.CASE_INSENSITIVE_ORDER)
                    .toList();
            rooms.add(new RoomRow(
                    r.name().display(), members, r.topic(), r.modeParams(false).getFirst()));
        }
        rooms.sort(Comparator.comparing(RoomRow::name, String.CASE_INSENSITIVE_ORDER));
        return new Snapshot(users, rooms, st.startedAt(), st.now());
    }

    static byte[] state(Snapshot snap, String oper, ServerMetrics metrics, List<String> log) {
        return write(g -> {
            g.writeStringField("oper", oper);
            g.writeNumberField("now", snap.now().toEpochMilli());
            g.writeNumberField(
                    "uptimeSeconds",
                    Duration.between(snap.startedAt(), snap.now()).toSeconds());
            g.writeNumberField("messagesIn", metrics.messagesIn());
            g.writeNumberField("deliveriesOut", metrics.deliveriesOut());
            g.writeObjectFieldStart("connections");
            for (var e : metrics.connectionsByProtocol().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("users");
            for (UserRow u : snap.users()) {
                g.writeStartObject();
                g.writeStringField("nick", u.nick());
                g.writeStringField("account", u.account());
                g.writeStringField("protocol", u.protocol());
                g.writeStringField("address", u.address());
                g.writeBooleanField("oper", u.oper());
                strings(g, "rooms", u.rooms());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rooms");
            for (RoomRow r : snap.rooms()) {
                g.writeStartObject();
                g.writeStringField("name", r.name());
                g.writeStringField("topic", r.topic());
                g.writeStringField("modes", r.modes());
                strings(g, "members", r.members());
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "log", log);
        });
    }

    /** {@code {"key": value, ...}} of strings. */
    static byte[] object(Map<String, String> fields) {
        return write(g -> {
            for (var e : fields.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
        });
    }

    /**
     * A flat JSON object's string, number and boolean fields as text; null when the body is not such an object
     * (nested values are refused too).
     */
    static @Nullable Map<String, String> parse(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    return null;
                }
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == null || v.isStructStart()) {
                    return null;
                }
                if (v != JsonToken.VALUE_NULL) {
                    fields.put(name, p.getText());
                }
            }
            return p.nextToken() == null ? fields : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] write(Fields fields) {
        var out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
