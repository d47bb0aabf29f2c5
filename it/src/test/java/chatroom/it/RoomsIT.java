package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import chatroom.testkit.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Room lists and registration end to end: bans that follow people, exceptions, and a room that survives a restart. */
@Timeout(60)
class RoomsIT {
    private static final String CHANSERV = ":ChanServ!ChanServ@services.chatroom.local";

    @TempDir
    Path dataDir;

    /** Registers an account for {@code nick} (which is then logged in) on a fresh connection. */
    private static RawClient withNewAccount(TestServer server, String nick) {
        RawClient c = server.register(nick);
        c.send("REGISTER * * sesame123");
        assertThat(c.expect("REGISTER")).contains("REGISTER SUCCESS " + nick);
        return c;
    }

    /** Connects logged in to the account {@code account} by SASL PLAIN, using {@code nick}. */
    private static RawClient sasl(TestServer server, String account, String nick) {
        RawClient c = RawClient.connect(server.irc());
        c.send("CAP REQ :sasl").expect(" ACK ");
        c.send("AUTHENTICATE PLAIN").expect("AUTHENTICATE +");
        String plain =
                Base64.getEncoder().encodeToString(("\0" + account + "\0sesame123").getBytes(StandardCharsets.UTF_8));
        c.send("AUTHENTICATE " + plain).expect(" 903 ");
        c.send("NICK " + nick).send("USER u 0 * :" + nick).send("CAP END");
        c.expect(l -> l.contains(" 376 ") || l.contains(" 422 "));
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aRegisteredRoomKeepsTopicModesBansAndAccessListAcrossARestart(String backend) {
        String db = backend.equals("sqlite") ? null : TestPostgres.freshSchemaUrl();
        try (TestServer first = TestServer.startIn(dataDir, db);
                RawClient alice = withNewAccount(first, "rs_alice");
                RawClient bob = withNewAccount(first, "rs_bob")) {
            alice.send("JOIN #keep").expect(" 366 ");
            alice.send("PRIVMSG ChanServ :REGISTER #keep");
            assertThat(alice.expect("NOTICE"))
                    .isEqualTo(CHANSERV + " NOTICE rs_alice :#keep is now registered to rs_alice");
            alice.send("TOPIC #keep :survives 重启").expect(" TOPIC ");
            alice.send("MODE #keep +imk sesame").expect(" MODE ");
            alice.send("MODE #keep +lb 7 *!*@bad.example").expect(" MODE ");
            alice.send("CS AMODE #keep +v rs_bob");
            assertThat(alice.expect("NOTICE")).endsWith(":rs_bob now gets +v in #keep");
            alice.send("PART #keep").expect(" PART ");
            bob.sync();
        }
        try (TestServer second = TestServer.startIn(dataDir, db);
                RawClient alice = sasl(second, "rs_alice", "rs_alice");
                RawClient bob = sasl(second, "rs_bob", "rs_bob")) {
            alice.send("JOIN #keep");
            List<String> joined = alice.sync();
            assertThat(joined)
                    .containsSubsequence(
                            ":rs_alice!u@127.0.0.1 JOIN #keep",
                            CHANSERV + " MODE #keep +o rs_alice",
                            ":chatroom.local 332 rs_alice #keep :survives 重启",
                            ":chatroom.local 353 rs_alice = #keep @rs_alice");
            assertThat(alice.send("MODE #keep").expect(" 324 ")).endsWith(" 324 rs_alice #keep +imntkl sesame 7");
            assertThat(alice.send("MODE #keep +b").expect(" 367 ")).contains(" 367 rs_alice #keep *!*@bad.example ");
            alice.send("CS AMODE #keep");
            assertThat(alice.sync()).contains(CHANSERV + " NOTICE rs_alice :+v rs_bob");
            assertThat(bob.send("JOIN #keep sesame").expect(" 473 ")).contains("Cannot join channel (+i)");
            alice.send("INVITE rs_bob #keep").expect(" 341 ");
            bob.send("JOIN #keep sesame");
            assertThat(bob.sync()).contains(CHANSERV + " MODE #keep +v rs_bob");
        }
    }

    @Test
    void aBannedUserCannotRejoinUnderAnotherNickFromTheSameMaskButAnExceptedOneGetsIn() {
        try (TestServer server = TestServer.start();
                RawClient alice = server.register("b_alice");
                RawClient bob = server.register("b_bob");
                RawClient carol = server.register("b_carol")) {
            alice.send("JOIN #b").expect(" 366 ");
            bob.send("JOIN #b").expect(" 366 ");
            alice.send("MODE #b +b *!*@127.0.0.1").expect(" MODE #b +b ");
            alice.send("KICK #b b_bob :out").expect(" KICK ");
            bob.send("NICK b_robert").expect(" NICK ");
            assertThat(bob.send("JOIN #b").expect(" 474 ")).endsWith(" 474 b_robert #b :Cannot join channel (+b)");
            assertThat(carol.send("JOIN #b").expect(" 474 ")).contains(" 474 b_carol #b ");
            alice.send("MODE #b +e b_carol!*@*").expect(" MODE #b +e ");
            carol.send("JOIN #b");
            assertThat(carol.expect(" 366 ")).contains(" 366 b_carol #b ");
            assertThat(bob.send("JOIN #b").expect(" 474 ")).contains(" 474 b_robert #b ");
        }
    }

    @Test
    void anAccountBanBlocksTheAccountAcrossNicksAndAnInviteExceptionLetsPastInviteOnly() {
        try (TestServer server = TestServer.startIn(dataDir, null);
                RawClient alice = server.register("a_alice");
                RawClient bob = withNewAccount(server, "a_bob");
                RawClient dave = server.register("a_dave")) {
            alice.send("JOIN #a").expect(" 366 ");
            alice.send("MODE #a +b $a:a_bob").expect(" MODE #a +b $a:a_bob");
            assertThat(bob.send("JOIN #a").expect(" 474 ")).contains(" 474 a_bob #a ");
            bob.send("NICK a_robert").expect(" NICK ");
            assertThat(bob.send("JOIN #a").expect(" 474 ")).contains(" 474 a_robert #a ");
            try (RawClient again = sasl(server, "a_bob", "a_bobby")) {
                assertThat(again.send("JOIN #a").expect(" 474 ")).contains(" 474 a_bobby #a ");
            }
            dave.send("JOIN #a").expect(" 366 ");

            alice.send("JOIN #inv").expect(" 366 ");
            alice.send("MODE #inv +iI a_dave!*@*").expect(" MODE #inv +iI ");
            assertThat(bob.send("JOIN #inv").expect(" 473 ")).contains(" 473 a_robert #inv ");
            dave.send("JOIN #inv");
            assertThat(dave.expect(" 366 ")).contains(" 366 a_dave #inv ");
        }
    }
}
