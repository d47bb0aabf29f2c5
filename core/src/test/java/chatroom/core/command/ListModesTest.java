package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.user.Session;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ban exceptions (+e), invite exceptions (+I), account extbans ({@code $a:}) and their shared MAXLIST. */
class ListModesTest {
    final ChatFixture f = new ChatFixture();
    Session alice;
    Session bob;

    @BeforeEach
    void aliceOpensARoom() {
        alice = f.register("alice");
        bob = f.register("bob", "10.0.0.66");
        f.ask(alice, "JOIN #a");
        f.got(alice);
    }

    @Test
    void isupportAndMyinfoAdvertiseTheListModesAndExtbans() {
        Session s = f.connect();
        f.ask(s, "NICK newbie");
        List<String> burst = f.ask(s, "USER n 0 * :N");
        assertThat(burst)
                .anyMatch(l -> l.startsWith(":chatroom.local 004 newbie chatroom.local ")
                        && l.endsWith(" iow beiIklmnostR beIklov"));
        String isupport =
                String.join(" ", burst.stream().filter(l -> l.contains(" 005 ")).toList());
        assertThat(isupport)
                .contains(
                        " CHANMODES=beI,k,l,imnstR ",
                        " EXCEPTS=e ",
                        " INVEX=I ",
                        " EXTBAN=$,a ",
                        "ACCOUNTEXTBAN=a ",
                        " MAXLIST=beI:100 ");
    }

    @Test
    void aBannedUserCannotRejoinUnderAnotherNickFromTheSameMask() {
        f.ask(bob, "JOIN #a");
        f.got(alice);
        assertThat(f.ask(alice, "MODE #a +b *!*@10.0.0.66"))
                .containsExactly(":alice!alice@10.0.0.1 MODE #a +b *!*@10.0.0.66");
        f.ask(alice, "KICK #a bob :out");
        f.got(bob);
        f.ask(bob, "NICK robert");
        assertThat(f.ask(bob, "JOIN #a")).containsExactly(":chatroom.local 474 robert #a :Cannot join channel (+b)");
        assertThat(f.ask(f.register("carol"), "JOIN #a")).first().asString().endsWith(" JOIN #a");
    }

    @Test
    void anAccountExtbanBlocksTheAccountWhateverItsNickAndHost() {
        f.logIn(bob, "bob");
        assertThat(f.ask(alice, "MODE #a +b $a:BOB")).containsExactly(":alice!alice@10.0.0.1 MODE #a +b $a:BOB");
        assertThat(f.ask(bob, "JOIN #a")).containsExactly(":chatroom.local 474 bob #a :Cannot join channel (+b)");
        f.ask(bob, "NICK robert");
        assertThat(f.ask(bob, "JOIN #a")).containsExactly(":chatroom.local 474 robert #a :Cannot join channel (+b)");
        Session other = f.register("bobby", "10.0.0.77");
        f.logIn(other, "bob");
        assertThat(f.ask(other, "JOIN #a")).containsExactly(":chatroom.local 474 bobby #a :Cannot join channel (+b)");
        Session stranger = f.register("dave", "10.0.0.66");
        assertThat(f.ask(stranger, "JOIN #a")).first().asString().isEqualTo(":dave!dave@10.0.0.66 JOIN #a");
    }

    @Test
    void aBanExceptionLetsTheExceptedUserInAndSpeak() {
        Session carol = f.register("carol", "10.0.0.66");
        f.ask(alice, "MODE #a +b *!*@10.0.0.66");
        assertThat(f.ask(alice, "MODE #a +e carol!*@*")).containsExactly(":alice!alice@10.0.0.1 MODE #a +e carol!*@*");
        assertThat(f.ask(bob, "JOIN #a")).containsExactly(":chatroom.local 474 bob #a :Cannot join channel (+b)");
        assertThat(f.ask(carol, "JOIN #a")).first().asString().isEqualTo(":carol!carol@10.0.0.66 JOIN #a");
        assertThat(f.ask(carol, "PRIVMSG #a :hi")).isEmpty();
        assertThat(f.got(alice)).contains(":carol!carol@10.0.0.66 PRIVMSG #a hi");
        f.ask(alice, "MODE #a -e carol!*@*");
        f.got(carol);
        assertThat(f.ask(carol, "PRIVMSG #a :again"))
                .containsExactly(":chatroom.local 404 carol #a :You are banned (+b)");
    }

    @Test
    void anInviteExceptionLetsAMatchingUserPastInviteOnlyWithoutAnInvitation() {
        Session carol = f.register("carol");
        f.logIn(carol, "carol");
        f.ask(alice, "MODE #a +i");
        assertThat(f.ask(alice, "MODE #a +I $a:carol")).containsExactly(":alice!alice@10.0.0.1 MODE #a +I $a:carol");
        assertThat(f.ask(bob, "JOIN #a")).containsExactly(":chatroom.local 473 bob #a :Cannot join channel (+i)");
        assertThat(f.ask(carol, "JOIN #a")).first().asString().isEqualTo(":carol!carol@10.0.0.1 JOIN #a");
        f.ask(alice, "INVITE bob #a");
        f.got(bob);
        assertThat(f.ask(bob, "JOIN #a")).first().asString().isEqualTo(":bob!bob@10.0.0.66 JOIN #a");
    }

    @Test
    void eachListAnswersWithItsOwnNumericsAndOnlyOperatorsChangeThem() {
        f.ask(alice, "MODE #a +beI x!*@* y!*@* z!*@*");
        assertThat(f.ask(alice, "MODE #a e"))
                .containsExactly(
                        ":chatroom.local 348 alice #a y!*@* alice!alice@10.0.0.1 1795435200",
                        ":chatroom.local 349 alice #a :End of channel exception list");
        assertThat(f.ask(alice, "MODE #a +I"))
                .containsExactly(
                        ":chatroom.local 346 alice #a z!*@* alice!alice@10.0.0.1 1795435200",
                        ":chatroom.local 347 alice #a :End of channel invite exception list");
        assertThat(f.ask(alice, "MODE #a b"))
                .containsExactly(
                        ":chatroom.local 367 alice #a x!*@* alice!alice@10.0.0.1 1795435200",
                        ":chatroom.local 368 alice #a :End of channel ban list");
        f.ask(bob, "JOIN #a");
        assertThat(f.ask(bob, "MODE #a +e bob!*@*"))
                .containsExactly(":chatroom.local 482 bob #a :You're not channel operator");
    }

    @Test
    void theThreeListsShareMaxlistAndUnknownExtbansAreRefused() {
        for (int i = 0; i < 100; i++) {
            f.ask(alice, "MODE #a +" + "beI".charAt(i % 3) + " m" + i + "!*@*");
        }
        f.got(alice);
        assertThat(f.ask(alice, "MODE #a +I one!*@*"))
                .containsExactly(":chatroom.local 478 alice #a I :Channel list is full");
        assertThat(f.ask(alice, "MODE #a -b m0!*@*")).containsExactly(":alice!alice@10.0.0.1 MODE #a -b m0!*@*");
        assertThat(f.ask(alice, "MODE #a +b $x:thing"))
                .containsExactly(":chatroom.local 696 alice #a b $x:thing :Invalid mask");
        assertThat(f.ask(alice, "MODE #a +e $a:")).containsExactly(":chatroom.local 696 alice #a e $a: :Invalid mask");
    }
}
