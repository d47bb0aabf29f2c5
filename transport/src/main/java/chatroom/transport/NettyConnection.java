package chatroom.transport;

import chatroom.core.Connection;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** A session's transport: its Netty channel, protocol and the reason it was closed for, if the server closed it. */
final class NettyConnection implements Connection {
    private final Channel channel;
    private final Protocol protocol;
    private final String remoteAddress;
    private final boolean secure;
    private volatile String closeReason = "Connection closed";

    NettyConnection(Channel channel, Protocol protocol) {
        this.channel = channel;
        this.protocol = protocol;
        this.remoteAddress = addressOf(channel.remoteAddress());
        this.secure = channel.pipeline().get(SslHandler.class) != null;
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

    String closeReason() {
        return closeReason;
    }

    void closeReason(String reason) {
        closeReason = reason;
    }
}
