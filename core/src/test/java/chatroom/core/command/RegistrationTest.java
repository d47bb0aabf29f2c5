package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.ServerConfig;
import chatroom.core.user.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistrationTest {
    final ChatFixture f = new ChatFixture();

    @Test
    void nickAndUserGiveTheWelcomeBurstInOrder() {
        Session s = f.connect();
        assertThat(f.ask(s, "NICK alice")).isEmpty();
        List<String> burst = f.ask(s, "USER al 0 * :Alice A");
        assertThat(burst.get(0))
                .isEqualTo(":chatroom.local 001 alice :Welcome to the chatroom chat network, alice!al@10.0.0.1");
        assertThat(burst.stream().map(l -> l.split(" ")[1]).distinct())
                .containsExactly(
                        "001", "002", "003", "004", "005", "251", "252", "253", "254", "255", "265", "266", "375",
                        "372", "376");
        assertThat(burst).anyMatch(l -> l.contains(" CASEMAPPING=rfc1459 ") && l.contains(" CHANTYPES=# "));
    }

    @Test
    void aConnectionThatDoesNotRegisterInTimeIsClosedAndNoOneElse() {
        Session idle = f.connect();
        f.send(idle, "NICK slow");
        f.advance(Duration.ofSeconds(30));
        Session late = f.connect();
        Session gone = f.connect();
        Session alice = f.register("alice");
        f.dispatcher.closed(gone, "Connection reset");
        f.advance(ChatFixture.REGISTRATION_TIMEOUT.minusSeconds(31));
        assertThat(f.outbox.disconnects).isEmpty();
        f.advance(Duration.ofSeconds(1));
        assertThat(f.outbox.disconnects).containsExactly(Map.entry(idle, "Registration timed out"));
        f.advance(Duration.ofSeconds(30));
        assertThat(f.outbox.disconnects)
                .containsOnlyKeys(idle, late)
                .containsEntry(late, "Registration timed out")
                .doesNotContainKeys(alice, gone);
    }

    @Test
    void capNegotiationHoldsRegistrationUntilEnd() {
        Session s = f.connect();
        assertThat(f.ask(s, "CAP LS 302"))
                .containsExactly(
                        ":chatroom.local CAP * LS :account-notify draft/account-registration=before-connect account-tag"
                                + " away-notify batch cap-notify draft/chathistory echo-message draft/event-playback"
                                + " extended-join invite-notify labeled-response message-tags multi-prefix"
                                + " sasl=PLAIN,SCRAM-SHA-256,EXTERNAL"
                                + " server-time setname userhost-in-names");
        f.send(s, "NICK bob");
        assertThat(f.ask(s, "USER b 0 * :B")).isEmpty();
        assertThat(f.ask(s, "CAP REQ :multi-prefix bogus"))
                .containsExactly(":chatroom.local CAP bob NAK :multi-prefix bogus");
        assertThat(f.ask(s, "CAP REQ :multi-prefix server-time"))
                .containsExactly(":chatroom.local CAP bob ACK :multi-prefix server-time");
        assertThat(f.ask(s, "CAP LIST"))
                .containsExactly(":chatroom.local CAP bob LIST :cap-notify multi-prefix server-time");
        assertThat(f.ask(s, "CAP END")).first().asString().contains(" 001 bob ");
    }

    @Test
    void stsPointsPlainConnectionsToTlsAndTellsTlsOnesHowLongToInsist() {
        ChatFixture sts =
                new ChatFixture(ServerConfig.defaults().withFlood(0, 0).withStsDuration(java.time.Duration.ofDays(30)));
        assertThat(sts.ask(sts.connect(), "CAP LS 302"))
                .singleElement()
                .asString()
                .doesNotContain("sts");
        sts.state.tlsPort(6697);
        assertThat(sts.ask(sts.connect(), "CAP LS 302"))
                .singleElement()
                .asString()
                .endsWith(" sts=port=6697");
        assertThat(sts.ask(sts.connectSecurely(), "CAP LS 302"))
                .singleElement()
                .asString()
                .endsWith(" sts=duration=2592000");
        assertThat(sts.ask(sts.connect(), "CAP LS")).singleElement().asString().doesNotContain("sts");
        Session s = sts.connect();
        sts.send(s, "CAP LS 302");
        sts.got(s);
        assertThat(sts.ask(s, "CAP REQ :sts")).containsExactly(":chatroom.local CAP * NAK sts");
        // without a configured certificate there is no policy, whatever the TLS port
        f.state.tlsPort(6697);
        assertThat(f.ask(f.connect(), "CAP LS 302")).singleElement().asString().doesNotContain("sts");
    }

    @Test
    void takenNickIsRefusedCaseInsensitively() {
        f.register("Alice[1]");
        Session s = f.connect();
        assertThat(f.ask(s, "NICK alice{1}"))
                .containsExactly(":chatroom.local 433 * alice{1} :Nickname is already in use");
    }

    @Test
    void erroneousNicksGetReasons() {
        Session s = f.connect();
        assertThat(f.ask(s, "NICK 1abc"))
                .containsExactly(":chatroom.local 432 * 1abc :Nickname may not start with a digit or '-'");
        assertThat(f.ask(s, "NICK a,b"))
                .containsExactly(
                        ":chatroom.local 432 * a,b :Nickname may only contain letters, digits and []\\`_^{|}-");
        assertThat(f.ask(s, "NICK")).containsExactly(":chatroom.local 431 * :No nickname given");
    }

    @Test
    void chineseNicksRegisterAndFoldConsistently() {
        Session s = f.register("张三");
        assertThat(f.state.user("张三")).isSameAs(s.user());
        Session other = f.connect();
        assertThat(f.ask(other, "NICK 张三")).containsExactly(":chatroom.local 433 * 张三 :Nickname is already in use");
    }

    @Test
    void registrationOnlyCommandsAndUnknownVerbs() {
        Session s = f.connect();
        assertThat(f.ask(s, "JOIN #a")).containsExactly(":chatroom.local 451 * :You have not registered");
        assertThat(f.ask(s, "PING :x")).containsExactly(":chatroom.local PONG chatroom.local x");
        assertThat(f.ask(s, "BLAH")).containsExactly(":chatroom.local 421 * BLAH :Unknown command");
        Session r = f.register("carol");
        assertThat(f.ask(r, "USER again 0 * :x")).containsExactly(":chatroom.local 462 carol :You may not reregister");
        assertThat(f.ask(r, "TOPIC")).containsExactly(":chatroom.local 461 carol TOPIC :Not enough parameters");
    }

    @Test
    void wrongServerPasswordIsRefusedAndDisconnected() {
        ChatFixture g = new ChatFixture(ServerConfig.defaults().withFlood(0, 0).withServerPassword("sesame"));
        Session s = g.connect();
        g.send(s, "PASS wrong");
        g.send(s, "NICK dave");
        assertThat(g.ask(s, "USER d 0 * :D")).isEmpty();
        assertThat(g.outbox.disconnects.get(s)).isEqualTo("Bad password");
        Session ok = g.connect();
        g.send(ok, "PASS sesame");
        g.send(ok, "NICK erin");
        assertThat(g.ask(ok, "USER e 0 * :E")).first().asString().contains(" 001 erin ");
    }

    @Test
    void quitTellsRoomPeersOnceAndFreesTheNick() {
        Session a = f.register("alice");
        Session b = f.register("bob");
        f.send(a, "JOIN #x,#y");
        f.send(b, "JOIN #x,#y");
        f.got(a);
        f.send(b, "QUIT :gone home");
        assertThat(f.got(a)).containsExactly(":bob!bob@10.0.0.1 QUIT :Quit: gone home");
        assertThat(f.outbox.disconnects.get(b)).isEqualTo("Closing link: 10.0.0.1 (Quit: gone home)");
        assertThat(f.state.user("bob")).isNull();
    }

    @Test
    void flooderIsThrottledThenDisconnected() {
        ChatFixture g = new ChatFixture(ServerConfig.defaults().withFlood(5, 1.0));
        Session s = g.register("flood");
        for (int i = 0; i < 8; i++) {
            g.send(s, "PING :" + i);
        }
        assertThat(g.outbox.throttles).containsKey(s);
        assertThat(g.outbox.disconnects).doesNotContainKey(s);
        for (int i = 0; i < 20; i++) {
            g.send(s, "PING :" + i);
        }
        assertThat(g.outbox.disconnects.get(s)).isEqualTo("Excess Flood");
    }

    @Test
    void theBudgetRefillsWithTime() {
        ChatFixture g = new ChatFixture(ServerConfig.defaults().withFlood(5, 1.0));
        Session s = g.register("patient");
        for (int i = 0; i < 30; i++) {
            g.clock.advance(java.time.Duration.ofSeconds(1));
            g.send(s, "PING :" + i);
        }
        assertThat(g.outbox.throttles).doesNotContainKey(s);
        assertThat(g.outbox.disconnects).doesNotContainKey(s);
    }
}
