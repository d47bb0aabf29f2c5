package chatroom.client;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to connect.
 *
 * @param tls connect with TLS
 * @param trustSelfSigned with TLS, accept any certificate and host name: for a local server with its self-signed
 *     certificate only, since it gives up protection against an impostor
 * @param password when set, log in to the account named {@code nick} with SASL PLAIN; registration stops if the
 *     server has no SASL or refuses the password
 * @param locale language of the sentences given to {@link ChatListener#error} and {@link ChatListener#disconnected}
 * @param queueLimit lines kept while disconnected, sent after reconnecting; more are refused with an error
 * @param webSocketPath when set, IRC over WebSocket (https://ircv3.net/specs/extensions/websocket) at this path of
 *     the host's HTTP port ({@code ws://}, or {@code wss://} with TLS), instead of IRC over TCP
 */
public record ClientConfig(
        String host,
        int port,
        boolean tls,
        boolean trustSelfSigned,
        String nick,
        @Nullable String password,
        Locale locale,
        int queueLimit,
        @Nullable String webSocketPath) {
    public static final int DEFAULT_QUEUE_LIMIT = 200;

    public ClientConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(nick);
        if (nick.isEmpty() || nick.contains(" ")) {
            throw new IllegalArgumentException("a nick is one word");
        }
        if (webSocketPath != null && !webSocketPath.startsWith("/")) {
            throw new IllegalArgumentException("a WebSocket path starts with /");
        }
        if (queueLimit < 1) {
            throw new IllegalArgumentException("queueLimit must be positive");
        }
    }

    /** Plain TCP, no password, English texts. */
    public static ClientConfig of(String host, int port, String nick) {
        return new ClientConfig(host, port, false, false, nick, null, Locale.ENGLISH, DEFAULT_QUEUE_LIMIT, null);
    }

    public ClientConfig withTls(boolean trustSelfSigned) {
        return new ClientConfig(host, port, true, trustSelfSigned, nick, password, locale, queueLimit, webSocketPath);
    }

    public ClientConfig withPassword(@Nullable String newPassword) {
        return new ClientConfig(host, port, tls, trustSelfSigned, nick, newPassword, locale, queueLimit, webSocketPath);
    }

    public ClientConfig withLocale(Locale newLocale) {
        return new ClientConfig(host, port, tls, trustSelfSigned, nick, password, newLocale, queueLimit, webSocketPath);
    }

    public ClientConfig withQueueLimit(int limit) {
        return new ClientConfig(host, port, tls, trustSelfSigned, nick, password, locale, limit, webSocketPath);
    }

    /** IRC over WebSocket at {@code path} (e.g. {@code /irc}) of the HTTP port given as the port. */
    public ClientConfig withWebSocket(String path) {
        return new ClientConfig(host, port, tls, trustSelfSigned, nick, password, locale, queueLimit, path);
    }

    public ClientConfig withAddress(String newHost, int newPort) {
        return new ClientConfig(
                newHost, newPort, tls, trustSelfSigned, nick, password, locale, queueLimit, webSocketPath);
    }
}
