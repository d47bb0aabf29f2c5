package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.user.Session;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomTest {
    final ChatFixture f = new ChatFixture();
    Session alice;
    Session bob;
    Session carol;

    @BeforeEach
    void threeUsers() {
        alice = f.register("alice");
        bob = f.register("bob");
        carol = f.register("carol");
    }

    @Test
    void joinCreatesTheRoomWithTheCreatorAsOperator() {
        assertThat(f.ask(alice, "JOIN #Room"))
                .containsExactly(
                        ":alice!alice@10.0.0.1 JOIN #Room",
                        ":chatroom.local 353 alice = #Room @alice",
                        ":chatroom.local 366 alice #Room :End of /NAMES list");
        assertThat(f.ask(bob, "JOIN #room"))
                .containsExactly(
                        ":bob!bob@10.0.0.1 JOIN #Room",
                        ":chatroom.local 353 bob = #Room :@alice bob",
                        ":chatroom.local 366 bob #Room :End of /NAMES list");
        assertThat(f.got(alice)).containsExactly(":bob!bob@10.0.0.1 JOIN #Room");
    }

    @Test
    void roomMessagesReachMembersOnlyAndNotTheSender() {
        f.send(alice, "JOIN #a");
        f.send(bob, "JOIN #a");
        f.got(alice);
        f.got(bob);
        assertThat(f.ask(alice, "PRIVMSG #a :hello 你好")).isEmpty();
        assertThat(f.got(bob)).containsExactly(":alice!alice@10.0.0.1 PRIVMSG #a :hello 你好");
        assertThat(f.got(carol)).isEmpty();
        assertThat(f.ask(carol, "PRIVMSG #a :outside"))
                .containsExactly(":chatroom.local 404 carol #a :You are not in the channel (+n)");
    }

    @Test
    void whisperToACommaListReachesEachAndNobodyElse() {
        Session dave = f.register("dave");
        assertThat(f.ask(alice, "PRIVMSG bob,carol :psst")).isEmpty();
        assertThat(f.got(bob)).containsExactly(":alice!alice@10.0.0.1 PRIVMSG bob psst");
        assertThat(f.got(carol)).containsExactly(":alice!alice@10.0.0.1 PRIVMSG carol psst");
        assertThat(f.got(dave)).isEmpty();
    }

    @Test
    void messageErrorsAndSilentNotices() {
        assertThat(f.ask(alice, "PRIVMSG nobody :x"))
                .containsExactly(":chatroom.local 401 alice nobody :No such nick/channel");
        assertThat(f.ask(alice, "PRIVMSG")).containsExactly(":chatroom.local 411 alice :No recipient given (PRIVMSG)");
        assertThat(f.ask(alice, "PRIVMSG bob")).containsExactly(":chatroom.local 412 alice :No text to send");
        assertThat(f.ask(alice, "NOTICE nobody :x")).isEmpty();
    }

    @Test
    void nickChangeIsSeenOnceByEachPeerSharingRooms() {
        f.send(alice, "JOIN #a,#b");
        f.send(bob, "JOIN #a,#b");
        f.got(alice);
        f.got(bob);
        assertThat(f.ask(bob, "NICK robert")).containsExactly(":bob!bob@10.0.0.1 NICK robert");
        assertThat(f.got(alice)).containsExactly(":bob!bob@10.0.0.1 NICK robert");
        assertThat(f.got(carol)).isEmpty();
    }

    @Test
    void partWithReasonAndJoinZero() {
        f.send(alice, "JOIN #a,#b");
        f.send(bob, "JOIN #a");
        f.got(alice);
        f.got(bob);
        assertThat(f.ask(alice, "PART #a :bye now")).containsExactly(":alice!alice@10.0.0.1 PART #a :bye now");
        assertThat(f.got(bob)).containsExactly(":alice!alice@10.0.0.1 PART #a :bye now");
        assertThat(f.ask(alice, "JOIN 0")).containsExactly(":alice!alice@10.0.0.1 PART #b alice");
        assertThat(f.state.room("#b")).isNull();
        assertThat(f.ask(alice, "PART #a")).containsExactly(":chatroom.local 442 alice #a :You're not on that channel");
    }

    @Test
    void topicLockNeedsOperator() {
        f.send(alice, "JOIN #t");
        f.send(bob, "JOIN #t");
        f.got(alice);
        f.got(bob);
        assertThat(f.ask(bob, "TOPIC #t :mine"))
                .containsExactly(":chatroom.local 482 bob #t :You're not channel operator");
        assertThat(f.ask(alice, "TOPIC #t :exams friday"))
                .containsExactly(":alice!alice@10.0.0.1 TOPIC #t :exams friday");
        assertThat(f.got(bob)).containsExactly(":alice!alice@10.0.0.1 TOPIC #t :exams friday");
        assertThat(f.ask(bob, "TOPIC #t"))
                .containsExactly(
                        ":chatroom.local 332 bob #t :exams friday",
                        ":chatroom.local 333 bob #t alice!alice@10.0.0.1 1795435200");
    }

    @Test
    void keysLimitsInvitesAndBansGateJoins() {
        f.send(alice, "JOIN #g");
        f.got(alice);
        assertThat(f.ask(alice, "MODE #g +kl key 2")).containsExactly(":alice!alice@10.0.0.1 MODE #g +kl key 2");
        assertThat(f.ask(bob, "JOIN #g")).containsExactly(":chatroom.local 475 bob #g :Cannot join channel (+k)");
        f.send(bob, "JOIN #g key");
        f.got(alice);
        assertThat(f.ask(carol, "JOIN #g key"))
                .containsExactly(":chatroom.local 471 carol #g :Cannot join channel (+l)");
        assertThat(f.ask(alice, "INVITE carol #g")).containsExactly(":chatroom.local 341 alice carol #g");
        assertThat(f.got(carol)).containsExactly(":alice!alice@10.0.0.1 INVITE carol #g");
        assertThat(f.ask(carol, "JOIN #g")).first().isEqualTo(":carol!carol@10.0.0.1 JOIN #g");
        f.got(alice);
        assertThat(f.ask(alice, "MODE #g -l+b carol!*@*"))
                .containsExactly(":alice!alice@10.0.0.1 MODE #g -l+b carol!*@*");
        f.send(alice, "KICK #g carol :spam");
        assertThat(f.got(carol)).contains(":alice!alice@10.0.0.1 KICK #g carol spam");
        assertThat(f.ask(carol, "JOIN #g key"))
                .containsExactly(":chatroom.local 474 carol #g :Cannot join channel (+b)");
    }

    @Test
    void operatorAndVoiceAndModeratedRoom() {
        f.send(alice, "JOIN #m");
        f.send(bob, "JOIN #m");
        f.got(alice);
        f.got(bob);
        assertThat(f.ask(bob, "MODE #m +m")).containsExactly(":chatroom.local 482 bob #m :You're not channel operator");
        assertThat(f.ask(alice, "MODE #m +m")).containsExactly(":alice!alice@10.0.0.1 MODE #m +m");
        f.got(bob);
        assertThat(f.ask(bob, "PRIVMSG #m :hi"))
                .containsExactly(":chatroom.local 404 bob #m :The channel is moderated (+m)");
        f.send(alice, "MODE #m +v bob");
        assertThat(f.got(bob)).containsExactly(":alice!alice@10.0.0.1 MODE #m +v bob");
        assertThat(f.ask(bob, "PRIVMSG #m :hi")).isEmpty();
        f.got(alice);
        assertThat(f.ask(alice, "MODE #m"))
                .containsExactly(":chatroom.local 324 alice #m +mnt", ":chatroom.local 329 alice #m 1795435200");
        assertThat(f.ask(alice, "MODE #m +o nobody"))
                .containsExactly(":chatroom.local 401 alice nobody :No such nick/channel");
        assertThat(f.ask(alice, "MODE #m +x"))
                .containsExactly(":chatroom.local 472 alice x :is unknown mode char to me for #m");
    }

    @Test
    void kickWithSeveralChannelsPairsThemWithTheUsers() {
        f.send(alice, "JOIN #k1,#k2");
        f.send(bob, "JOIN #k1");
        f.send(carol, "JOIN #k2");
        f.got(alice);
        assertThat(f.ask(alice, "KICK #k1,#k2 bob,carol :out"))
                .containsExactly(":alice!alice@10.0.0.1 KICK #k1 bob out", ":alice!alice@10.0.0.1 KICK #k2 carol out");
        assertThat(f.ask(alice, "KICK #k1,#k2 bob"))
                .containsExactly(":chatroom.local 461 alice KICK :Give one channel, or one channel per user");
    }

    @Test
    void createMakesARoomWithInitialMembers() {
        assertThat(f.ask(alice, "CREATE #study bob,nobody"))
                .containsExactly(
                        ":alice!alice@10.0.0.1 JOIN #study",
                        ":chatroom.local 353 alice = #study @alice",
                        ":chatroom.local 366 alice #study :End of /NAMES list",
                        ":bob!bob@10.0.0.1 JOIN #study",
                        ":chatroom.local 401 alice nobody :No such nick/channel");
        assertThat(f.got(bob))
                .containsExactly(
                        ":bob!bob@10.0.0.1 JOIN #study",
                        ":chatroom.local 353 bob = #study :@alice bob",
                        ":chatroom.local 366 bob #study :End of /NAMES list");
        assertThat(f.ask(carol, "CREATE #study"))
                .containsExactly(":chatroom.local FAIL CREATE ROOM_EXISTS #study :Room already exists");
    }

    @Test
    void aCommandThatThrowsRepliesUnknownErrorAndTheStateSurvives() {
        f.send(alice, "JOIN #a");
        f.got(alice);
        // MODE with a limit far beyond int parses as invalid, never throws
        assertThat(f.ask(alice, "MODE #a +l 99999999999"))
                .containsExactly(":chatroom.local 696 alice #a l 99999999999 :Invalid limit");
    }

    @Test
    void roomsPerPersonAndTargetsPerMessageAreLimitedAsConfigured() {
        ChatFixture small = new ChatFixture(
                chatroom.core.ServerConfig.defaults().withFlood(0, 0).withLimits(2, 2));
        Session a = small.register("amy");
        small.register("bo");
        small.register("cy");
        small.send(a, "JOIN #one,#two");
        small.got(a);
        assertThat(small.ask(a, "JOIN #three"))
                .containsExactly(":chatroom.local 405 amy #three :You have joined too many channels");
        assertThat(small.ask(a, "PRIVMSG bo,cy,#one :hi"))
                .containsExactly(":chatroom.local 407 amy bo,cy,#one :Too many targets (at most 2)");
        assertThat(small.ask(a, "PRIVMSG bo,#one :hi")).isEmpty();
        List<String> isupport = small.ask(a, "VERSION");
        assertThat(isupport).anyMatch(l -> l.contains(" CHANLIMIT=#:2 "));
        assertThat(isupport).anyMatch(l -> l.contains(" MAXTARGETS=2 "));
    }
}
