package chatroom.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.client.ChatMessage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class LinesTest {
    private static final Instant T = Instant.parse("2026-12-01T10:05:42Z");
    private final Lines en = new Lines(new Texts(Locale.ENGLISH), ZoneOffset.UTC);
    private final Lines zh = new Lines(new Texts(Locale.SIMPLIFIED_CHINESE), ZoneOffset.UTC);

    private static ChatMessage said(String conversation, boolean room, String sender, String text) {
        return new ChatMessage(conversation, room, sender, text, T, "id1", false);
    }

    @Test
    void roomLinesWhispersActionsAndHistory() {
        assertThat(en.message(said("#课堂", true, "alice", "hello 你好"), false).toString())
                .isEqualTo("[10:05] #课堂 alice: hello 你好");
        assertThat(en.message(said("bob", false, "bob", "psst"), false).toString())
                .isEqualTo("[10:05] (whisper) bob: psst");
        assertThat(en.message(said("bob", false, "alice", "psst"), false).toString())
                .isEqualTo("[10:05] (whisper to bob) alice: psst");
        assertThat(zh.message(said("小明", false, "小明", "悄悄话"), false).toString()).isEqualTo("[10:05] （悄悄话） 小明: 悄悄话");
        assertThat(en.message(new ChatMessage("#a", true, "alice", "waves", T, null, false, true), false)
                        .toString())
                .isEqualTo("[10:05] #a * alice waves");
        assertThat(en.message(new ChatMessage("#a", true, "Svc", "note", T, null, true), false)
                        .toString())
                .isEqualTo("[10:05] #a -Svc- note");
        assertThat(en.message(said("#a", true, "alice", "old"), true).toString())
                .isEqualTo("(history) [12-01 10:05] #a alice: old");
    }

    @Test
    void controlCharactersFromTheNetworkNeverReachTheTerminal() {
        assertThat(en.message(said("#a", true, "eve", "\u001b[2Jgone\u0007 \u0002bold\u0002"), false)
                        .toString())
                .isEqualTo("[10:05] #a eve: [2Jgone bold");
    }

    @Test
    void eachNickHasOneColorWhateverItsCase() {
        assertThat(Lines.nickStyle("Alice")).isEqualTo(Lines.nickStyle("alice"));
        long colors = java.util.stream.Stream.of("alice", "bob", "carol", "dave", "erin", "小明", "小红")
                .map(Lines::nickStyle)
                .distinct()
                .count();
        assertThat(colors).isGreaterThan(2);
        AttributedString line = en.message(said("#a", true, "alice", "hi"), false);
        assertThat(line.styleAt("[10:05] #a ".length())).isEqualTo(Lines.nickStyle("alice"));
    }

    @Test
    void wideCharactersTakeTwoColumns() {
        AttributedString line = zh.message(said("#课堂", true, "小明", "你好"), false);
        // "[10:05] " 8 + "#课堂 " 6 + "小明: " 6 + "你好" 4
        assertThat(line.columnLength()).isEqualTo(24);
        assertThat(line.length()).isEqualTo(18);
    }

    @Test
    void helpAndStatusInBothLanguages() {
        assertThat(new Texts(Locale.ENGLISH).get("help")).contains("/join #room", "/history [N]", "alice,bob: TEXT");
        assertThat(new Texts(Locale.SIMPLIFIED_CHINESE).get("help")).contains("/join #房间", "悄悄话");
        assertThat(zh.status("retry", 4).toString()).isEqualTo("4 秒后重新连接……");
        assertThat(Texts.localeFor("zh")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Texts.localeFor("en")).isEqualTo(Locale.ENGLISH);
    }
}
