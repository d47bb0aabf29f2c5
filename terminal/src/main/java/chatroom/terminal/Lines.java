package chatroom.terminal;

import chatroom.client.ChatMessage;
import chatroom.protocol.CaseMapping;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns what happens into the lines the user reads: {@code [10:05] #room alice: text}, whispers marked {@code
 * (whisper)}, actions as {@code * alice waves}, older lines from history marked and dated. Each nick has its own
 * color (a stable hash of its folded form), so a nick looks the same in every line and every session.
 */
final class Lines {
    private static final int[] PALETTE = {
        AttributedStyle.RED,
        AttributedStyle.GREEN,
        AttributedStyle.YELLOW,
        AttributedStyle.BLUE,
        AttributedStyle.MAGENTA,
        AttributedStyle.CYAN,
        AttributedStyle.BRIGHT | AttributedStyle.RED,
        AttributedStyle.BRIGHT | AttributedStyle.GREEN,
        AttributedStyle.BRIGHT | AttributedStyle.BLUE,
        AttributedStyle.BRIGHT | AttributedStyle.MAGENTA,
        AttributedStyle.BRIGHT | AttributedStyle.CYAN,
    };
    private static final AttributedStyle DIM =
            AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);
    private static final AttributedStyle WHISPER =
            AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold();
    private static final AttributedStyle STATUS =
            AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);
    private static final AttributedStyle ERROR =
            AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();

    private final Texts texts;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dated;

    Lines(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
        this.dated = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(zone);
    }

    /** The color of a nick: the same for every spelling that folds alike. */
    static AttributedStyle nickStyle(String nick) {
        return AttributedStyle.DEFAULT.foreground(
                PALETTE[Math.floorMod(CaseMapping.fold(nick).hashCode(), PALETTE.length)]);
    }

    /** A line said in a room or whispered; {@code fromHistory} for older lines asked for with /history. */
    AttributedString message(ChatMessage m, boolean fromHistory) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        if (fromHistory) {
            b.styled(DIM, texts.get("history") + " [" + dated.format(m.time()) + "] ");
        } else {
            b.styled(DIM, "[" + time.format(m.time()) + "] ");
        }
        if (m.room()) {
            b.styled(AttributedStyle.BOLD, m.conversation()).append(' ');
        } else if (CaseMapping.fold(m.sender()).equals(CaseMapping.fold(m.conversation()))) {
            b.styled(WHISPER, texts.get("whisperFrom")).append(' ');
        } else {
            b.styled(WHISPER, texts.get("whisperTo", m.conversation())).append(' ');
        }
        if (m.action()) {
            b.append("* ").styled(nickStyle(m.sender()), m.sender()).append(' ');
        } else if (m.notice()) {
            b.append('-').styled(nickStyle(m.sender()), m.sender()).append("- ");
        } else {
            b.styled(nickStyle(m.sender()), m.sender()).append(": ");
        }
        return b.append(clean(m.text())).toAttributedString();
    }

    /** A status line (joins, topics, connection), dimmed. */
    AttributedString status(String key, Object... args) {
        return new AttributedString(clean(texts.get(key, args)), STATUS);
    }

    /** Something that went wrong, as a sentence. */
    AttributedString error(String sentence) {
        return new AttributedString(clean(sentence), ERROR);
    }

    /** Plain text (help, lists). */
    AttributedString plain(String text) {
        return new AttributedString(text);
    }

    /** Control characters from the network must not drive the user's terminal (IRC formatting codes included). */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n' || !Character.isISOControl(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
