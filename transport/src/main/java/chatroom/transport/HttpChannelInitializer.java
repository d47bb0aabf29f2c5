package chatroom.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP port's pipeline: HTTP/1.1 ({@link HttpRouter}: health, metrics, 404) and IRC over WebSocket through
 * Netty's {@link WebSocketServerProtocolHandler} (handshake, subprotocol choice, control frames, close frames with a
 * status and reason for oversized frames and invalid UTF-8 in text frames), then {@link WebSocketIrcCodec}, which
 * feeds the IRC stages every TCP connection has. The connection limiter applies here as on every port.
 */
final class HttpChannelInitializer extends ChannelInitializer<Channel> {
    /** Requests have no body we accept; the request line and headers are limited by the codec. */
    private static final int MAX_REQUEST_BYTES = 8192;
    /** An HTTP connection that neither asks nor upgrades is closed after this long. */
    private static final int HTTP_IDLE_SECONDS = 60;

    private final ChatChannelInitializer.Shared shared;
    private final @Nullable SslContext tls;

    HttpChannelInitializer(ChatChannelInitializer.Shared shared, @Nullable SslContext tls) {
        this.shared = shared;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel ch) {
        TransportConfig transport = shared.transport();
        shared.connections().add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast(PipelineNames.CONNECTION_LIMIT, shared.limiter());
        if (tls != null) {
            p.addLast(PipelineNames.TLS, tls.newHandler(ch.alloc()));
        }
        p.addLast(PipelineNames.HTTP_CODEC, new HttpServerCodec());
        // before the aggregator: an upload's body may be far larger than any other request
        p.addLast(PipelineNames.HTTP_UPLOAD, new UploadReceiver(shared));
        p.addLast(PipelineNames.HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_REQUEST_BYTES));
        p.addLast(PipelineNames.HTTP_IDLE, new IdleStateHandler(0, 0, HTTP_IDLE_SECONDS, TimeUnit.SECONDS));
        p.addLast(PipelineNames.HTTP_ROUTER, new HttpRouter(shared));
        int maxFrame = transport.maxLineBytes();
        p.addLast(
                PipelineNames.WEBSOCKET,
                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                        .websocketPath(HttpRouter.IRC_PATH)
                        .subprotocols(WebSocketIrcCodec.TEXT + "," + WebSocketIrcCodec.BINARY)
                        .checkStartsWith(false)
                        .handshakeTimeoutMillis(TimeUnit.SECONDS.toMillis(10))
                        .dropPongFrames(true)
                        .decoderConfig(WebSocketDecoderConfig.newBuilder()
                                .maxFramePayloadLength(maxFrame)
                                .allowExtensions(false)
                                .withUTF8Validator(true)
                                .closeOnProtocolViolation(true)
                                .build())
                        .build()));
        // a line split over continuation frames is joined; past the limit the session answers 417, as on TCP
        p.addLast(PipelineNames.WEBSOCKET_AGGREGATOR, new WebSocketFrameAggregator(maxFrame));
        p.addLast(PipelineNames.WEBSOCKET_IRC, new WebSocketIrcCodec(shared));
        p.addLast(PipelineNames.EXCEPTIONS, shared.exceptions());
    }
}
