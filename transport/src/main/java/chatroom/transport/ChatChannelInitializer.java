package chatroom.transport;

import chatroom.core.Connection;
import chatroom.core.Hub;
import chatroom.core.ServerConfig;
import chatroom.core.ServerState;
import chatroom.core.command.Dispatcher;
import chatroom.core.upload.UploadStore;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline of the IRC and plain-text ports (STYLE.md §3). IRC frames and decodes lines in one stage; the plain
 * port frames lines and translates them instead. Both end in the session bridge, which also handles errors and, for
 * IRC, keeps the connection in the keep-alive's list ({@link Liveness}; a person at a telnet prompt cannot answer a
 * PING). Every stage costs each open connection a pipeline context, so the connection limiter leaves once it has let
 * a connection in. Outbound IRC lines arrive encoded from {@link NettyOutbox}.
 */
final class ChatChannelInitializer extends ChannelInitializer<Channel> {
    /** What every connection's pipeline shares, whatever its port. */
    record Shared(
            Hub hub,
            Dispatcher dispatcher,
            ServerConfig config,
            TransportConfig transport,
            ConnectionLimiter limiter,
            ExceptionHandler exceptions,
            ChannelGroup connections,
            ServerMetrics metrics,
            ServerState state,
            Executor blocking,
            UploadStore uploads,
            StaticFiles web,
            AdminApi admin,
            Liveness liveness) {
        SessionHandler sessionHandler(Connection.Protocol protocol, List<String> autoJoin, String metricsLabel) {
            return new SessionHandler(
                    hub,
                    dispatcher,
                    protocol,
                    autoJoin,
                    protocol == Connection.Protocol.IRC ? liveness : null,
                    metrics.forProtocol(metricsLabel));
        }
    }

    private final Connection.Protocol protocol;
    private final Shared shared;
    private final @Nullable SslContext tls;

    ChatChannelInitializer(Connection.Protocol protocol, Shared shared, @Nullable SslContext tls) {
        this.protocol = protocol;
        this.shared = shared;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel ch) {
        TransportConfig transport = shared.transport();
        shared.connections().add(ch);
        ChannelPipeline p = ch.pipeline();
        // first, so that refused connections cost nothing further
        p.addLast(PipelineNames.CONNECTION_LIMIT, shared.limiter());
        if (tls != null) {
            // everything after this stage sees plain text, exactly as on the IRC port
            p.addLast(PipelineNames.TLS, tls.newHandler(ch.alloc()));
        } else {
            // before framing: a TLS ClientHello has no line end to wait for
            p.addLast(PipelineNames.FOREIGN_PROTOCOL, new ForeignProtocolDetector());
        }
        // telnet clients negotiate options with IAC sequences before the first line
        p.addLast(PipelineNames.TELNET_FILTER, new TelnetNegotiationFilter());
        List<String> autoJoin;
        if (protocol == Connection.Protocol.IRC) {
            p.addLast(PipelineNames.LINE_DECODER, new IrcLineDecoder(transport.maxLineBytes()));
            autoJoin = List.of();
        } else {
            // failFast=false: the whole overlong line is discarded, then we answer 417 and keep the connection
            p.addLast(PipelineNames.FRAMER, new LineFramer(transport.maxLineBytes()));
            // outbound IrcMessages from the outbox are rendered here, so it sits before the session stage
            p.addLast(PipelineNames.PLAIN, new PlainTranslatorHandler(ZoneId.systemDefault()));
            autoJoin = List.of(shared.config().lobby());
        }
        p.addLast(
                PipelineNames.SESSION,
                shared.sessionHandler(
                        protocol,
                        autoJoin,
                        protocol == Connection.Protocol.IRC ? ServerMetrics.IRC : ServerMetrics.PLAIN));
    }
}
