package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each IRC command over a real socket, as an IRC client sends it (exact formats are in the core unit tests). */
@Timeout(30)
class CommandsIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void capNegotiationBeforeRegistrationLikeRealClients() {
        try (RawClient c = RawClient.connect(server.irc())) {
            c.send("CAP LS 302").send("NICK capper").send("USER c 0 * :C");
            assertThat(c.expect(" LS ")).contains("server-time", "message-tags", "echo-message");
            c.send("CAP REQ :server-time multi-prefix");
            assertThat(c.expect(" ACK ")).endsWith("ACK :server-time multi-prefix");
            c.send("CAP END");
            c.expect(" 001 capper ");
            c.send("JOIN #capped");
            assertThat(c.expect("JOIN #capped")).matches("@time=\\S+ :capper!c@127.0.0.1 JOIN #capped");
        }
    }

    @Test
    void topicNamesListAndModes() {
        try (RawClient op = server.register("c_op");
                RawClient user = server.register("c_user")) {
            op.send("JOIN #c_room").expect(" 366 ");
            op.send("TOPIC #c_room :study hall");
            op.expect("TOPIC #c_room");
            user.send("JOIN #c_room");
            assertThat(user.expect(" 332 ")).endsWith("#c_room :study hall");
            assertThat(user.expect(" 353 ")).endsWith("#c_room :@c_op c_user");
            user.send("LIST #c_room");
            assertThat(user.expect(" 322 ")).endsWith("#c_room 2 :study hall");
            op.send("MODE #c_room +v c_user");
            assertThat(user.expect("MODE")).endsWith("MODE #c_room +v c_user");
            user.send("MODE #c_room");
            assertThat(user.expect(" 324 ")).endsWith("#c_room +nt");
            user.send("NAMES #c_room");
            assertThat(user.expect(" 353 ")).endsWith(":@c_op +c_user");
        }
    }

    @Test
    void kickAndInvite() {
        try (RawClient op = server.register("k_op");
                RawClient victim = server.register("k_victim")) {
            op.send("JOIN #k_room").expect(" 366 ");
            op.send("MODE #k_room +i").expect("MODE");
            victim.send("JOIN #k_room");
            assertThat(victim.expect(" 473 ")).contains("#k_room");
            op.send("INVITE k_victim #k_room");
            assertThat(op.expect(" 341 ")).endsWith("k_victim #k_room");
            assertThat(victim.expect("INVITE")).endsWith("INVITE k_victim #k_room");
            victim.send("JOIN #k_room").expect(" 366 ");
            op.send("KICK #k_room k_victim :behave");
            assertThat(victim.expect("KICK")).endsWith("KICK #k_room k_victim behave");
            victim.send("PRIVMSG #k_room :hello?");
            assertThat(victim.expect(" 404 ")).contains("#k_room");
        }
    }

    @Test
    void whoWhoisWhowasAwayIsonUserhost() {
        try (RawClient a = server.register("w_alice");
                RawClient b = server.register("w_bob")) {
            b.send("AWAY :at lunch").expect(" 306 ");
            a.send("WHOIS w_bob");
            assertThat(a.expect(" 311 ")).contains("w_bob u 127.0.0.1 *");
            assertThat(a.expect(" 301 ")).endsWith("w_bob :at lunch");
            a.expect(" 318 ");
            a.send("WHO w_bob");
            assertThat(a.expect(" 352 ")).contains(" w_bob G ");
            a.expect(" 315 ");
            a.send("ISON w_bob nobody");
            assertThat(a.expect(" 303 ")).endsWith(" w_bob");
            a.send("USERHOST w_bob");
            assertThat(a.expect(" 302 ")).endsWith("w_bob=-u@127.0.0.1");
            b.send("NICK w_robert").expect("NICK");
            a.send("WHOWAS w_bob");
            assertThat(a.expect(" 314 ")).contains("w_bob u 127.0.0.1");
            a.expect(" 369 ");
        }
    }

    @Test
    void serverInformationCommands() {
        try (RawClient c = server.register("info")) {
            c.send("TIME");
            assertThat(c.expect(" 391 ")).contains("chatroom.local");
            c.send("VERSION");
            assertThat(c.expect(" 351 ")).contains("chatroom");
            c.send("INFO");
            c.expect(" 374 ");
            c.send("ADMIN");
            c.expect(" 259 ");
            c.send("LUSERS");
            assertThat(c.expect(" 251 ")).contains("users");
            c.send("MOTD");
            c.expect(" 376 ");
        }
    }

    @Test
    void joinZeroLeavesEveryRoom() {
        try (RawClient c = server.register("zero")) {
            c.send("JOIN #z1,#z2").expect("JOIN #z2");
            c.send("JOIN 0");
            c.expect("PART #z1");
            c.expect("PART #z2");
        }
    }
}
