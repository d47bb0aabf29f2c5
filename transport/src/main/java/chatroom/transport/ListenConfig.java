package chatroom.transport;

/**
 * Where to listen. A port of 0 means "any free port"; -1 disables that listener.
 *
 * @param bind address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param ircTlsPort IRC over TLS; needs a TLS context when enabled
 * @param plainBind address for the plain-text port, e.g. {@code 127.0.0.1} to keep unencrypted telnet local
 */
public record ListenConfig(String bind, int ircPort, int plainPort, int ircTlsPort, String plainBind) {
    public static final int DISABLED = -1;

    /** Every listener on {@code bind}. */
    public ListenConfig(String bind, int ircPort, int plainPort, int ircTlsPort) {
        this(bind, ircPort, plainPort, ircTlsPort, bind);
    }

    /** IRC and plain text only, no TLS listener. */
    public ListenConfig(String bind, int ircPort, int plainPort) {
        this(bind, ircPort, plainPort, DISABLED);
    }
}
