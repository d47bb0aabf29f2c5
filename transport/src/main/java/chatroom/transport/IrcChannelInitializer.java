package chatroom.transport;

import chatroom.core.Connection;
import chatroom.core.Hub;
import chatroom.core.ServerConfig;
import chatroom.core.command.Dispatcher;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The IRC port's pipeline (STYLE.md §3). Outbound lines arrive already encoded from {@link NettyOutbox}. */
final class IrcChannelInitializer extends ChannelInitializer<Channel> {
    private final Hub hub;
    private final Dispatcher dispatcher;
    private final ServerConfig config;
    private final TransportConfig transport;
    private final ConnectionLimiter limiter;
    private final ExceptionHandler exceptions;

    IrcChannelInitializer(
            Hub hub,
            Dispatcher dispatcher,
            ServerConfig config,
            TransportConfig transport,
            ConnectionLimiter limiter,
            ExceptionHandler exceptions) {
        this.hub = hub;
        this.dispatcher = dispatcher;
        this.config = config;
        this.transport = transport;
        this.limiter = limiter;
        this.exceptions = exceptions;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChatServer.configureChild(ch, transport);
        ChannelPipeline p = ch.pipeline();
        // first, so that refused connections cost nothing further
        p.addLast(PipelineNames.CONNECTION_LIMIT, limiter);
        // before framing: a TLS ClientHello has no line end to wait for
        p.addLast(PipelineNames.FOREIGN_PROTOCOL, new ForeignProtocolDetector());
        p.addLast(PipelineNames.TELNET_FILTER, new TelnetNegotiationFilter());
        // failFast=false: the whole overlong line is discarded, then we answer 417 and keep the connection
        p.addLast(PipelineNames.FRAMER, new LineBasedFrameDecoder(transport.maxLineBytes(), true, false));
        p.addLast(PipelineNames.LINE_DECODER, new IrcLineDecoder());
        p.addLast(
                PipelineNames.IDLE,
                new IdleStateHandler(transport.pingInterval().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast(PipelineNames.PING, new PingTimeoutHandler(config.serverName(), transport.pingTimeout()));
        p.addLast(PipelineNames.SESSION, new SessionHandler(hub, dispatcher, Connection.Protocol.IRC, List.of()));
        p.addLast(PipelineNames.EXCEPTIONS, exceptions);
    }
}
