package chatroom.transport;

import chatroom.core.Connection;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * A session's transport: its Netty channel, protocol, TLS client certificate fingerprint, the reason it was closed
 * for, if the server closed it, and its place in its event loop's keep-alive list ({@link Liveness}).
 */
final class NettyConnection implements Connection {
    private final Channel channel;
    private final Protocol protocol;
    private final String remoteAddress;
    private final boolean secure;
    private final ConnectionOutput output;
    private final ReadPause readPause;
    private volatile String closeReason = "Connection closed";
    /** Set on the event loop when the TLS handshake completes, before any line is read; read on the hub. */
    private volatile @Nullable String certificateFingerprint;

    // Keep-alive (Liveness), on the event loop only: the list this connection is in, if any, and its place there.
    Liveness.@Nullable Sweep sweep;
    /** The time of the last inbound line, or of the PING while {@link #awaiting} an answer. */
    long lastRead;
    /** A PING went out and nothing has arrived since. */
    boolean awaiting;

    @Nullable
    NettyConnection prev;

    @Nullable
    NettyConnection next;

    NettyConnection(Channel channel, Protocol protocol) {
        this.channel = channel;
        this.protocol = protocol;
        this.remoteAddress = addressOf(channel.remoteAddress());
        this.secure = channel.pipeline().get(SslHandler.class) != null;
        // a WebSocket sends each line as a frame of its own; the plain port's lines are translated one by one
        this.output = new ConnectionOutput(
                channel, protocol == Protocol.IRC && channel.pipeline().get(WebSocketIrcCodec.class) == null);
        this.readPause = new ReadPause(channel);
    }

    static String addressOf(SocketAddress a) {
        if (a instanceof InetSocketAddress isa && isa.getAddress() != null) {
            return isa.getAddress().getHostAddress();
        }
        return "unknown";
    }

    Channel channel() {
        return channel;
    }

    /** Why this connection is not being read, if it is not. */
    ReadPause readPause() {
        return readPause;
    }

    /** The outbox's side of this connection, on its event loop. */
    ConnectionOutput output() {
        return output;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public @Nullable String certificateFingerprint() {
        return certificateFingerprint;
    }

    /**
     * Once the TLS handshake is done: the SHA-256 fingerprint of the client's certificate, if it showed one. The
     * handshake completes before the first line is decoded, so every command sees it.
     */
    void tlsHandshakeDone(SSLSession tls) {
        try {
            Certificate[] chain = tls.getPeerCertificates();
            if (chain.length > 0) {
                certificateFingerprint = HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
            }
        } catch (SSLPeerUnverifiedException e) {
            // no client certificate: fine, EXTERNAL is just not available
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a client certificate", e);
        }
    }

    String closeReason() {
        return closeReason;
    }

    void closeReason(String reason) {
        closeReason = reason;
    }
}
