package chatroom.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.URI;
import java.util.List;

/**
 * IRC over WebSocket for the generator (https://ircv3.net/specs/extensions/websocket), the way a browser speaks it:
 * an HTTP upgrade with the {@code text.ircv3.net} subprotocol, then one line per text frame. The connection's handler
 * behind these stages sees lines as over TCP, and is told the channel is active only once the handshake is done.
 */
final class WebSocketPipe {
    private WebSocketPipe() {}

    static void add(ChannelPipeline p, URI uri) {
        p.addLast(new HttpClientCodec());
        p.addLast(new HttpObjectAggregator(8192));
        p.addLast(new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .subprotocol("text.ircv3.net")
                .maxFramePayloadLength(16 * 1024)
                .handshakeTimeoutMillis(20_000)
                .build()));
        p.addLast(new Lines());
        p.addLast(new ActiveAfterHandshake());
    }

    /** Frames in, lines out; written buffers (one or more CR LF lines) out as one frame per line. */
    private static final class Lines extends MessageToMessageCodec<WebSocketFrame, ByteBuf> {
        @Override
        protected void encode(ChannelHandlerContext ctx, ByteBuf lines, List<Object> out) {
            int start = lines.readerIndex();
            int end = lines.writerIndex();
            while (start < end) {
                int eol = lines.indexOf(start, end, (byte) '\n');
                int next = eol < 0 ? end : eol + 1;
                int stop = eol < 0 ? end : eol;
                if (stop > start && lines.getByte(stop - 1) == '\r') {
                    stop--;
                }
                if (stop > start) {
                    out.add(new TextWebSocketFrame(lines.retainedSlice(start, stop - start)));
                }
                start = next;
            }
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
            if (frame instanceof TextWebSocketFrame) {
                out.add(frame.content().retain());
            }
        }
    }

    /** Holds back channelActive (which starts registration) until the WebSocket handshake completes. */
    private static final class ActiveAfterHandshake extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            // not passed on: the handshake is not done yet
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ctx.fireChannelActive();
            }
            ctx.fireUserEventTriggered(evt);
        }
    }
}
