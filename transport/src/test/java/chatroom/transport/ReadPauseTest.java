package chatroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/**
 * A connection is not read while the hub has 64 of its lines waiting, and is read again at 16; nor while it is held
 * for the history store.
 */
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

    @Test
    void aHeldConnectionIsReadAgainOnlyWhenReleasedAndNothingElsePausesIt() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ReadPause pause = new ReadPause(ch);
        pause.hold(true);
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead()).isFalse();
        for (int i = 0; i < ReadPause.HIGH; i++) {
            pause.lineToHub();
        }
        for (int i = 0; i < ReadPause.HIGH - ReadPause.LOW; i++) {
            pause.lineHandled();
        }
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead())
                .as("the hub caught up, the store did not")
                .isFalse();
        for (int i = 0; i < ReadPause.HIGH - ReadPause.LOW; i++) {
            pause.lineToHub();
        }
        pause.hold(false);
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead())
                .as("released, but 64 lines wait at the hub")
                .isFalse();
        for (int i = 0; i < ReadPause.HIGH - ReadPause.LOW; i++) {
            pause.lineHandled();
        }
        ch.runPendingTasks();
        assertThat(ch.config().isAutoRead()).isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void linesWaitUndecodedWhileHeldOrAtSixtyFourUnlessFloodControlSlowedTheConnection() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ReadPause pause = new ReadPause(ch);
        pause.hold(true);
        assertThat(pause.holdsLines())
                .as("held: at once, before the event loop runs")
                .isTrue();
        pause.hold(false);
        ch.runPendingTasks();
        assertThat(pause.holdsLines()).isFalse();
        for (int i = 0; i < ReadPause.HIGH; i++) {
            pause.lineToHub();
        }
        assertThat(pause.holdsLines()).isTrue();
        pause.throttle(1_000_000_000L);
        ch.runPendingTasks();
        assertThat(pause.holdsLines())
                .as("a flooder's lines go on to the hub, to add to its lag")
                .isFalse();
        ch.finishAndReleaseAll();
    }
}
