package chatroom.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;

/**
 * The stage of a chat connection that keeps its lines back while its {@link ReadPause} holds them, so that a paused
 * connection adds nothing more to the hub than it had sent before the pause: {@link LineFramer} on the IRC and telnet
 * ports, {@link WebSocketIrcCodec} over WebSocket.
 */
interface HeldLines extends ChannelHandler {
    /** Once the connection is active: lines wait in this stage while {@code p} holds them back. */
    void pausedBy(ReadPause p);

    /** Event loop: reading resumes; passes on what was held back, since no new bytes may come to do it. */
    void resume(ChannelHandlerContext ctx);
}
