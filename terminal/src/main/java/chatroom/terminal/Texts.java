package chatroom.terminal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** What the terminal client says, in English or Simplified Chinese ({@code texts_zh.properties}) by its locale. */
final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                "chatroom.terminal.texts",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    Locale locale() {
        return locale;
    }

    /** English unless {@code lang} (or, when null, the system's language) is Chinese. */
    static Locale localeFor(@org.jspecify.annotations.Nullable String lang) {
        String language = lang != null ? lang : Locale.getDefault().getLanguage();
        return language.toLowerCase(Locale.ROOT).startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
