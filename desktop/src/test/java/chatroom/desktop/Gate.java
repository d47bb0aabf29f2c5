package chatroom.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder standing for "the server's address": it forwards to the current server, or refuses
 * (accepts and closes at once) while there is none, so a test decides when a reconnecting client gets back in.
 */
final class Gate implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile int target;

    Gate(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("gate-accept").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Forwards new connections to {@code port} from now on; 0 refuses them. */
    void target(int port) {
        target = port;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket in = listener.accept();
                int t = target;
                if (t == 0) {
                    in.close();
                    continue;
                }
                Socket out = new Socket(InetAddress.getLoopbackAddress(), t);
                open.add(in);
                open.add(out);
                Thread.ofVirtual().start(() -> pump(in, out));
                Thread.ofVirtual().start(() -> pump(out, in));
            } catch (IOException e) {
                // closed, or the target refused: the client sees a dropped connection and tries again
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream i = from.getInputStream();
                OutputStream o = to.getOutputStream()) {
            i.transferTo(o);
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(Gate::closeQuietly);
    }
}
