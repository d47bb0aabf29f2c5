package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.Passwords;
import chatroom.core.account.Account;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import com.ongres.scram.client.ScramClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUTHENTICATE SCRAM-SHA-256 against the library's client side, and password changes. */
class ScramTest {
    final ChatFixture f = new ChatFixture(new InMemoryHistoryStore());

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String line) {
        assertThat(line).startsWith("AUTHENTICATE ");
        return new String(Base64.getDecoder().decode(line.substring(13)), StandardCharsets.UTF_8);
    }

    private void registered(String nick, String password) {
        Session s = f.register(nick);
        assertThat(f.ask(s, "REGISTER * * " + password)).first().asString().contains("SUCCESS");
        f.send(s, "QUIT");
    }

    /** A whole SCRAM exchange as a client does it; returns the server's last answer. */
    private List<String> scram(Session s, String user, String password) throws Exception {
        ScramClient client = ScramClient.builder()
                .advertisedMechanisms(List.of("SCRAM-SHA-256"))
                .username(user)
                .password(password.toCharArray())
                .build();
        assertThat(f.ask(s, "AUTHENTICATE SCRAM-SHA-256")).containsExactly("AUTHENTICATE +");
        List<String> first =
                f.ask(s, "AUTHENTICATE " + b64(client.clientFirstMessage().toString()));
        if (!first.getFirst().startsWith("AUTHENTICATE ")) {
            return first;
        }
        client.serverFirstMessage(unb64(first.getFirst()));
        List<String> last =
                f.ask(s, "AUTHENTICATE " + b64(client.clientFinalMessage().toString()));
        if (!last.getFirst().startsWith("AUTHENTICATE ")) {
            return last;
        }
        client.serverFinalMessage(unb64(last.getFirst())); // throws unless the server proved it knows the keys
        return f.ask(s, "AUTHENTICATE +");
    }

    @Test
    void aScramExchangeLogsInAndTheServerProvesItKnowsThePassword() throws Exception {
        registered("carol", "sesame123");
        Session s = f.connect();
        f.send(s, "CAP LS 302");
        assertThat(f.got(s).getFirst()).contains("sasl=PLAIN,SCRAM-SHA-256,EXTERNAL");
        assertThat(scram(s, "Carol", "sesame123"))
                .containsExactly(
                        ":chatroom.local 900 * *!*@10.0.0.1 carol :You are now logged in as carol",
                        ":chatroom.local 903 * :SASL authentication successful");
        assertThat(s.account()).isEqualTo("carol");
        Account stored = f.state.accounts().find("carol");
        assertThat(stored).isNotNull();
        assertThat(stored.scram()).isNotNull();
        assertThat(stored.scram().iterations()).isGreaterThanOrEqualTo(4096);
        assertThat(stored.scram().toString()).doesNotContain("sesame123");
    }

    /** Sends {@code b64} in 400-byte chunks as a client must; returns what the last chunk got back. */
    private List<String> sendChunked(Session s, String b64) {
        List<String> got = List.of();
        for (int i = 0; i < b64.length(); i += 400) {
            got = f.ask(s, "AUTHENTICATE " + b64.substring(i, Math.min(b64.length(), i + 400)));
        }
        return b64.length() % 400 == 0 ? f.ask(s, "AUTHENTICATE +") : got;
    }

    private static String joined(List<String> chunks) {
        assertThat(chunks).allMatch(l -> l.startsWith("AUTHENTICATE "));
        assertThat(chunks.subList(0, chunks.size() - 1)).allMatch(l -> l.length() == 13 + 400);
        StringBuilder b = new StringBuilder();
        chunks.forEach(l -> b.append(l.equals("AUTHENTICATE +") ? "" : l.substring(13)));
        return new String(Base64.getDecoder().decode(b.toString()), StandardCharsets.UTF_8);
    }

    @Test
    void longMessagesTravelIn400ByteChunksBothWays() throws Exception {
        registered("hugo", "sesame123");
        Session s = f.connect();
        ScramClient client = ScramClient.builder()
                .advertisedMechanisms(List.of("SCRAM-SHA-256"))
                .username("hugo")
                .password("sesame123".toCharArray())
                .nonceSupplier(() -> "n".repeat(700))
                .build();
        f.ask(s, "AUTHENTICATE SCRAM-SHA-256");
        List<String> serverFirst =
                sendChunked(s, b64(client.clientFirstMessage().toString()));
        assertThat(serverFirst).hasSize(3);
        client.serverFirstMessage(joined(serverFirst));
        List<String> serverFinal =
                sendChunked(s, b64(client.clientFinalMessage().toString()));
        client.serverFinalMessage(joined(serverFinal));
        assertThat(f.ask(s, "AUTHENTICATE +")).last().asString().contains(" 903 ");
    }

    @Test
    void wrongPasswordsFailAndAreThrottledLikePlain() throws Exception {
        registered("dave", "sesame123");
        Session s = f.connect();
        for (int i = 0; i < chatroom.core.ServerConfig.LoginLimits.DEFAULT.perAccount(); i++) {
            assertThat(scram(s, "dave", "guess" + i))
                    .containsExactly(":chatroom.local 904 * :SASL authentication failed");
        }
        assertThat(scram(s, "dave", "sesame123"))
                .singleElement()
                .asString()
                .startsWith(":chatroom.local 904 * :SASL authentication failed: Too many failed logins");
        f.clock.advance(chatroom.core.ServerConfig.LoginLimits.DEFAULT.window());
        assertThat(scram(s, "dave", "sesame123")).last().asString().contains(" 903 ");
    }

    @Test
    void malformedMessagesFailWith904AndNeverThrow() throws Exception {
        registered("erin", "sesame123");
        Session s = f.connect();
        List<String> bad = List.of(
                "!!not base64!!",
                b64("hello"),
                b64("p=tls-unique,,n=erin,r=abcdef"),
                b64("n,,r=abcdef,n=erin"),
                b64("n,,m=ext,n=erin,r=abc"),
                b64("n,a=frank,n=erin,r=abcdef"),
                b64("x,,n=erin,r=abcdef"));
        for (String message : bad) {
            f.ask(s, "AUTHENTICATE SCRAM-SHA-256");
            assertThat(f.ask(s, "AUTHENTICATE " + message))
                    .as(message)
                    .singleElement()
                    .asString()
                    .startsWith(":chatroom.local 904 * :SASL authentication failed");
        }
        // a proper first message, then a broken final one: wrong nonce, no proof, proof not base64, wrong binding
        for (String last : List.of("c=biws,r=other,p=AAAA", "c=biws,r=%s", "c=biws,r=%s,p=***", "c=eSws,r=%s,p=AA==")) {
            f.ask(s, "AUTHENTICATE SCRAM-SHA-256");
            String serverFirst = unb64(
                    f.ask(s, "AUTHENTICATE " + b64("n,,n=erin,r=clientnonce")).getFirst());
            String nonce = serverFirst.substring(2, serverFirst.indexOf(','));
            assertThat(f.ask(s, "AUTHENTICATE " + b64(last.formatted(nonce))))
                    .as(last)
                    .singleElement()
                    .asString()
                    .startsWith(":chatroom.local 904 * :SASL authentication failed");
        }
        assertThat(s.account()).isNull();
        assertThat(scram(s, "erin", "sesame123")).last().asString().contains(" 903 ");
    }

    @Test
    void anAccountFromBeforeScramGetsCredentialsAtItsNextPasswordLogin() throws Exception {
        Account old = new Account("frank", "frank", Passwords.hash("sesame123"), f.clock.instant());
        assertThat(f.state.accounts().create(old)).isTrue();
        Session s = f.connect();
        assertThat(scram(s, "frank", "sesame123"))
                .singleElement()
                .asString()
                .isEqualTo(":chatroom.local 904 * :SASL authentication failed: this account has no SCRAM credentials"
                        + " yet; log in once with PLAIN or NickServ IDENTIFY");
        Session other = f.register("frank_");
        assertThat(f.ask(other, "NS IDENTIFY frank wrong"))
                .singleElement()
                .asString()
                .endsWith("password");
        assertThat(f.state.accounts().find("frank").scram()).isNull();
        f.ask(other, "NS IDENTIFY frank sesame123");
        assertThat(scram(s, "frank", "sesame123")).last().asString().contains(" 903 ");
    }

    @Test
    void theOwnerChangesThePasswordForPlainAndScramAlike() throws Exception {
        Session gina = f.register("gina");
        assertThat(f.ask(gina, "NS SET PASSWORD newsecret1"))
                .containsExactly(":NickServ!NickServ@services.chatroom.local NOTICE gina :You are not logged in");
        f.ask(gina, "REGISTER * * sesame123");
        assertThat(f.ask(gina, "NS SET PASSWORD abc"))
                .singleElement()
                .asString()
                .endsWith(":Passwords must have at least 6 characters");
        assertThat(f.ask(gina, "NS SET PASSWORD"))
                .singleElement()
                .asString()
                .endsWith(":Usage: SET PASSWORD <new password>");
        assertThat(f.ask(gina, "PRIVMSG NickServ :SET PASSWORD newsecret1"))
                .containsExactly(":NickServ!NickServ@services.chatroom.local NOTICE gina :Password changed");
        assertThat(scram(f.connect(), "gina", "sesame123"))
                .singleElement()
                .asString()
                .contains(" 904 ");
        assertThat(scram(f.connect(), "gina", "newsecret1")).last().asString().contains(" 903 ");
        Session phone = f.register("gina_phone");
        assertThat(f.ask(phone, "NS IDENTIFY gina sesame123"))
                .singleElement()
                .asString()
                .endsWith("password");
        assertThat(f.ask(phone, "NS IDENTIFY gina newsecret1"))
                .first()
                .asString()
                .endsWith("logged in as gina");
    }
}
