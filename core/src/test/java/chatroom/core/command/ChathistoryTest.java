package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.HistoryException;
import chatroom.core.history.HistoryQuery;
import chatroom.core.history.HistoryStore;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ChathistoryTest {
    final FlakyStore store = new FlakyStore();
    final ChatFixture f = new ChatFixture(store);

    private Session historyClient(String nick, String... extraCaps) {
        Session s = f.register(nick);
        f.send(
                s,
                "CAP REQ :batch server-time message-tags echo-message draft/chathistory "
                        + String.join(" ", extraCaps));
        f.got(s);
        return s;
    }

    /** Says {@code n} lines in {@code room}, one second apart; returns the echoed messages (with msgid and time). */
    private List<IrcMessage> say(Session s, String room, int n) {
        List<IrcMessage> echoes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            f.send(s, "PRIVMSG " + room + " :line " + i);
            echoes.addAll(f.outbox.takeMessages(s));
        }
        return echoes;
    }

    /** The texts of the PRIVMSGs in the batch the caller got back. */
    private List<String> texts(Session s, String line) {
        f.send(s, line);
        List<IrcMessage> got = f.outbox.takeMessages(s);
        assertThat(got.getFirst().command()).isEqualTo("BATCH");
        assertThat(got.getFirst().params()).element(1).isEqualTo("chathistory");
        assertThat(got.getLast().command()).isEqualTo("BATCH");
        return got.subList(1, got.size() - 1).stream()
                .filter(m -> m.command().equals("PRIVMSG"))
                .map(m -> m.param(1))
                .toList();
    }

    @Test
    void everySubcommandSlicesTheRoomByMsgidAndTimestamp() {
        Session a = historyClient("alice");
        f.send(a, "JOIN #a");
        f.got(a);
        List<IrcMessage> lines = say(a, "#a", 10);
        String m3 = lines.get(3).tag("msgid");
        String m7 = lines.get(7).tag("msgid");
        String t3 = lines.get(3).tag("time");
        assertThat(texts(a, "CHATHISTORY LATEST #a * 3")).containsExactly("line 7", "line 8", "line 9");
        assertThat(texts(a, "CHATHISTORY LATEST #a msgid=" + m7 + " 10")).containsExactly("line 8", "line 9");
        assertThat(texts(a, "CHATHISTORY BEFORE #a msgid=" + m3 + " 2")).containsExactly("line 1", "line 2");
        assertThat(texts(a, "CHATHISTORY AFTER #a timestamp=" + t3 + " 2")).containsExactly("line 4", "line 5");
        assertThat(texts(a, "CHATHISTORY AROUND #a msgid=" + m3 + " 3")).containsExactly("line 2", "line 3", "line 4");
        assertThat(texts(a, "CHATHISTORY BETWEEN #a msgid=" + m3 + " msgid=" + m7 + " 2"))
                .containsExactly("line 4", "line 5");
        assertThat(texts(a, "CHATHISTORY BETWEEN #a msgid=" + m7 + " msgid=" + m3 + " 2"))
                .containsExactly("line 5", "line 6");
        assertThat(texts(a, "CHATHISTORY BEFORE #a msgid=unknown 5")).isEmpty();
    }

    @Test
    void replayedLinesKeepTheirMsgidTimeAndSenderAndCarryTheBatchTag() {
        Session a = historyClient("alice");
        f.send(a, "JOIN #a");
        f.got(a);
        IrcMessage live = say(a, "#a", 1).getFirst();
        f.send(a, "CHATHISTORY LATEST #a * 1");
        List<IrcMessage> got = f.outbox.takeMessages(a);
        IrcMessage replayed = got.get(1);
        assertThat(replayed.tag("msgid")).isEqualTo(live.tag("msgid"));
        assertThat(replayed.tag("time")).isEqualTo(live.tag("time"));
        assertThat(replayed.tag("batch")).isEqualTo(got.getFirst().param(0).substring(1));
        assertThat(IrcWriter.write(replayed, false)).isEqualTo(IrcWriter.write(live, false));
    }

    @Test
    void roomEventsOnlyWithEventPlayback() {
        Session a = historyClient("alice", "draft/event-playback");
        Session b = historyClient("bob");
        f.send(a, "JOIN #a");
        f.send(b, "JOIN #a");
        f.send(a, "TOPIC #a :news");
        say(a, "#a", 1);
        f.got(a);
        f.got(b);
        f.send(a, "CHATHISTORY LATEST #a * 10");
        assertThat(f.outbox.take(a))
                .extracting(l -> l.split(" ")[1])
                .containsExactly("BATCH", "JOIN", "JOIN", "TOPIC", "PRIVMSG", "BATCH");
        f.send(b, "CHATHISTORY LATEST #a * 10");
        assertThat(f.outbox.take(b)).extracting(l -> l.split(" ")[1]).containsExactly("BATCH", "PRIVMSG", "BATCH");
    }

    @Test
    void outsidersAndBadRequestsGetFailRepliesNotExceptions() {
        Session a = historyClient("alice");
        Session eve = historyClient("eve");
        f.send(a, "JOIN #secret");
        say(a, "#secret", 2);
        assertThat(f.ask(eve, "CHATHISTORY LATEST #secret * 10"))
                .singleElement()
                .asString()
                .startsWith(":chatroom.local FAIL CHATHISTORY INVALID_TARGET LATEST #secret");
        assertThat(f.ask(eve, "CHATHISTORY LATEST #nowhere * 10"))
                .singleElement()
                .asString()
                .contains("INVALID_TARGET");
        assertThat(f.ask(a, "CHATHISTORY BEFORE #secret timestamp=yesterday 10"))
                .singleElement()
                .asString()
                .contains("FAIL CHATHISTORY INVALID_PARAMS BEFORE timestamp=yesterday");
        assertThat(f.ask(a, "CHATHISTORY BEFORE #secret * 10"))
                .singleElement()
                .asString()
                .contains("INVALID_PARAMS");
        assertThat(f.ask(a, "CHATHISTORY LATEST #secret * -1"))
                .singleElement()
                .asString()
                .contains("INVALID_PARAMS");
        assertThat(f.ask(a, "CHATHISTORY LATEST #secret * lots"))
                .singleElement()
                .asString()
                .contains("INVALID_PARAMS");
        assertThat(f.ask(a, "CHATHISTORY FROBNICATE #secret * 1"))
                .singleElement()
                .asString()
                .contains("INVALID_PARAMS");
        assertThat(f.ask(a, "CHATHISTORY LATEST #secret"))
                .singleElement()
                .asString()
                .contains("NEED_MORE_PARAMS");
        assertThat(f.ask(a, "CHATHISTORY")).singleElement().asString().contains("INVALID_PARAMS");
    }

    @Test
    void whispersAreReadBackByTheirTwoPeopleOnlyAndNotByALaterHolderOfTheNick() {
        Session a = historyClient("alice");
        Session b = historyClient("bob");
        Session c = historyClient("carol");
        f.clock.advance(Duration.ofSeconds(1));
        f.send(a, "PRIVMSG bob :just us");
        f.got(a);
        f.got(b);
        assertThat(texts(a, "CHATHISTORY LATEST bob * 10")).containsExactly("just us");
        assertThat(texts(b, "CHATHISTORY LATEST alice * 10")).containsExactly("just us");
        assertThat(texts(c, "CHATHISTORY LATEST alice * 10")).isEmpty();
        assertThat(texts(c, "CHATHISTORY LATEST bob * 10")).isEmpty();
        f.send(b, "QUIT");
        f.clock.advance(Duration.ofSeconds(1));
        Session impostor = historyClient("bob");
        assertThat(texts(impostor, "CHATHISTORY LATEST alice * 10")).isEmpty();
    }

    @Test
    void targetsListsRoomsAndWhisperPartnersWithActivity() {
        Session a = historyClient("alice");
        Session b = historyClient("bob");
        f.send(a, "JOIN #a");
        say(a, "#a", 1);
        f.clock.advance(Duration.ofSeconds(1));
        f.send(b, "PRIVMSG alice :hi");
        f.got(a);
        f.send(a, "CHATHISTORY TARGETS timestamp=2026-01-01T00:00:00Z timestamp=2027-01-01T00:00:00Z 10");
        List<String> got = f.outbox.take(a);
        assertThat(got.getFirst()).contains("BATCH +").endsWith("draft/chathistory-targets");
        assertThat(got.subList(1, 3))
                .containsExactly(
                        ":chatroom.local CHATHISTORY TARGETS #a 2026-11-23T12:00:01.000Z",
                        ":chatroom.local CHATHISTORY TARGETS bob 2026-11-23T12:00:02.000Z");
    }

    @Test
    void aMessageTheStoreRefusesIsNotDeliveredAndTheSenderIsToldThenItRecovers() {
        Session a = historyClient("alice");
        Session b = historyClient("bob");
        f.send(a, "JOIN #a");
        f.send(b, "JOIN #a");
        f.got(a);
        f.got(b);
        store.broken = true;
        assertThat(f.ask(a, "PRIVMSG #a :lost?"))
                .containsExactly(":chatroom.local FAIL PRIVMSG TEMPORARILY_UNAVAILABLE #a :Your message was not"
                        + " delivered: the chat history store is unavailable. Please try again.");
        assertThat(f.got(b)).isEmpty();
        assertThat(f.ask(a, "CHATHISTORY LATEST #a * 10"))
                .singleElement()
                .asString()
                .contains("FAIL CHATHISTORY MESSAGE_ERROR LATEST #a");
        store.broken = false;
        assertThat(f.ask(a, "PRIVMSG #a :back")).singleElement().asString().endsWith("PRIVMSG #a back");
        assertThat(f.got(b)).singleElement().asString().endsWith("PRIVMSG #a back");
    }

    /** An in-memory store that fails every call while {@code broken}. */
    static final class FlakyStore implements HistoryStore {
        final InMemoryHistoryStore delegate = new InMemoryHistoryStore();
        volatile boolean broken;

        private void check() {
            if (broken) {
                throw new HistoryException("database is locked", new IllegalStateException());
            }
        }

        @Override
        public long lastSeq() {
            return delegate.lastSeq();
        }

        @Override
        public void append(List<HistoryEvent> events) {
            check();
            delegate.append(events);
        }

        @Override
        public List<HistoryEvent> read(HistoryQuery q) {
            check();
            return delegate.read(q);
        }

        @Override
        public @Nullable HistoryEvent find(String conversation, String msgid) {
            check();
            return delegate.find(conversation, msgid);
        }

        @Override
        public List<HistoryEvent> latestPerConversation(
                Collection<String> rooms, String nick, Instant since, Instant from, Instant to, int limit) {
            check();
            return delegate.latestPerConversation(rooms, nick, since, from, to, limit);
        }

        @Override
        public List<HistoryEvent> export(
                @Nullable String room, @Nullable String whispersOf, Instant since, long afterSeq, int limit) {
            return delegate.export(room, whispersOf, since, afterSeq, limit);
        }

        @Override
        public int prune(@Nullable Instant cutoff, int keep) {
            return delegate.prune(cutoff, keep);
        }

        @Override
        public void close() {}
    }
}
