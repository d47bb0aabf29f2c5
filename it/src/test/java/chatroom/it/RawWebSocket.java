package chatroom.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A deliberately bad WebSocket client for the bad-input tests: it sends frames a well-behaved client library refuses
 * to send (invalid UTF-8 in a text frame, an oversized frame) and reads the server's close frame. Test code only.
 */
final class RawWebSocket implements AutoCloseable {
    static final int TEXT = 1;

    /** The server's close frame: status code and reason. */
    record Close(int code, String reason) {}

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout(10_000);
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens a socket to {@code address} without any HTTP; for raw requests. */
    static RawWebSocket socket(InetSocketAddress address) {
        try {
            return new RawWebSocket(new Socket(address.getAddress(), address.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and completes the handshake at {@code /irc} with the text subprotocol. */
    static RawWebSocket open(InetSocketAddress address) {
        RawWebSocket ws = socket(address);
        ws.write(("GET /irc HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Protocol: text.ircv3.net\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        String head = ws.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new AssertionError("no upgrade: " + head);
        }
        return ws;
    }

    void write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response's status line and headers. */
    String readHead() {
        var head = new ByteArrayOutputStream();
        try {
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Everything the server sends until it closes the connection. */
    String readToEnd() {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One final, masked frame (clients must mask). */
    void sendFrame(int opcode, byte[] payload) {
        var f = new ByteArrayOutputStream();
        f.write(0x80 | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else {
            f.write(0x80 | 126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xFF);
        }
        byte[] mask = {1, 2, 3, 4};
        f.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i % 4]);
        }
        write(f.toByteArray());
    }

    /** Reads frames until the server's close frame. */
    Close readClose() {
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                long len = in.readUnsignedByte() & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] payload = in.readNBytes((int) len);
                if ((b0 & 0x0F) == 8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    String reason = payload.length > 2
                            ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8)
                            : "";
                    return new Close(code, reason);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once the server has closed the connection (end of stream). */
    boolean closedByServer() {
        try {
            in.readAllBytes();
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a test socket
        }
    }
}
