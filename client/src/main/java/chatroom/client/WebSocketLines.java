package chatroom.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * IRC over WebSocket (https://ircv3.net/specs/extensions/websocket): each frame the server sends is one line; each
 * line the session writes (ending in CR LF) goes out as one text frame without it. Frames arrive whole: Netty's
 * WebSocket handler joins continuation frames before this stage sees them.
 */
final class WebSocketLines extends MessageToMessageCodec<WebSocketFrame, ByteBuf> {
    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        int length = line.readableBytes();
        while (length > 0
                && (line.getByte(line.readerIndex() + length - 1) == '\n'
                        || line.getByte(line.readerIndex() + length - 1) == '\r')) {
            length--;
        }
        out.add(new TextWebSocketFrame(line.retainedSlice(line.readerIndex(), length)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            out.add(frame.content().retain());
        }
    }
}
