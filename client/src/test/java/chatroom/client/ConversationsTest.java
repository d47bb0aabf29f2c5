package chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ConversationsTest {
    private final List<String> shown = new ArrayList<>();
    private final Conversations conversations = new Conversations(new ChatListener() {
        @Override
        public void message(ChatMessage m) {
            shown.add(m.conversation() + ":" + m.text());
        }

        @Override
        public void history(String conversation, List<ChatMessage> older) {
            shown.add(conversation + " older:"
                    + older.stream().map(ChatMessage::text).toList());
        }
    });

    private static ChatMessage line(String room, String text, @Nullable String msgid) {
        return new ChatMessage(room, true, "bob", text, Instant.parse("2026-01-01T10:00:00.123456Z"), msgid, false);
    }

    @Test
    void olderLinesOnRequestSkipWhatWasShownAndMoveTheStartBack() {
        assertThat(conversations.olderRef("#a")).isNull();
        conversations.arrived(line("#a", "three", "m3"), false);
        conversations.arrived(line("#a", "four", "m4"), false);
        assertThat(conversations.olderRef("#a")).isEqualTo("msgid=m3");
        conversations.older("#a", List.of(line("#a", "one", "m1"), line("#a", "two", "m2"), line("#a", "three", "m3")));
        assertThat(shown).containsExactly("#a:three", "#a:four", "#a older:[one, two]");
        assertThat(conversations.olderRef("#a")).isEqualTo("msgid=m1");
        conversations.older("#a", List.of());
        assertThat(shown).endsWith("#a older:[]");
        // a live line seen again later is still dropped: older lines joined the known ids
        conversations.arrived(line("#a", "two", "m2"), true);
        assertThat(shown).hasSize(4);
    }

    @Test
    void aMessageSeenTwiceIsShownOnce() {
        conversations.arrived(line("#a", "one", "m1"), false);
        conversations.arrived(line("#a", "one", "m1"), true);
        conversations.arrived(line("#a", "two", "m2"), false);
        assertThat(shown).containsExactly("#a:one", "#a:two");
    }

    @Test
    void theSameMsgidInAnotherConversationIsADifferentMessage() {
        conversations.arrived(line("#a", "one", "m1"), false);
        conversations.arrived(line("#b", "other", "m1"), false);
        assertThat(shown).containsExactly("#a:one", "#b:other");
    }

    @Test
    void roomNamesAreCaseFolded() {
        conversations.arrived(line("#Room", "one", "m1"), false);
        conversations.arrived(line("#room", "one", "m1"), true);
        assertThat(shown).containsExactly("#Room:one");
    }

    @Test
    void linesWithoutMsgidAreNeverDropped() {
        conversations.arrived(line("#a", "same", null), false);
        conversations.arrived(line("#a", "same", null), false);
        assertThat(shown).hasSize(2);
    }

    @Test
    void theRecentIdSetIsBounded() {
        RecentIds ids = new RecentIds(3);
        for (String id : List.of("a", "b", "c", "d")) {
            assertThat(ids.add(id)).isTrue();
        }
        assertThat(ids.size()).isEqualTo(3);
        assertThat(ids.contains("a")).isFalse();
        assertThat(ids.add("d")).isFalse();
    }

    @Test
    void aFillStartsAfterTheLastMsgidAndHoldsLiveLinesUntilItEnds() {
        conversations.arrived(line("#a", "seen", "m1"), false);
        assertThat(conversations.startFill("#a")).isEqualTo("msgid=m1");
        conversations.arrived(line("#a", "live 4", "m4"), false);
        conversations.arrived(line("#a", "missed 2", "m2"), true);
        conversations.arrived(line("#a", "missed 3", "m3"), true);
        conversations.arrived(line("#a", "live 4", "m4"), true); // the history overlaps the live line
        assertThat(shown).containsExactly("#a:seen", "#a:missed 2", "#a:missed 3", "#a:live 4");
        conversations.arrived(line("#a", "live 5", "m5"), false);
        conversations.finishFill("#a");
        assertThat(shown).containsExactly("#a:seen", "#a:missed 2", "#a:missed 3", "#a:live 4", "#a:live 5");
    }

    @Test
    void withoutAMsgidTheFillStartsAtTheLastTimeInMilliseconds() {
        conversations.present("#a", Instant.parse("2026-01-01T10:00:00.123456Z"));
        assertThat(conversations.startFill("#a")).isEqualTo("timestamp=2026-01-01T10:00:00.123Z");
    }

    @Test
    void aFillByAnUnknownMsgidIsTriedOnceMoreByTime() {
        conversations.arrived(line("#a", "seen", "m1"), false);
        assertThat(conversations.startFill("#a")).isEqualTo("msgid=m1");
        assertThat(conversations.retryByTime("#a")).isEqualTo("timestamp=2026-01-01T10:00:00.123Z");
        assertThat(conversations.retryByTime("#a")).isNull();
        conversations.arrived(line("#a", "seen", "m1"), true);
        conversations.arrived(line("#a", "missed", "m2"), true);
        conversations.finishFill("#a");
        assertThat(shown).containsExactly("#a:seen", "#a:missed");
        conversations.startFill("#a");
        assertThat(conversations.retryByTime("#a")).isNotNull(); // each fill may fall back once
    }

    @Test
    void aFillThatStartedByTimeIsNotRetried() {
        conversations.present("#a", Instant.parse("2026-01-01T10:00:00Z"));
        conversations.startFill("#a");
        assertThat(conversations.retryByTime("#a")).isNull();
    }

    @Test
    void nothingKnownMeansNoFill() {
        assertThat(conversations.startFill("#new")).isNull();
        conversations.arrived(line("#new", "live", "m1"), false);
        assertThat(shown).containsExactly("#new:live");
    }

    @Test
    void anAbandonedFillDropsHeldLinesSoTheNextFillBringsThemInOrder() {
        conversations.arrived(line("#a", "seen", "m1"), false);
        conversations.startFill("#a");
        conversations.arrived(line("#a", "live 3", "m3"), false);
        conversations.abandonFills();
        assertThat(conversations.startFill("#a")).isEqualTo("msgid=m1");
        conversations.arrived(line("#a", "missed 2", "m2"), true);
        conversations.arrived(line("#a", "live 3", "m3"), true);
        conversations.finishFill("#a");
        assertThat(shown).containsExactly("#a:seen", "#a:missed 2", "#a:live 3");
    }
}
