package chatroom.server;

import chatroom.core.history.HistoryEvent;
import chatroom.protocol.IrcMessage;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One exported event per line: a readable log line, or a JSON object (Jackson's streaming writer). */
final class ExportFormat {
    /** Lower case so that the flag reads {@code --format json}. */
    @SuppressWarnings("EnumNaming")
    enum Kind {
        text,
        json
    }

    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final JsonFactory JSON = new JsonFactory();

    private final Kind kind;
    private final DateTimeFormatter time;
    private final PrintWriter out;

    ExportFormat(Kind kind, ZoneId zone, PrintWriter out) {
        this.kind = kind;
        this.time = TEXT_TIME.withZone(zone);
        this.out = out;
    }

    void write(HistoryEvent e) {
        IrcMessage m = e.message();
        out.println(kind == Kind.json ? json(e, m) : time.format(e.at()) + "  " + text(e, m));
    }

    /** {@code #lobby alice: hello}, {@code alice -> bob: psst}, {@code #lobby * alice joined}. */
    static String text(HistoryEvent e, IrcMessage m) {
        String from = nick(m);
        String where = e.isWhisper() ? "" : m.param(0) + "  ";
        return switch (m.command()) {
            case "PRIVMSG", "NOTICE" ->
                e.isWhisper() ? from + " -> " + m.param(0) + ": " + m.param(1) : where + from + ": " + m.param(1);
            case "TAGMSG" -> where + "* " + from + " reacted";
            case "JOIN" -> where + "* " + from + " joined";
            case "PART" -> where + "* " + from + " left" + reason(m.param(1));
            case "QUIT" -> "* " + from + " quit" + reason(m.param(0));
            case "NICK" -> "* " + from + " is now known as " + m.param(0);
            case "TOPIC" -> where + "* " + from + " set the topic: " + m.param(1);
            case "KICK" -> where + "* " + from + " kicked " + m.param(1) + reason(m.param(2));
            case "MODE" ->
                where + "* " + from + " set mode " + String.join(" ", m.params().subList(1, m.paramCount()));
            default -> where + "* " + from + " " + m.command() + " " + String.join(" ", m.params());
        };
    }

    private static String json(HistoryEvent e, IrcMessage m) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            g.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(e.at()));
            g.writeStringField("msgid", e.msgid());
            g.writeStringField("type", m.command());
            g.writeStringField("from", nick(m));
            if (e.isWhisper()) {
                g.writeStringField("to", m.param(0));
            } else if (!m.command().equals("QUIT") && !m.command().equals("NICK")) {
                g.writeStringField("room", m.param(0));
            }
            String text = switch (m.command()) {
                case "PRIVMSG", "NOTICE", "TOPIC" -> m.param(1);
                case "PART", "KICK" -> m.param(m.command().equals("KICK") ? 2 : 1);
                case "QUIT" -> m.param(0);
                case "NICK" -> m.param(0);
                default -> null;
            };
            if (text != null) {
                g.writeStringField(m.command().equals("NICK") ? "newNick" : "text", text);
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return w.toString();
    }

    private static String nick(IrcMessage m) {
        String s = String.valueOf(m.source());
        int bang = s.indexOf('!');
        return bang < 0 ? s : s.substring(0, bang);
    }

    private static String reason(String r) {
        return r.isEmpty() ? "" : " (" + r + ")";
    }
}
