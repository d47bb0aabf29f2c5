package chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {
    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void shortTextIsOnePiece() {
        assertThat(MessageSplitter.split("hello 你好", 100)).containsExactly("hello 你好");
    }

    @Test
    void chineseTextIsCutOnCharacterBoundariesWithinTheBudget() {
        String text = "大家好".repeat(100); // 900 bytes, 3 per character
        List<String> pieces = MessageSplitter.split(text, 100);
        assertThat(pieces).allSatisfy(p -> assertThat(bytes(p)).isLessThanOrEqualTo(100));
        assertThat(pieces.getFirst()).hasSize(33); // 99 bytes: a 34th character would need 102
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String text = "😀".repeat(30); // 4 bytes each, two chars each
        List<String> pieces = MessageSplitter.split(text, 10);
        assertThat(pieces).allSatisfy(p -> {
            assertThat(bytes(p)).isEqualTo(8);
            assertThat(p.codePoints().allMatch(cp -> cp == 0x1F600)).isTrue();
        });
        assertThat(String.join("", pieces)).isEqualTo(text);
    }

    @Test
    void breaksAfterTheLastSpaceThatFits() {
        assertThat(MessageSplitter.split("one two three four", 10)).containsExactly("one two ", "three four");
    }

    @Test
    void aWordLongerThanTheBudgetIsCutInside() {
        assertThat(MessageSplitter.split("abcdefghij klm", 4)).containsExactly("abcd", "efgh", "ij ", "klm");
    }

    @Test
    void lineBreaksStartNewPiecesAndEmptyLinesAreDropped() {
        assertThat(MessageSplitter.split("first\r\n\nsecond\rthird\n", 100))
                .containsExactly("first", "second", "third");
    }

    @Test
    void mixedScriptsKeepEveryCharacterInOrder() {
        String text = "Hello 世界 🌏 ".repeat(40);
        List<String> pieces = MessageSplitter.split(text, 57);
        assertThat(pieces).allSatisfy(p -> assertThat(bytes(p)).isLessThanOrEqualTo(57));
        assertThat(String.join("", pieces)).isEqualTo(text.stripTrailing() + " ");
    }
}
