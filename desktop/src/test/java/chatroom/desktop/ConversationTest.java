package chatroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationTest {
    @Test
    void aMentionIsTheNickAsAWordInAnyCase() {
        assertThat(Conversation.mentions("hi Alice!", "alice")).isTrue();
        assertThat(Conversation.mentions("alice: look", "alice")).isTrue();
        assertThat(Conversation.mentions("你好alice", "alice")).isTrue();
        assertThat(Conversation.mentions("欢迎 小明！", "小明")).isTrue();
        assertThat(Conversation.mentions("malice aforethought", "alice")).isFalse();
        assertThat(Conversation.mentions("alice_ is someone else", "alice")).isFalse();
    }

    @Test
    void linesShowTimeSenderAndTextAndAMentionIsHighlighted() {
        Conversation c = new Conversation("#room", true);
        Conversation.Palette light = Conversation.Palette.of(false);
        c.appendLine(Instant.parse("2026-01-01T08:00:00Z"), "bob", "hi alice", false, true, light);
        c.appendNotice(Instant.parse("2026-01-01T08:00:01Z"), "carol joined.", light);
        assertThat(c.text()).matches("(?s)\\[\\d\\d:00:00] bob: hi alice\n\\[\\d\\d:00:01] carol joined.\n");
        int at = c.text().indexOf("hi alice");
        assertThat(javax.swing.text.StyleConstants.getBackground(
                        c.doc.getCharacterElement(at).getAttributes()))
                .isEqualTo(light.mention());
    }
}
