package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.ServerConfig;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryLog;
import chatroom.core.history.HistoryStore;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md "Back-pressure": past 20,000 events waiting for the store, whoever sends is paused. */
class HistoryBackPressureTest {

    /** A store that takes every event and never reports a commit. */
    private static final class StuckLog implements HistoryLog {
        private final HistoryStore store = new InMemoryHistoryStore();

        @Override
        public void start(Executor hub, Listener listener) {}

        @Override
        public void append(HistoryEvent event) {}

        @Override
        public HistoryStore store() {
            return store;
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public void close() {}
    }

    @Test
    void aSenderIsPausedOnceMoreThanTwentyThousandEventsWaitForTheStore() {
        ChatFixture f = new ChatFixture(ServerConfig.defaults().withFlood(0, 0), new StuckLog());
        Session alice = f.register("alice");
        f.send(alice, "JOIN #a");
        for (int i = 1; i < Dispatcher.HISTORY_BACKLOG_LIMIT; i++) {
            f.send(alice, "PRIVMSG #a :line " + i);
        }
        assertThat(f.state.history().backlog()).isEqualTo(Dispatcher.HISTORY_BACKLOG_LIMIT);
        assertThat(f.outbox.throttles).isEmpty();
        f.send(alice, "PRIVMSG #a :one more");
        assertThat(f.outbox.throttles).containsEntry(alice, Duration.ofMillis(10));
    }
}
