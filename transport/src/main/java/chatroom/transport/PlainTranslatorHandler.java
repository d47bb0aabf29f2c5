package chatroom.transport;

import chatroom.protocol.IrcMessage;
import chatroom.protocol.plain.PlainAction;
import chatroom.protocol.plain.PlainSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The plain-text port's translator stage: typed lines become the IRC commands an IRC client would send (the same
 * dispatcher runs them), and the core's IRC messages become readable lines. Confined to the channel's event loop.
 */
final class PlainTranslatorHandler extends ChannelDuplexHandler {
    private final PlainSession plain;

    PlainTranslatorHandler(ZoneId zone) {
        this.plain = new PlainSession(zone);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        writeLines(ctx, List.of(plain.greeting(Instant.now())));
        ctx.flush();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (Disconnector.closing(ctx.channel())) {
                return; // lines that arrived in the same read as the one that ended the connection
            }
            String line = Utf8.decodeStrict(frame);
            if (line == null) {
                ctx.fireChannelRead(new InboundLine.InvalidUtf8("*"));
                return;
            }
            if (Utf8.hasForbiddenCharacters(line)) {
                ctx.fireChannelRead(new InboundLine.ForbiddenCharacters("*"));
                return;
            }
            act(ctx, plain.onLine(line, Instant.now()));
            ctx.flush();
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private static void act(ChannelHandlerContext ctx, List<PlainAction> actions) {
        for (PlainAction a : actions) {
            switch (a) {
                case PlainAction.Send send -> ctx.fireChannelRead(new InboundLine.Message(send.message()));
                case PlainAction.Reply reply -> writeLines(ctx, List.of(reply.line()));
                case PlainAction.Close close -> Disconnector.disconnect(ctx.channel(), close.reason());
            }
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof IrcMessage m) {
            List<String> lines = plain.render(m, Instant.now());
            if (lines.isEmpty()) {
                promise.trySuccess();
            } else {
                ctx.write(encode(lines), promise);
            }
            // the welcome just rendered: the lines typed while logging in now run, in order
            for (String held : plain.takeHeld()) {
                act(ctx, plain.onLine(held, Instant.now()));
            }
            return;
        }
        ctx.write(msg, promise);
    }

    private static void writeLines(ChannelHandlerContext ctx, List<String> lines) {
        ctx.write(encode(lines), ctx.voidPromise());
    }

    private static ByteBuf encode(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.replace("\n", "\r\n")).append("\r\n");
        }
        return Unpooled.copiedBuffer(sb, StandardCharsets.UTF_8);
    }
}
