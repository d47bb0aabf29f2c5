package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.ServerConfig;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminActionsTest {
    ChatFixture f;
    AdminActions admin;
    Session alice;
    Session bob;

    @BeforeEach
    void twoInARoom() {
        f = new ChatFixture(ServerConfig.defaults().withFlood(0, 0), new InMemoryHistoryStore());
        admin = new AdminActions(f.dispatcher);
        alice = f.register("alice", "192.0.2.1");
        bob = f.register("bob", "192.0.2.2");
        f.send(alice, "JOIN #a");
        f.send(bob, "JOIN #a");
        f.got(alice);
        f.got(bob);
    }

    @Test
    void kickRemovesTheMemberAndEveryoneSeesTheReason() {
        assertThat(admin.kick("#A", "BOB", "calm down"))
                .isEqualTo(new AdminActions.Outcome(true, "bob removed from #a"));
        f.settle();
        assertThat(f.got(alice)).containsExactly(":chatroom.local KICK #a bob :calm down");
        assertThat(f.got(bob)).containsExactly(":chatroom.local KICK #a bob :calm down");
        assertThat(f.state.room("#a").has(f.state.user("bob"))).isFalse();
        assertThat(admin.kick("#a", "bob", "again").done()).isFalse();
        assertThat(admin.kick("#nowhere", "bob", "x").text()).isEqualTo("No such room: #nowhere");
    }

    @Test
    void closeRoomRemovesEveryMemberAndTheRoomGoes() {
        assertThat(admin.closeRoom("#a", "closing time").text()).isEqualTo("2 removed from #a");
        f.settle();
        assertThat(f.got(alice))
                .contains(":chatroom.local KICK #a alice :closing time"); // each sees their own, in member order
        assertThat(f.got(bob)).contains(":chatroom.local KICK #a bob :closing time");
        assertThat(f.state.room("#a")).isNull();
    }

    @Test
    void klineOnANickDisconnectsThemWithTheReasonAndKeepsTheAddressOut() {
        AdminActions.Outcome o = admin.kline("bob", "spam", Duration.ofMinutes(5), "dashboard:root");
        assertThat(o.done()).isTrue();
        assertThat(o.text())
                .startsWith("K-line on *!*@192.0.2.2 added (spam), expires ")
                .endsWith("1 disconnected");
        f.settle();
        assertThat(f.got(bob)).containsExactly(":chatroom.local 465 bob :You are banned from this server: spam");
        assertThat(f.outbox.disconnects.get(bob)).isEqualTo("K-Lined: spam");
        assertThat(f.got(alice)).singleElement().asString().endsWith("QUIT K-Lined");
        assertThat(f.state.user("bob")).isNull();
        f.register("bob2", "192.0.2.2");
        assertThat(f.state.user("bob2")).isNull();
        assertThat(f.state.klineStore().load(f.clock.instant())).hasSize(1);
        assertThat(admin.kline("*", "all", Duration.ZERO, "x").done()).isFalse();
    }
}
