package chatroom.transport;

/**
 * Where to listen. A port of 0 means "any free port"; -1 disables that listener.
 *
 * @param bind address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 */
public record ListenConfig(String bind, int ircPort, int plainPort) {
    public static final int DISABLED = -1;
}
