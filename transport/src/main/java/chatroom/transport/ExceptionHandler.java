package chatroom.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP pipeline's last stage (hivemq {@code ExceptionHandler}): I/O errors close quietly, decoder errors
 * disconnect with a reason, anything else is logged as a bug and disconnects. On the chat ports the session stage is
 * last and applies the same rules through {@link #handle} (one pipeline context less per connection); overlong lines
 * never get here (see {@link SessionHandler#exceptionCaught}).
 */
@ChannelHandler.Sharable
final class ExceptionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(ExceptionHandler.class);

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        handle(ctx, cause);
    }

    static void handle(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || cause.getCause() instanceof javax.net.ssl.SSLException) {
            // includes failed TLS handshakes (plain text on the TLS port): nothing readable can be sent back
            ctx.close();
        } else if (cause instanceof DecoderException) {
            Disconnector.disconnect(ctx.channel(), "Malformed input");
        } else {
            log.error("unexpected error on {}", ctx.channel(), cause);
            Disconnector.disconnect(ctx.channel(), "Internal error");
        }
    }
}
