package chatroom.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;

/**
 * The event loops' I/O. Linux epoll (Netty's native library) costs less CPU per read and write and less memory per
 * connection than Java NIO, which has JDK socket objects of its own; NIO works everywhere.
 */
public enum IoTransport {
    EPOLL,
    NIO;

    private static final IoTransport BEST = epollWorks() ? EPOLL : NIO;

    /**
     * Epoll when its native library loads on this machine, NIO otherwise; {@code -Dio.netty.transport.noNative=true}
     * makes it NIO, e.g. to compare the two.
     */
    public static IoTransport best() {
        return BEST;
    }

    public IoHandlerFactory handlers() {
        return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    public Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends SocketChannel> socketChannel() {
        return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** "epoll" or "nio", for logs and reports. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The native library loads and links (a library of another Netty version may load but not link). */
    private static boolean epollWorks() {
        if (!Epoll.isAvailable()) {
            return false;
        }
        try {
            Class.forName("io.netty.channel.unix.Errors");
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
