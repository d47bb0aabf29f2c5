package chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void englishAndSimplifiedChineseByLocale() {
        assertThat(new Texts(Locale.ENGLISH).get("nameTaken", "bob", "bob_"))
                .isEqualTo("The name bob is taken; trying bob_.");
        assertThat(new Texts(Locale.SIMPLIFIED_CHINESE).get("nameTaken", "bob", "bob_"))
                .isEqualTo("名字 bob 已被占用，改用 bob_。");
    }

    @Test
    void anotherLanguageFallsBackToEnglishNotTheDefaultLocale() {
        assertThat(new Texts(Locale.GERMAN).get("connectionLost")).isEqualTo("The connection to the server was lost.");
    }
}
