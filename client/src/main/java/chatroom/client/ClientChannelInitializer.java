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
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's pipeline: [TLS] → lines (CR LF or LF), or HTTP → WebSocket handshake → one line per frame → parsed
 * messages → the connection's {@link Session}. Over WebSocket, registration starts once the handshake is done.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final Logger log = LoggerFactory.getLogger(ClientChannelInitializer.class);
    /** Server tags may take 8,191 bytes, the rest of the line 512 (https://ircv3.net/specs/extensions/message-tags). */
    static final int MAX_LINE_BYTES = 8191 + 512;
    /** The WebSocket subprotocol asked for: one UTF-8 line per text frame. */
    static final String TEXT_SUBPROTOCOL = "text.ircv3.net";

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
        String path = target.webSocketPath();
        if (path != null) {
            String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
            URI uri = URI.create((ssl != null ? "wss://" : "ws://") + host + ":" + target.port() + path);
            ch.pipeline().addLast(new HttpClientCodec());
            ch.pipeline().addLast(new HttpObjectAggregator(8192));
            ch.pipeline()
                    .addLast(new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                            .webSocketUri(uri)
                            .subprotocol(TEXT_SUBPROTOCOL)
                            .maxFramePayloadLength(MAX_LINE_BYTES)
                            .handshakeTimeoutMillis(10_000)
                            .build()));
            ch.pipeline().addLast(new WebSocketFrameAggregator(MAX_LINE_BYTES));
            ch.pipeline().addLast(new WebSocketLines());
            ch.pipeline().addLast(new LineHandler(client.newSession(ch), true));
            return;
        }
        // failFast=false: an overlong line is skipped whole, and the connection stays up
        ch.pipeline().addLast(new LineBasedFrameDecoder(MAX_LINE_BYTES, true, false));
        ch.pipeline().addLast(new LineHandler(client.newSession(ch), false));
    }

    private static final class LineHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private final Session session;
        private final boolean webSocket;

        LineHandler(Session session, boolean webSocket) {
            this.session = session;
            this.webSocket = webSocket;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            if (!webSocket) {
                start(ctx);
            }
            ctx.fireChannelActive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (webSocket && evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                start(ctx);
            }
            super.userEventTriggered(ctx, evt);
        }

        private void start(ChannelHandlerContext ctx) {
            if (session.client.stopped()) {
                ctx.close(); // quit while this connection was being made
                return;
            }
            session.registration.start();
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
