package chatroom.desktop;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The window texts in one language ({@code ui.properties}, {@code ui_zh.properties}). */
final class Ui {
    private final ResourceBundle bundle;
    private final Locale locale;

    Ui(Locale locale) {
        this.locale = locale;
        // ROOT as the fallback, so an English UI on a Chinese system does not pick the system's bundle
        this.bundle = ResourceBundle.getBundle(
                "chatroom.desktop.ui",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** Chinese for a Chinese locale, English otherwise; {@code lang} ("en" or "zh") overrides the system's. */
    static Locale choose(String lang, Locale system) {
        String l = lang.isEmpty() ? system.getLanguage() : lang;
        return l.equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
