package chatroom.desktop;

import chatroom.client.Member;
import chatroom.protocol.CaseMapping;
import java.awt.Color;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultStyledDocument;
import javax.swing.text.SimpleAttributeSet;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import org.jspecify.annotations.Nullable;

/** A room or a whisper partner as the chat window shows it: its lines, unread count, topic and members. EDT only. */
final class Conversation {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    final String name;
    final boolean room;
    final StyledDocument doc = new DefaultStyledDocument();
    int unread;
    boolean mentioned;
    String topic = "";

    @Nullable
    String topicBy;

    List<Member> members = List.of();

    Conversation(String name, boolean room) {
        this.name = name;
        this.room = room;
    }

    boolean hasMember(String nick) {
        String folded = CaseMapping.fold(nick);
        return members.stream().anyMatch(m -> CaseMapping.fold(m.nick()).equals(folded));
    }

    /** Appends {@code [time] sender: text}; a line that mentions us gets a highlighted background. */
    void appendLine(Instant time, String sender, String text, boolean own, boolean mention, Palette palette) {
        append("[" + TIME.format(time.atZone(ZoneId.systemDefault())) + "] ", palette.muted(), null, false);
        append(sender + ": ", own ? palette.own() : palette.nick(sender), null, true);
        append(text + "\n", null, mention ? palette.mention() : null, false);
    }

    /** A line about the room (joins, parts, errors), in the muted colour. */
    void appendNotice(Instant time, String text, Palette palette) {
        append(
                "[" + TIME.format(time.atZone(ZoneId.systemDefault())) + "] " + text + "\n",
                palette.muted(),
                null,
                false);
    }

    private void append(String s, @Nullable Color fg, @Nullable Color bg, boolean bold) {
        SimpleAttributeSet a = new SimpleAttributeSet();
        if (fg != null) {
            StyleConstants.setForeground(a, fg);
        }
        if (bg != null) {
            StyleConstants.setBackground(a, bg);
        }
        StyleConstants.setBold(a, bold);
        try {
            doc.insertString(doc.getLength(), s, a);
        } catch (BadLocationException e) {
            throw new IllegalStateException("appending at the end of a document", e);
        }
    }

    /** The plain text shown, for tests and accessibility. */
    String text() {
        try {
            return doc.getText(0, doc.getLength());
        } catch (BadLocationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code text} names {@code nick} as a word (ASCII neighbours count as part of the word). */
    static boolean mentions(String text, String nick) {
        String t = CaseMapping.fold(text);
        String n = CaseMapping.fold(nick);
        for (int i = t.indexOf(n); i >= 0; i = t.indexOf(n, i + 1)) {
            boolean startOk = i == 0 || !wordChar(t.charAt(i - 1));
            int end = i + n.length();
            boolean endOk = end == t.length() || !wordChar(t.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Colours that read well on the current theme. */
    record Palette(Color muted, Color own, Color mention, boolean dark) {
        static Palette of(boolean dark) {
            return dark
                    ? new Palette(new Color(0x8C8C8C), new Color(0x6FA8FF), new Color(0x6B5300), true)
                    : new Palette(new Color(0x808080), new Color(0x1F5FBF), new Color(0xFFE680), false);
        }

        Color nick(String nick) {
            float hue = Math.floorMod(CaseMapping.fold(nick).hashCode(), 360) / 360f;
            return Color.getHSBColor(hue, dark ? 0.45f : 0.75f, dark ? 0.95f : 0.6f);
        }
    }
}
