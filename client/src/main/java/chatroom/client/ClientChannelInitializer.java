package chatroom.client;

import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client's pipeline: [TLS] → lines (CR LF or LF) → parsed messages → the connection's {@link Session}. */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger log = LoggerFactory.getLogger(ClientChannelInitializer.class);
    /** Server tags may take 8,191 bytes, the rest of the line 512 (https://ircv3.net/specs/extensions/message-tags). */
    static final int MAX_LINE_BYTES = 8191 + 512;

    private final ChatClient client;
    private final ClientConfig target;
    private final @Nullable SslContext ssl;

    ClientChannelInitializer(ChatClient client, ClientConfig target, @Nullable SslContext ssl) {
        this.client = client;
        this.target = target;
        this.ssl = ssl;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        if (ssl != null) {
            // host and port for SNI and, unless self-signed certificates are trusted, host name verification
            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), target.host(), target.port()));
        }
        // failFast=false: an overlong line is skipped whole, and the connection stays up
        ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE_BYTES, true, false));
        ch.pipeline().addLast(new LineHandler(client.newSession(ch)));
    }

    private static final class LineHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private final Session session;

        LineHandler(Session session) {
            this.session = session;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (session.client.stopped()) {
                ctx.close(); // quit while this connection was being made
                return;
            }
            session.registration.start();
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf buf) {
            String line = buf.toString(StandardCharsets.UTF_8);
            if (line.isBlank()) {
                return;
            }
            try {
                session.handle(IrcParser.parse(line));
            } catch (IrcParseException e) {
                log.debug("unparseable line from the server: {}", line);
            } catch (RuntimeException e) {
                // a bug here or in a listener must not take the connection down with it
                log.warn("handling {} failed", line, e);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            session.client.closed(session);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof TooLongFrameException) {
                return;
            }
            log.debug("connection error", cause);
            ctx.close();
        }
    }
}
