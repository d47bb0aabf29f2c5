package chatroom.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One IRC connection of the load generator: registers, joins the bench room, and reads on its own thread. Lines it
 * sends carry their send time ({@code t=<nanoTime>}) so every receiver measures delivery latency; a sender's window
 * of lines in flight is freed by its own echo (echo-message).
 */
final class LoadClient implements AutoCloseable {
    static final String ROOM = "#bench";
    private static final String MARK = " PRIVMSG " + ROOM + " :t=";

    private final int id;
    private final Socket socket;
    private final OutputStream out;
    private final Stats stats;
    private final Semaphore window;
    private final Thread reader;
    private final java.util.concurrent.CountDownLatch joined = new java.util.concurrent.CountDownLatch(1);

    LoadClient(InetSocketAddress server, int id, int windowSize, Stats stats) throws IOException {
        this.id = id;
        this.stats = stats;
        this.window = new Semaphore(windowSize);
        this.socket = new Socket();
        socket.connect(server, 5_000);
        socket.setTcpNoDelay(true);
        this.out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.reader = Thread.ofPlatform().daemon().name("load-" + id).start(() -> read(in));
        send("CAP REQ :echo-message\r\nNICK b" + id + "\r\nUSER b 0 * :bench\r\nCAP END\r\nJOIN " + ROOM + "\r\n");
    }

    void awaitJoined() throws InterruptedException {
        if (!joined.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("client " + id + " did not join in 30 s");
        }
    }

    /** Sends one timed line once the window allows; false if the window stayed full for a second. */
    boolean sendTimed(long seq) throws InterruptedException {
        if (!window.tryAcquire(1, TimeUnit.SECONDS)) {
            return false;
        }
        send("PRIVMSG " + ROOM + " :t=" + System.nanoTime() + " s=" + id + " n=" + seq + "\r\n");
        stats.sent();
        return true;
    }

    private synchronized void send(String s) {
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                int at = line.indexOf(MARK);
                if (at > 0) {
                    onMessage(line, at + MARK.length());
                } else if (line.contains(" 366 ")) {
                    joined.countDown();
                } else if (line.startsWith("PING")) {
                    send("PONG" + line.substring(4) + "\r\n");
                }
            }
        } catch (IOException e) {
            // closed at the end of the run
        }
    }

    private void onMessage(String line, int from) {
        long now = System.nanoTime();
        int space = line.indexOf(' ', from);
        long sentAt = Long.parseLong(line, from, space, 10);
        boolean mine = line.startsWith(":b" + id + "!");
        if (mine) {
            window.release();
        } else {
            stats.delivered(now - sentAt);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        reader.interrupt();
    }
}
