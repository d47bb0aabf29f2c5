package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Accounts end to end: telnet register and login, nick protection, SASL over a real socket, across a restart. */
@Timeout(60)
class AccountIT {
    @TempDir
    Path dataDir;

    private static RawClient telnet(TestServer server) {
        RawClient c = RawClient.connect(server.plain()).timeout(Duration.ofSeconds(20));
        c.expect("login NAME");
        return c;
    }

    @Test
    void aTelnetUserRegistersAndOnlyThePasswordGetsTheNameBack() {
        try (TestServer server = TestServer.startIn(dataDir, null)) {
            try (RawClient first = telnet(server)) {
                first.send("register 小红 sesame123");
                assertThat(first.expect("Account")).endsWith("* Account 小红 created; next time: login 小红 PASSWORD");
                first.send("logout");
                first.readUntilClosed();
            }
            try (RawClient impostor = telnet(server)) {
                impostor.send("login 小红");
                assertThat(impostor.expect("!"))
                        .endsWith("! The name 小红 is registered; log in with: login 小红 PASSWORD");
                impostor.send("login 小红 wrong-password");
                assertThat(impostor.expect("!")).endsWith("! Wrong name or password");
                impostor.send("login 小明");
                impostor.expect("Welcome, 小明!");
            }
            try (RawClient owner = telnet(server)) {
                owner.send("login 小红 sesame123");
                assertThat(owner.expect("logged in")).endsWith("* You are logged in to the account 小红");
                owner.expect("Welcome, 小红!");
            }
        }
    }

    @Test
    void saslPlainOverARealSocketAndTheAccountSurvivesARestart() {
        try (TestServer server = TestServer.startIn(dataDir, null);
                RawClient alice = server.register("acc_alice")) {
            alice.send("REGISTER * * sesame123");
            assertThat(alice.expect("REGISTER")).contains("REGISTER SUCCESS acc_alice");
        }
        try (TestServer server = TestServer.startIn(dataDir, null);
                RawClient c = RawClient.connect(server.irc())) {
            c.send("CAP LS 302").expect("sasl=PLAIN,SCRAM-SHA-256,EXTERNAL");
            c.send("CAP REQ :sasl account-tag").expect(" ACK ");
            c.send("AUTHENTICATE PLAIN").expect("AUTHENTICATE +");
            String plain =
                    Base64.getEncoder().encodeToString("\0acc_alice\0sesame123".getBytes(StandardCharsets.UTF_8));
            c.send("AUTHENTICATE " + plain);
            assertThat(c.expect(" 903 ")).contains("SASL authentication successful");
            c.send("NICK acc_alice").send("USER a 0 * :A").send("CAP END");
            c.expect(" 001 acc_alice ");
            try (RawClient bob = server.register("acc_bob")) {
                bob.send("WHOIS acc_alice");
                assertThat(bob.expect(" 330 ")).contains(" 330 acc_bob acc_alice acc_alice :is logged in as");
            }
        }
    }

    @Test
    void anIrcClientAndATelnetUserShareOneAccountAndSeeTheSameConversation() {
        try (TestServer server = TestServer.startIn(dataDir, null)) {
            try (RawClient first = server.register("共享")) {
                first.send("REGISTER * * sesame123").expect("REGISTER SUCCESS");
            }
            try (RawClient irc = RawClient.connect(server.irc());
                    RawClient friend = server.register("friend")) {
                irc.send("CAP LS 302").send("CAP REQ :sasl").expect(" ACK ");
                irc.send("AUTHENTICATE PLAIN").expect("AUTHENTICATE +");
                irc.send("AUTHENTICATE "
                        + Base64.getEncoder().encodeToString("\0共享\0sesame123".getBytes(StandardCharsets.UTF_8)));
                irc.expect(" 903 ");
                irc.send("NICK 共享").send("USER s 0 * :S").send("CAP END").expect(" 001 共享 ");
                irc.send("JOIN #课堂").expect(" 366 ");
                friend.send("JOIN #课堂").expect(" 366 ");

                try (RawClient telnet = telnet(server)) {
                    telnet.send("login 共享 sesame123");
                    telnet.expect("Welcome, 共享!");
                    friend.send("PRIVMSG #课堂 :大家好 everyone");
                    assertThat(irc.expect("大家好")).endsWith("PRIVMSG #课堂 :大家好 everyone");
                    assertThat(telnet.expect("大家好")).contains("friend").contains("大家好 everyone");
                    telnet.send("send #课堂 typed on the terminal");
                    assertThat(irc.expect("terminal")).endsWith("PRIVMSG #课堂 :typed on the terminal");
                    assertThat(friend.expect("terminal")).startsWith(":共享!");
                    telnet.send("logout");
                    telnet.readUntilClosed();
                }
                // the IRC connection is still there and nobody saw 共享 quit
                assertThat(friend.sync()).noneMatch(l -> l.contains("QUIT"));
                friend.send("PRIVMSG 共享 :still here?");
                assertThat(irc.expect("still here")).endsWith("PRIVMSG 共享 :still here?");
            }
        }
    }
}
