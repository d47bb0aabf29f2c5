package chatroom.transport;

import chatroom.core.Connection;
import chatroom.core.Hub;
import chatroom.core.ServerConfig;
import chatroom.core.command.Dispatcher;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.time.ZoneId;
import java.util.List;

/**
 * The plain-text (telnet) port's pipeline: the same framing and session stages as IRC, with the plain translator in
 * place of the IRC line decoder. No PING: a person at a telnet prompt cannot answer one.
 */
final class PlainChannelInitializer extends ChannelInitializer<Channel> {
    private final Hub hub;
    private final Dispatcher dispatcher;
    private final ServerConfig config;
    private final TransportConfig transport;
    private final ConnectionLimiter limiter;
    private final ExceptionHandler exceptions;

    PlainChannelInitializer(
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
        p.addLast(PipelineNames.CONNECTION_LIMIT, limiter);
        p.addLast(PipelineNames.FOREIGN_PROTOCOL, new ForeignProtocolDetector());
        // telnet clients negotiate options with IAC sequences before the first line
        p.addLast(PipelineNames.TELNET_FILTER, new TelnetNegotiationFilter());
        p.addLast(PipelineNames.FRAMER, new LineBasedFrameDecoder(transport.maxLineBytes(), true, false));
        // outbound IrcMessages from the outbox are rendered here, so it sits before the session stage
        p.addLast(PipelineNames.PLAIN, new PlainTranslatorHandler(ZoneId.systemDefault(), config.lobby()));
        p.addLast(
                PipelineNames.SESSION,
                new SessionHandler(hub, dispatcher, Connection.Protocol.PLAIN, List.of(config.lobby())));
        p.addLast(PipelineNames.EXCEPTIONS, exceptions);
    }
}
