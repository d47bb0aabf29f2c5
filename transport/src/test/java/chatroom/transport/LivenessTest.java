package chatroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.Connection;
import io.netty.channel.EventLoop;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event loop's list of connections for the keep-alive check, linked through the connections themselves. */
@Timeout(10) // a connection linked to itself makes the list endless
class LivenessTest {
    private final Liveness liveness = new Liveness("test.server", Duration.ofSeconds(90), Duration.ofSeconds(60));
    /** One event loop for all the test's channels, as on a server where they share a loop. */
    private final EventLoop loop = new EmbeddedChannel().eventLoop();

    private NettyConnection connection() {
        EmbeddedChannel ch = new EmbeddedChannel(false, false);
        loop.register(ch).syncUninterruptibly();
        return new NettyConnection(ch, Connection.Protocol.IRC);
    }

    @Test
    void aConnectionThatLeavesTakesOnlyItselfOutOfTheList() {
        NettyConnection a = connection();
        NettyConnection b = connection();
        NettyConnection c = connection();
        liveness.join(a);
        liveness.join(b);
        liveness.join(c);
        Liveness.Sweep sweep = liveness.sweepOf(loop);
        assertThat(sweep.size()).isEqualTo(3);
        Liveness.leave(b); // in the middle
        assertThat(sweep.size()).isEqualTo(2);
        Liveness.leave(c); // the head
        Liveness.leave(c); // twice changes nothing
        assertThat(sweep.size()).isEqualTo(1);
        Liveness.leave(a);
        assertThat(sweep.size()).isZero();
    }

    @Test
    void joiningTwiceDoesNotLinkAConnectionToItself() {
        NettyConnection a = connection();
        liveness.join(a);
        liveness.join(a); // a WebSocket connection's stages learn that the channel is active after the fact
        Liveness.Sweep sweep = liveness.sweepOf(a.channel().eventLoop());
        assertThat(sweep.size()).isEqualTo(1);
        Liveness.leave(a);
        assertThat(sweep.size()).isZero();
    }
}
