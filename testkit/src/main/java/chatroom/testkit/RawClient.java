package chatroom.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A line-oriented client over a real socket, for integration tests of the IRC and plain-text ports. A reader thread
 * puts every received line on a queue; {@link #expect} waits for a matching line (no sleeps). To prove that something
 * did not happen, {@link #sync()} sends {@code PING :sync-N} and returns every line before the matching PONG.
 */
public final class RawClient implements AutoCloseable {
    /** Marker put on the queue when the server closes the connection. */
    public static final String EOF = "\u0000EOF";

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private Duration timeout = Duration.ofSeconds(10);
    private int syncCounter;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.reader = Thread.ofVirtual().name("rawclient-reader").start(() -> readLoop(in));
    }

    public static RawClient connect(InetSocketAddress address) {
        try {
            Socket s = new Socket();
            s.connect(address, 5_000);
            s.setTcpNoDelay(true);
            return new RawClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Connects over TLS, trusting any certificate (tests talk to a server with a self-signed one) and handing the
     * certificate the server presented to {@code seen}.
     */
    public static RawClient connectTls(
            InetSocketAddress address, java.util.function.Consumer<java.security.cert.Certificate> seen) {
        return connectTls(address, null, seen);
    }

    /**
     * Connects over TLS as above, presenting the client certificate that {@code keys} (from a {@code
     * KeyManagerFactory}) hold, if any.
     */
    public static RawClient connectTls(
            InetSocketAddress address,
            javax.net.ssl.KeyManager @org.jspecify.annotations.Nullable [] keys,
            java.util.function.Consumer<java.security.cert.Certificate> seen) {
        try {
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(keys, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
            javax.net.ssl.SSLSocket s =
                    (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket();
            s.connect(address, 5_000);
            s.startHandshake();
            seen.accept(s.getSession().getPeerCertificates()[0]);
            return new RawClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts any server certificate: only for tests against our own self-signed server. */
    private static final class TrustAll implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    /** Connects and registers over IRC with {@code NICK}/{@code USER}, waiting for the end of the welcome burst. */
    public static RawClient register(InetSocketAddress address, String nick) {
        RawClient c = connect(address);
        c.send("NICK " + nick).send("USER " + "u" + " 0 * :Test " + nick);
        c.expect(l -> l.contains(" 376 ") || l.contains(" 422 "));
        return c;
    }

    private void readLoop(BufferedReader in) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the socket closed; EOF below tells the test
        }
        lines.add(EOF);
    }

    public RawClient timeout(Duration d) {
        timeout = d;
        return this;
    }

    public RawClient send(String line) {
        return sendBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public RawClient sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits for the first line matching {@code p}; lines before it are consumed. Fails on timeout or EOF. */
    public String expect(Predicate<String> p) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> skipped = new ArrayList<>();
        while (true) {
            String line = poll(deadline);
            if (line == null) {
                throw new AssertionError("timed out after " + timeout + "; lines seen: " + skipped);
            }
            if (line.equals(EOF)) {
                lines.add(EOF);
                throw new AssertionError("connection closed; lines seen: " + skipped);
            }
            if (p.test(line)) {
                return line;
            }
            skipped.add(line);
        }
    }

    /** Waits for a line containing {@code fragment}. */
    public String expect(String fragment) {
        return expect(l -> l.contains(fragment));
    }

    /** Every line until the server closes the connection (or the timeout). */
    public List<String> readUntilClosed() {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = poll(deadline);
            if (line == null) {
                throw new AssertionError("connection still open after " + timeout + "; lines seen: " + seen);
            }
            if (line.equals(EOF)) {
                lines.add(EOF);
                return seen;
            }
            seen.add(line);
        }
    }

    /** Sends a PING and returns every line received before its PONG: the complete response so far. */
    public List<String> sync() {
        syncCounter++;
        String token = "sync-" + syncCounter;
        send("PING :" + token);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (true) {
            String line = poll(deadline);
            if (line == null || line.equals(EOF)) {
                throw new AssertionError("no PONG " + token + "; lines seen: " + seen);
            }
            if (line.contains("PONG") && line.endsWith(token)) {
                return seen;
            }
            seen.add(line);
        }
    }

    private @Nullable String poll(long deadline) {
        try {
            long left = deadline - System.nanoTime();
            return left <= 0 ? lines.poll() : lines.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public boolean isClosedByServer() {
        return lines.contains(EOF);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }
}
