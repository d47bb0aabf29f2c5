package chatroom.client;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Sentences for the user, in English or Simplified Chinese ({@code texts_zh.properties}) by the configured locale.
 * Only the configured locale and the English base are consulted, never the JVM's default locale.
 */
final class Texts {
    private final ResourceBundle bundle;
    private final Locale locale;

    Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(
                "chatroom.client.texts",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
