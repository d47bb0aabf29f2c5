package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.Passwords;
import chatroom.core.ServerConfig;
import chatroom.core.ban.Kline;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KlineTest {
    static String hash;
    ChatFixture f;
    Session oper;

    @BeforeAll
    static void hashOnce() {
        hash = Passwords.hash("s3cret");
    }

    @BeforeEach
    void operOnline() {
        f = new ChatFixture(
                ServerConfig.defaults().withFlood(0, 0).withOpers(List.of(new ServerConfig.Oper("admin", hash))),
                new InMemoryHistoryStore());
        oper = f.register("boss");
        f.ask(oper, "OPER admin s3cret");
    }

    private Session connectAs(String nick, String address) {
        return f.register(nick, address);
    }

    @Test
    void onlyOperatorsMayKlineOrListThem() {
        Session u = f.register("user");
        assertThat(f.ask(u, "KLINE *@10.9.9.9 :no"))
                .containsExactly(":chatroom.local 481 user :Permission Denied- You're not an IRC operator");
        assertThat(f.ask(u, "STATS k"))
                .containsExactly(":chatroom.local 481 user :Permission Denied- You're not an IRC operator");
        assertThat(f.ask(u, "STATS u")).containsExactly(":chatroom.local 219 user u :End of /STATS report");
        assertThat(f.ask(oper, "KLINE *")).singleElement().asString().contains("Refusing to K-line *!*@*");
    }

    @Test
    void aKlineDisconnectsWhoMatchesAndKeepsThemOutUntilRemoved() {
        Session troll = connectAs("troll", "192.0.2.7");
        Session peer = f.register("peer");
        f.send(troll, "JOIN #a");
        f.send(peer, "JOIN #a");
        f.got(troll);
        f.got(peer);

        assertThat(f.ask(oper, "KLINE *@192.0.2.7 :spamming the class"))
                .containsExactly(":chatroom.local NOTICE boss :K-line on *!*@192.0.2.7 added (spamming the class),"
                        + " permanent");
        assertThat(f.got(troll))
                .containsExactly(":chatroom.local 465 troll :You are banned from this server: spamming the class");
        assertThat(f.outbox.disconnects.get(troll)).isEqualTo("K-Lined: spamming the class");
        assertThat(f.got(peer)).singleElement().asString().endsWith("QUIT K-Lined");
        assertThat(f.state.user("troll")).isNull();

        // another nick from the same address is refused at registration
        Session again = f.connect();
        Session back = connectAs("nice_person", "192.0.2.7");
        assertThat(f.outbox.disconnects.get(back)).isEqualTo("K-Lined: spamming the class");
        assertThat(f.state.user("nice_person")).isNull();
        assertThat(again).isNotNull();

        assertThat(f.ask(oper, "STATS k"))
                .containsExactly(
                        ":chatroom.local 216 boss K *!*@192.0.2.7 0 boss :spamming the class",
                        ":chatroom.local 219 boss k :End of /STATS report");
        assertThat(f.state.klineStore().load(f.clock.instant()))
                .extracting(Kline::mask)
                .containsExactly("*!*@192.0.2.7");

        assertThat(f.ask(oper, "UNKLINE *@192.0.2.7"))
                .containsExactly(":chatroom.local NOTICE boss :K-line on *!*@192.0.2.7 removed");
        assertThat(f.state.klineStore().load(f.clock.instant())).isEmpty();
        connectAs("troll", "192.0.2.7");
        assertThat(f.state.user("troll")).isNotNull();
        assertThat(f.ask(oper, "UNKLINE *@192.0.2.7"))
                .containsExactly(":chatroom.local NOTICE boss :No K-line on *!*@192.0.2.7");
    }

    @Test
    void aKlineOnAnOnlineNickBansTheirAddressAndCanExpire() {
        connectAs("pest", "198.51.100.3");
        f.ask(oper, "KLINE 10 pest :cool off");
        assertThat(f.state.user("pest")).isNull();
        connectAs("pest2", "198.51.100.3");
        assertThat(f.state.user("pest2")).isNull();
        f.advance(Duration.ofMinutes(10));
        connectAs("pest3", "198.51.100.3");
        assertThat(f.state.user("pest3")).isNotNull();
        assertThat(f.ask(oper, "STATS k")).containsExactly(":chatroom.local 219 boss k :End of /STATS report");
    }

    @Test
    void anAccountKlineFollowsTheAccountAcrossNicksAndAddresses() {
        Session acc = f.register("vandal");
        f.ask(acc, "REGISTER * * sesame123");
        f.ask(oper, "KLINE $a:Vandal :ban evasion");
        assertThat(f.outbox.disconnects.get(acc)).isEqualTo("K-Lined: ban evasion");
        Session later = connectAs("other_nick", "203.0.113.5");
        assertThat(f.state.user("other_nick")).isNotNull();
        f.ask(later, "NS IDENTIFY vandal sesame123");
        assertThat(f.outbox.disconnects.get(later)).isEqualTo("K-Lined: ban evasion");
        assertThat(f.state.user("other_nick")).isNull();
    }

    @Test
    void operatorsAnnounceToEveryoneWithADollarTarget() {
        Session a = f.register("ann");
        Session b = connectAs("ben", "192.0.2.1");
        assertThat(f.ask(oper, "NOTICE $* :Server restarts at noon")).isEmpty();
        assertThat(f.got(a)).containsExactly(":boss!boss@10.0.0.1 NOTICE $* :Server restarts at noon");
        assertThat(f.got(b)).containsExactly(":boss!boss@10.0.0.1 NOTICE $* :Server restarts at noon");
        assertThat(f.ask(a, "PRIVMSG $* :me too"))
                .containsExactly(":chatroom.local 481 ann :Permission Denied- You're not an IRC operator");
        assertThat(f.ask(oper, "PRIVMSG $other.server :hi"))
                .containsExactly(":chatroom.local 401 boss $other.server :No such server");
    }
}
