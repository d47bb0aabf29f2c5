package chatroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** A connection is not read while the hub has 64 of its lines waiting, and is read again at 16. */
class ReadPauseTest {

    @Test
    void readingPausesAtSixtyFourLinesAtTheHubAndResumesAtSixteen() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ReadPause pause = new ReadPause(ch);
        for (int i = 1; i < ReadPause.HIGH; i++) {
            pause.lineToHub();
        }
        assertThat(ch.config().isAutoRead()).isTrue();
        pause.lineToHub();
        assertThat(ch.config().isAutoRead()).isFalse();
        for (int i = ReadPause.HIGH; i > ReadPause.LOW + 1; i--) {
            pause.lineHandled();
        }
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead()).isFalse();
        pause.lineHandled();
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.finishAndReleaseAll();
    }
}
