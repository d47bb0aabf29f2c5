package chatroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The event loop's list of connections for the keep-alive check: in while open, out once closed. */
class LivenessTest {
    private final Liveness liveness = new Liveness("test.server", Duration.ofSeconds(90), Duration.ofSeconds(60));

    @Test
    void aConnectionLeavesTheListWhenItCloses() {
        EmbeddedChannel a = new EmbeddedChannel(new PingTimeoutHandler(liveness));
        Liveness.Sweep sweep = liveness.sweepOf(a.eventLoop());
        assertThat(sweep.isEmpty()).isFalse();
        a.close();
        assertThat(sweep.isEmpty()).isTrue();
    }

    @Test
    void aSecondActiveEventDoesNotLinkTheConnectionToItself() {
        EmbeddedChannel a = new EmbeddedChannel(new PingTimeoutHandler(liveness));
        // a WebSocket connection's stages learn that the channel is active from the codec, after the fact
        a.pipeline().fireChannelActive();
        Liveness.Sweep sweep = liveness.sweepOf(a.eventLoop());
        a.close();
        assertThat(sweep.isEmpty()).isTrue();
    }
}
