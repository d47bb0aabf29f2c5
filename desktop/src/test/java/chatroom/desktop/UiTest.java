package chatroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UiTest {
    @Test
    void everyTextExistsInEnglishAndChinese() throws IOException {
        assertThat(keys("ui_zh.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(keys("ui.properties").stringPropertyNames());
    }

    @Test
    void theSystemLanguageChoosesUnlessOverridden() {
        assertThat(Ui.choose("", Locale.CHINA)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Ui.choose("", Locale.GERMANY)).isEqualTo(Locale.ENGLISH);
        assertThat(Ui.choose("en", Locale.CHINA)).isEqualTo(Locale.ENGLISH);
        assertThat(Ui.choose("zh", Locale.US)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void englishIsNotReplacedByTheSystemLanguage() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.CHINA);
            assertThat(new Ui(Locale.ENGLISH).get("chat.send")).isEqualTo("Send");
            assertThat(new Ui(Locale.SIMPLIFIED_CHINESE).get("chat.reconnecting", "断开了。", 5))
                    .isEqualTo("断开了。 5 秒后重新连接……");
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static Properties keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Objects.requireNonNull(Ui.class.getResourceAsStream(file), file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
