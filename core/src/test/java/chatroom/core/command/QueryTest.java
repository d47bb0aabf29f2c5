package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.user.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryTest {
    final ChatFixture f = new ChatFixture();
    Session alice;
    Session bob;

    @BeforeEach
    void twoUsersInARoom() {
        alice = f.register("alice");
        bob = f.register("bob");
        f.send(alice, "JOIN #a");
        f.send(bob, "JOIN #a");
        f.got(alice);
        f.got(bob);
    }

    @Test
    void whoListsARoomsMembersWithFlags() {
        f.send(bob, "AWAY :lunch");
        assertThat(f.ask(alice, "WHO #a"))
                .containsExactly(
                        ":chatroom.local 352 alice #a alice 10.0.0.1 chatroom.local alice H@ :0 Real alice",
                        ":chatroom.local 352 alice #a bob 10.0.0.1 chatroom.local bob G :0 Real bob",
                        ":chatroom.local 315 alice #a :End of WHO list");
    }

    @Test
    void whoisDescribesAUser() {
        f.clock.advance(java.time.Duration.ofSeconds(30));
        assertThat(f.ask(alice, "WHOIS bob"))
                .containsExactly(
                        ":chatroom.local 311 alice bob bob 10.0.0.1 * :Real bob",
                        ":chatroom.local 319 alice bob #a",
                        ":chatroom.local 312 alice bob chatroom.local chatroom",
                        ":chatroom.local 317 alice bob 30 1795435200 :seconds idle, signon time",
                        ":chatroom.local 318 alice bob :End of /WHOIS list");
        assertThat(f.ask(alice, "WHOIS nobody"))
                .containsExactly(
                        ":chatroom.local 401 alice nobody :No such nick/channel",
                        ":chatroom.local 318 alice nobody :End of /WHOIS list");
    }

    @Test
    void whowasRemembersOldNicks() {
        f.send(bob, "NICK robert");
        f.got(alice);
        assertThat(f.ask(alice, "WHOWAS bob"))
                .containsExactly(
                        ":chatroom.local 314 alice bob bob 10.0.0.1 * :Real bob",
                        ":chatroom.local 312 alice bob chatroom.local 2026-11-23T12:00:00Z",
                        ":chatroom.local 369 alice bob :End of WHOWAS");
        assertThat(f.ask(alice, "WHOWAS zed"))
                .containsExactly(
                        ":chatroom.local 406 alice zed :There was no such nickname",
                        ":chatroom.local 369 alice zed :End of WHOWAS");
    }

    @Test
    void awayIsReportedToWhisperersAndNotifiedWithTheCap() {
        Session carol = f.register("carol");
        f.send(carol, "CAP REQ away-notify");
        f.send(carol, "JOIN #a");
        f.got(carol);
        f.got(bob);
        f.got(alice);
        assertThat(f.ask(bob, "AWAY :lunch"))
                .containsExactly(":chatroom.local 306 bob :You have been marked as being away");
        assertThat(f.got(carol)).containsExactly(":bob!bob@10.0.0.1 AWAY lunch");
        assertThat(f.got(alice)).isEmpty();
        assertThat(f.ask(alice, "PRIVMSG bob :hi")).containsExactly(":chatroom.local 301 alice bob lunch");
        assertThat(f.got(bob)).containsExactly(":alice!alice@10.0.0.1 PRIVMSG bob hi");
        assertThat(f.ask(bob, "AWAY"))
                .containsExactly(":chatroom.local 305 bob :You are no longer marked as being away");
    }

    @Test
    void listShowsRoomsAndHonoursElistFilters() {
        f.send(alice, "JOIN #solo");
        f.send(alice, "TOPIC #a :main room");
        f.got(alice);
        assertThat(f.ask(alice, "LIST"))
                .containsExactly(
                        ":chatroom.local 321 alice Channel :Users  Name",
                        ":chatroom.local 322 alice #a 2 :main room",
                        ":chatroom.local 322 alice #solo 1 :",
                        ":chatroom.local 323 alice :End of /LIST");
        assertThat(f.ask(alice, "LIST >1"))
                .contains(":chatroom.local 322 alice #a 2 :main room")
                .hasSize(3);
        assertThat(f.ask(alice, "LIST !#a"))
                .contains(":chatroom.local 322 alice #solo 1 :")
                .hasSize(3);
        assertThat(f.ask(alice, "LIST #so*"))
                .contains(":chatroom.local 322 alice #solo 1 :")
                .hasSize(3);
    }

    @Test
    void secretRoomsAreHiddenFromOutsiders() {
        Session carol = f.register("carol");
        f.send(alice, "MODE #a +s");
        assertThat(f.ask(carol, "LIST"))
                .containsExactly(
                        ":chatroom.local 321 carol Channel :Users  Name", ":chatroom.local 323 carol :End of /LIST");
        assertThat(f.ask(carol, "NAMES #a")).containsExactly(":chatroom.local 366 carol #a :End of /NAMES list");
        assertThat(f.ask(carol, "WHO #a")).containsExactly(":chatroom.local 315 carol #a :End of WHO list");
    }

    @Test
    void isonAndUserhost() {
        assertThat(f.ask(alice, "ISON bob nobody ALICE")).containsExactly(":chatroom.local 303 alice :bob alice");
        assertThat(f.ask(alice, "USERHOST bob")).containsExactly(":chatroom.local 302 alice bob=+bob@10.0.0.1");
    }

    @Test
    void serverQueriesAnswerAndRefuseOtherServers() {
        assertThat(f.ask(alice, "TIME"))
                .singleElement()
                .asString()
                .startsWith(":chatroom.local 391 alice chatroom.local 1795435200 0 :");
        assertThat(f.ask(alice, "VERSION"))
                .first()
                .isEqualTo(
                        ":chatroom.local 351 alice chatroom-0.1.0 chatroom.local :chatroom: IRC, telnet and web in one server");
        assertThat(f.ask(alice, "ADMIN elsewhere.net"))
                .containsExactly(":chatroom.local 402 alice elsewhere.net :No such server");
        assertThat(f.ask(alice, "INFO")).last().isEqualTo(":chatroom.local 374 alice :End of /INFO list");
        assertThat(f.ask(alice, "MOTD")).last().isEqualTo(":chatroom.local 376 alice :End of /MOTD command.");
    }
}
