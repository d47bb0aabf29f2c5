package chatroom.transport;

/**
 * Where to listen. A port of 0 means "any free port"; -1 disables that listener.
 *
 * @param bind address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param ircTlsPort IRC over TLS; needs a TLS context when enabled
 * @param plainBind address for the plain-text port, e.g. {@code 127.0.0.1} to keep unencrypted telnet local
 * @param httpPort HTTP: IRC over WebSocket at {@code /irc}, {@code /healthz}, {@code /metrics}
 * @param httpTls whether the HTTP port speaks TLS (HTTPS and {@code wss://}); needs a TLS context
 */
public record ListenConfig(
        String bind, int ircPort, int plainPort, int ircTlsPort, String plainBind, int httpPort, boolean httpTls) {
    public static final int DISABLED = -1;

    /** No HTTP listener. */
    public ListenConfig(String bind, int ircPort, int plainPort, int ircTlsPort, String plainBind) {
        this(bind, ircPort, plainPort, ircTlsPort, plainBind, DISABLED, false);
    }

    /** Every listener on {@code bind}, no HTTP. */
    public ListenConfig(String bind, int ircPort, int plainPort, int ircTlsPort) {
        this(bind, ircPort, plainPort, ircTlsPort, bind);
    }

    /** IRC and plain text only, no TLS or HTTP listener. */
    public ListenConfig(String bind, int ircPort, int plainPort) {
        this(bind, ircPort, plainPort, DISABLED);
    }

    /** The same with the HTTP listener on {@code port}, plain HTTP or over TLS. */
    public ListenConfig withHttp(int port, boolean tls) {
        return new ListenConfig(bind, ircPort, plainPort, ircTlsPort, plainBind, port, tls);
    }
}
