package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.ServerConfig;
import chatroom.core.history.History;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryLog;
import chatroom.core.history.HistoryStore;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md "Back-pressure": past 20,000 events waiting for the store, whoever sends is not read until the store
 * is down to half of that.
 */
class HistoryBackPressureTest {

    /** A store that takes every event and reports a commit only when told. */
    private static final class ManualLog implements HistoryLog {
        private final HistoryStore store = new InMemoryHistoryStore();
        private @Nullable Listener listener;

        @Override
        public void start(Executor hub, Listener listener) {
            this.listener = listener;
        }

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

        /** On the hub, as the writer reports a commit. */
        void committed(long seq) {
            Objects.requireNonNull(listener).committed(seq);
        }
    }

    private final ManualLog log = new ManualLog();
    private final ChatFixture f = new ChatFixture(ServerConfig.defaults().withFlood(0, 0), log);

    @Test
    void aSenderIsHeldOnceMoreThanTwentyThousandEventsWaitAndReleasedAtHalfOfThat() {
        Session alice = f.register("alice");
        Session bob = f.register("bob");
        f.send(alice, "JOIN #a");
        f.send(bob, "JOIN #a");
        long start = f.state.history().backlog();
        for (long i = start; i < History.BACKLOG_LIMIT; i++) {
            f.send(alice, "PRIVMSG #a :line " + i);
        }
        assertThat(f.state.history().backlog()).isEqualTo(History.BACKLOG_LIMIT);
        assertThat(f.outbox.held).isEmpty();

        f.send(alice, "PRIVMSG #a :one more");
        f.send(bob, "PRIVMSG #a :and one from bob");
        assertThat(f.outbox.held).containsExactlyInAnyOrder(alice, bob);
        assertThat(f.outbox.throttles).isEmpty();

        long last = f.state.history().backlog();
        log.committed(last - History.BACKLOG_LIMIT / 2 - 1);
        assertThat(f.outbox.held).as("still more than half the limit waiting").containsExactlyInAnyOrder(alice, bob);
        log.committed(last - History.BACKLOG_LIMIT / 2);
        assertThat(f.outbox.held).isEmpty();

        f.send(alice, "PRIVMSG #a :below the limit again");
        assertThat(f.outbox.held).isEmpty();
    }

    @Test
    void aSenderThatLeavesWhileHeldIsNotReleased() {
        Session alice = f.register("alice");
        f.send(alice, "JOIN #a");
        for (long i = f.state.history().backlog(); i <= History.BACKLOG_LIMIT; i++) {
            f.send(alice, "PRIVMSG #a :line " + i);
        }
        assertThat(f.outbox.held).containsExactly(alice);
        f.send(alice, "QUIT :bye");
        log.committed(f.state.history().backlog());
        assertThat(f.outbox.held)
                .as("a closed session is not released, only forgotten")
                .containsExactly(alice);
    }
}
