package chatroom.transport;

import chatroom.core.Connection;
import chatroom.core.Hub;
import chatroom.core.command.Dispatcher;
import chatroom.core.user.Session;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge from an event loop to the hub: every inbound line becomes one hub task (STYLE.md §3). The session object
 * is created and only ever touched on the hub; this handler keeps a reference that only hub tasks read.
 */
final class SessionHandler extends SimpleChannelInboundHandler<InboundLine> {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final Hub hub;
    private final Dispatcher dispatcher;
    private final Connection.Protocol protocol;
    private final List<String> autoJoin;
    /** The keep-alive of IRC connections; null on the plain port, whose users cannot answer a PING. */
    private final @Nullable Liveness liveness;
    /** Written and read on the hub only. */
    private @Nullable Session session;

    private @Nullable NettyConnection connection;
    /** Event loop only: {@link #ended()} has run. */
    private boolean ended;

    private final ServerMetrics.PerProtocol metrics;

    SessionHandler(
            Hub hub,
            Dispatcher dispatcher,
            Connection.Protocol protocol,
            List<String> autoJoin,
            @Nullable Liveness liveness,
            ServerMetrics.PerProtocol metrics) {
        this.metrics = metrics;
        this.liveness = liveness;
        this.hub = hub;
        this.dispatcher = dispatcher;
        this.protocol = protocol;
        this.autoJoin = autoJoin;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (connection != null) {
            ctx.fireChannelActive(); // told twice (a stage added late fires it again): one session is enough
            return;
        }
        NettyConnection c = new NettyConnection(ctx.channel(), protocol);
        connection = c;
        HeldLines held = ctx.pipeline().get(HeldLines.class);
        if (held != null) {
            held.pausedBy(c.readPause());
        }
        if (liveness != null) {
            liveness.join(c);
        }
        SslHandler tls = ctx.pipeline().get(SslHandler.class);
        if (tls != null) {
            // runs on this event loop as the handshake completes, before the first line reaches the hub
            tls.handshakeFuture().addListener(done -> {
                if (done.isSuccess()) {
                    c.tlsHandshakeDone(tls.engine().getSession());
                }
            });
        }
        metrics.connections().inc();
        log.info(
                "connect {} from {}",
                ctx.pipeline().get(WebSocketIrcCodec.class) != null ? "WEBSOCKET" : protocol,
                c.remoteAddress());
        // the dispatcher closes it if it does not register in time (a scanner, a half-open script)
        hub.execute(() -> session = dispatcher.connected(c, autoJoin));
        ctx.fireChannelActive();
    }

    /** The connection, once active; on the event loop (the {@link Disconnector} sets its close reason). */
    @Nullable
    NettyConnection connection() {
        return connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundLine line) {
        if (Disconnector.closing(ctx.channel())) {
            return; // the server is closing this connection: later lines of the same read are not commands
        }
        metrics.messagesIn().inc();
        NettyConnection c = Objects.requireNonNull(connection, "read before active");
        Liveness.sawLine(c); // any line is a sign of life
        ReadPause pause = c.readPause();
        pause.lineToHub();
        hub.execute(() -> {
            try {
                handle(line);
            } finally {
                pause.lineHandled();
            }
        });
    }

    /** On the hub. */
    private void handle(InboundLine line) {
        Session s = session;
        if (s == null) {
            return;
        }
        switch (line) {
            case InboundLine.Message m -> dispatcher.dispatch(s, m.message());
            case InboundLine.InvalidUtf8 bad -> dispatcher.invalidUtf8(s, bad.command());
            case InboundLine.ForbiddenCharacters bad -> dispatcher.forbiddenCharacters(s, bad.command());
            case InboundLine.TooLong ignored -> dispatcher.inputTooLong(s);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended();
        ctx.fireChannelInactive();
    }

    /**
     * The connection is over for the chat: at its close, or earlier when the server ends it and only waits for the
     * client to close ({@link Disconnector}), so the others see the QUIT at once. Runs once, on the event loop.
     */
    void ended() {
        if (ended) {
            return;
        }
        ended = true;
        NettyConnection c = connection;
        if (c != null) {
            Liveness.leave(c);
            metrics.connections().dec();
        }
        String reason = c == null ? "Connection closed" : c.closeReason();
        hub.execute(() -> {
            Session s = session;
            if (s != null) {
                dispatcher.closed(s, reason);
            }
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // LineBasedFrameDecoder(failFast=false) already discarded the line: answer 417, keep the connection
            channelRead0(ctx, new InboundLine.TooLong());
            return;
        }
        ExceptionHandler.handle(ctx, cause); // the last stage: nothing after it would see the error
    }
}
