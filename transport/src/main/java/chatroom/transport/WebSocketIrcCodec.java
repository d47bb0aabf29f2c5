package chatroom.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * IRC over WebSocket (https://ircv3.net/specs/extensions/websocket): one IRC line per text or binary frame, without
 * CR LF. Inbound frames go through the same line decoding as the TCP port ({@link IrcLineDecoder#decodeLine}), so
 * length limits, UTF-8 checks and errors are the same; outbound lines from {@link NettyOutbox} lose their CR LF and
 * go out as binary frames when the client chose {@code binary.ircv3.net}, as text frames otherwise (also when it
 * named no subprotocol). Until the handshake completes the connection is HTTP; then this stage adds the IRC stages
 * (ping, session) and tells them the connection is active, so a session only exists for a WebSocket. While the
 * connection's {@link ReadPause} holds its lines back, the lines of frames already read wait here ({@link HeldLines}).
 */
final class WebSocketIrcCodec extends MessageToMessageCodec<WebSocketFrame, ByteBuf> implements HeldLines {
    static final String TEXT = "text.ircv3.net";
    static final String BINARY = "binary.ircv3.net";

    private final ChatChannelInitializer.Shared shared;
    private boolean binary;
    private @Nullable ReadPause pause;
    /** Lines decoded while the pause held them back, at most what one read brought; null when there are none. */
    private @Nullable ArrayDeque<InboundLine> held;

    WebSocketIrcCodec(ChatChannelInitializer.Shared shared) {
        this.shared = shared;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        if (!(frame instanceof TextWebSocketFrame) && !(frame instanceof BinaryWebSocketFrame)) {
            return; // control frames are answered by WebSocketServerProtocolHandler; continuations are aggregated
        }
        ByteBuf content = frame.content();
        // the spec forbids CR LF in a frame; a client that still ends its line with one is forgiven
        int end = content.writerIndex();
        if (end > content.readerIndex() && content.getByte(end - 1) == '\n') {
            end--;
            if (end > content.readerIndex() && content.getByte(end - 1) == '\r') {
                end--;
            }
        }
        InboundLine line = IrcLineDecoder.decodeLine(content.slice(content.readerIndex(), end - content.readerIndex()));
        if (line == null) {
            return;
        }
        ReadPause p = pause;
        if (held != null || (p != null && p.holdsLines())) {
            if (held == null) {
                held = new ArrayDeque<>();
            }
            held.add(line); // after the ones held before it: lines keep their order
        } else {
            out.add(line);
        }
    }

    @Override
    public void pausedBy(ReadPause p) {
        pause = p;
    }

    @Override
    public void resume(ChannelHandlerContext ctx) {
        ArrayDeque<InboundLine> h = held;
        if (h == null) {
            return;
        }
        ReadPause p = pause;
        while (!h.isEmpty() && (p == null || !p.holdsLines())) {
            ctx.fireChannelRead(h.poll());
        }
        if (h.isEmpty()) {
            held = null;
        }
    }

    /** The connection ended: its last lines go on whatever holds them back. */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        pause = null;
        resume(ctx);
        super.channelInactive(ctx);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        int length = line.readableBytes();
        if (length >= 2
                && line.getByte(line.writerIndex() - 2) == '\r'
                && line.getByte(line.writerIndex() - 1) == '\n') {
            length -= 2;
        }
        ByteBuf payload = line.retainedSlice(line.readerIndex(), length);
        out.add(binary ? new BinaryWebSocketFrame(payload) : new TextWebSocketFrame(payload));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete done) {
            binary = BINARY.equals(done.selectedSubprotocol());
            becomeIrc(ctx);
        }
        super.userEventTriggered(ctx, evt);
    }

    /** After the handshake: HTTP stages out, the IRC connection's stages in, then its session starts. */
    private void becomeIrc(ChannelHandlerContext ctx) {
        ChannelPipeline p = ctx.pipeline();
        p.remove(PipelineNames.HTTP_IDLE);
        p.remove(PipelineNames.HTTP_ROUTER);
        // the session stage is last on every chat connection and handles errors itself (ExceptionHandler.handle)
        p.replace(
                PipelineNames.EXCEPTIONS,
                PipelineNames.SESSION,
                shared.sessionHandler(chatroom.core.Connection.Protocol.IRC, List.of(), ServerMetrics.WEBSOCKET));
        // the channel has long been active; the stages just added learn it now, from here down the pipeline
        ctx.fireChannelActive();
    }
}
