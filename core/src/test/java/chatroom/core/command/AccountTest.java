package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.ServerConfig;
import chatroom.core.history.HistoryEvent;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import chatroom.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountTest {
    final InMemoryHistoryStore history = new InMemoryHistoryStore();
    final ChatFixture f = new ChatFixture(history);

    private static String plain(String user, String password) {
        return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Session registered(String nick, String password) {
        Session s = f.register(nick);
        assertThat(f.ask(s, "REGISTER * * " + password))
                .startsWith(":chatroom.local REGISTER SUCCESS " + nick + " :Account created");
        return s;
    }

    @Test
    void registerLogsInAndMessagesCarryTheAccount() {
        Session alice = f.register("alice");
        assertThat(f.ask(alice, "REGISTER * * sesame123"))
                .containsExactly(
                        ":chatroom.local REGISTER SUCCESS alice :Account created",
                        ":chatroom.local 900 alice alice!alice@10.0.0.1 alice :You are now logged in as alice");
        Session bob = f.register("bob");
        f.send(bob, "CAP REQ :account-tag");
        f.got(bob);
        f.send(alice, "PRIVMSG bob :hi");
        IrcMessage got = f.outbox.takeMessages(bob).getFirst();
        assertThat(got.tag("account")).isEqualTo("alice");
        assertThat(f.ask(bob, "WHOIS alice")).contains(":chatroom.local 330 bob alice alice :is logged in as");
    }

    @Test
    void saslPlainWhileConnectingLogsInBeforeRegistration() {
        registered("carol", "sesame123");
        Session s = f.connect();
        f.send(s, "CAP LS 302");
        assertThat(f.got(s).getFirst())
                .contains("sasl=PLAIN,SCRAM-SHA-256,EXTERNAL")
                .contains("draft/account-registration=before-connect");
        f.send(s, "CAP REQ :sasl extended-join");
        f.got(s);
        assertThat(f.ask(s, "AUTHENTICATE PLAIN")).containsExactly("AUTHENTICATE +");
        assertThat(f.ask(s, "AUTHENTICATE " + plain("CAROL", "sesame123")))
                .containsExactly(
                        ":chatroom.local 900 * *!*@10.0.0.1 carol :You are now logged in as carol",
                        ":chatroom.local 903 * :SASL authentication successful");
        f.send(s, "NICK carol2");
        f.send(s, "USER c 0 * :Carol");
        f.send(s, "CAP END");
        f.got(s);
        assertThat(f.ask(s, "JOIN #a").getFirst()).isEqualTo(":carol2!c@10.0.0.1 JOIN #a carol Carol");
        assertThat(f.ask(s, "AUTHENTICATE PLAIN")).singleElement().asString().contains(" 907 ");
    }

    @Test
    void badCredentialsAndBadExchangesFailClearly() {
        registered("dave", "sesame123");
        Session s = f.connect();
        f.ask(s, "AUTHENTICATE PLAIN");
        assertThat(f.ask(s, "AUTHENTICATE " + plain("dave", "wrong")))
                .containsExactly(":chatroom.local 904 * :SASL authentication failed");
        f.ask(s, "AUTHENTICATE PLAIN");
        assertThat(f.ask(s, "AUTHENTICATE " + plain("nobody", "sesame123")))
                .containsExactly(":chatroom.local 904 * :SASL authentication failed");
        assertThat(f.ask(s, "AUTHENTICATE DIGEST-MD5"))
                .containsExactly(
                        ":chatroom.local 908 * PLAIN,SCRAM-SHA-256,EXTERNAL :are available SASL mechanisms",
                        ":chatroom.local 904 * :SASL authentication failed");
        f.ask(s, "AUTHENTICATE PLAIN");
        assertThat(f.ask(s, "AUTHENTICATE *")).containsExactly(":chatroom.local 906 * :SASL authentication aborted");
        f.ask(s, "AUTHENTICATE PLAIN");
        assertThat(f.ask(s, "AUTHENTICATE " + "A".repeat(401)))
                .containsExactly(":chatroom.local 905 * :SASL message too long");
        f.ask(s, "AUTHENTICATE PLAIN");
        assertThat(f.ask(s, "AUTHENTICATE not-base64!"))
                .singleElement()
                .asString()
                .contains(" 904 ");
        assertThat(s.account()).isNull();
    }

    @Test
    void registrationRules() {
        registered("erin", "sesame123");
        Session other = f.register("frank");
        assertThat(f.ask(other, "REGISTER erin * sesame123"))
                .singleElement()
                .asString()
                .startsWith(":chatroom.local FAIL REGISTER ACCOUNT_NAME_MUST_BE_NICK erin");
        assertThat(f.ask(other, "REGISTER * * abc"))
                .singleElement()
                .asString()
                .startsWith(":chatroom.local FAIL REGISTER WEAK_PASSWORD frank");
        // the account erin exists even after erin leaves; someone else taking the nick cannot register it again
        Session erin = f.state.user("erin").sessions().getFirst();
        f.send(erin, "QUIT");
        Session impostor = f.register("erin");
        assertThat(f.ask(impostor, "REGISTER * * another123"))
                .singleElement()
                .asString()
                .startsWith(":chatroom.local FAIL REGISTER ACCOUNT_EXISTS erin");
        // nor can a connecting client register a nick somebody is using
        Session grabber = f.connect();
        f.send(grabber, "NICK frank");
        assertThat(f.ask(grabber, "REGISTER * * sesame123"))
                .anyMatch(l -> l.startsWith(":chatroom.local FAIL REGISTER ACCOUNT_EXISTS frank"));
    }

    @Test
    void configuredRegistrationNeedsEmailOrIsOff() {
        ChatFixture email = new ChatFixture(
                ServerConfig.defaults().withFlood(0, 0).withAccounts(ServerConfig.Registration.AFTER_CONNECT, true, 6),
                new InMemoryHistoryStore());
        Session early = email.connect();
        email.send(early, "NICK gina");
        assertThat(email.ask(early, "REGISTER * gina@example.org sesame123"))
                .anyMatch(l -> l.contains("FAIL REGISTER COMPLETE_CONNECTION_REQUIRED"));
        Session gina = email.register("gina");
        assertThat(email.ask(gina, "REGISTER * * sesame123"))
                .singleElement()
                .asString()
                .contains("FAIL REGISTER INVALID_EMAIL gina");
        assertThat(email.ask(gina, "REGISTER * gina@example.org sesame123"))
                .first()
                .asString()
                .contains("SUCCESS");

        ChatFixture off = new ChatFixture(
                ServerConfig.defaults().withFlood(0, 0).withAccounts(ServerConfig.Registration.OFF, false, 6),
                new InMemoryHistoryStore());
        Session h = off.register("hank");
        assertThat(off.ask(h, "CAP LS 302").getFirst()).doesNotContain("account-registration");
        assertThat(off.ask(h, "REGISTER * * sesame123"))
                .singleElement()
                .asString()
                .contains("DISALLOWED");
        assertThat(off.ask(h, "PRIVMSG NickServ :REGISTER sesame123"))
                .singleElement()
                .asString()
                .endsWith("NOTICE hank :This server does not let people register accounts themselves");
    }

    @Test
    void nickServRegistersAndIdentifiesAndItsLinesAreNeverStored() {
        Session ivy = f.register("ivy");
        assertThat(f.ask(ivy, "PRIVMSG NickServ :REGISTER sesame123"))
                .containsExactly(
                        ":NickServ!NickServ@services.chatroom.local NOTICE ivy :Account created",
                        ":chatroom.local 900 ivy ivy!ivy@10.0.0.1 ivy :You are now logged in as ivy");
        Session other = f.register("ivy_phone");
        assertThat(f.ask(other, "NS IDENTIFY ivy wrong"))
                .containsExactly(
                        ":NickServ!NickServ@services.chatroom.local NOTICE ivy_phone :Invalid account or password");
        assertThat(f.ask(other, "NS IDENTIFY ivy sesame123"))
                .contains(":NickServ!NickServ@services.chatroom.local NOTICE ivy_phone :You are now logged in as ivy");
        assertThat(other.account()).isEqualTo("ivy");
        assertThat(f.ask(f.connect(), "NICK NickServ"))
                .singleElement()
                .asString()
                .contains(" 432 ");
        List<HistoryEvent> kept = history.export(null, null, Instant.EPOCH, 0, 1_000);
        assertThat(kept)
                .noneMatch(e -> e.line().contains("sesame123") || e.line().contains("wrong"));
    }

    @Test
    void withNoGracePeriodARegisteredNickIsOnlyForItsAccount() {
        ChatFixture f = new ChatFixture(
                ServerConfig.defaults().withFlood(0, 0).withNickGrace(java.time.Duration.ZERO), history);
        Session owner = f.register("jo");
        f.ask(owner, "REGISTER * * sesame123");
        f.send(owner, "QUIT");
        Session stranger = f.connect();
        f.send(stranger, "NICK jo");
        assertThat(f.ask(stranger, "USER x 0 * :X"))
                .containsExactly(":chatroom.local 433 * jo :Nickname is registered; log in to its account to use it"
                        + " (SASL or NickServ IDENTIFY)");
        assertThat(f.ask(stranger, "NICK jo_")).anyMatch(l -> l.contains(" 001 jo_ "));
        assertThat(f.ask(stranger, "NICK JO")).singleElement().asString().contains(" 433 jo_ JO ");
        f.ask(stranger, "NS IDENTIFY jo sesame123");
        assertThat(f.ask(stranger, "NICK JO")).containsExactly(":jo_!x@10.0.0.1 NICK JO");
    }

    @Test
    void anAccountOwnerReadsTheirWhispersBackAfterReconnecting() {
        Session kim = registered("kim", "sesame123");
        Session lee = f.register("lee");
        f.clock.advance(java.time.Duration.ofSeconds(1));
        f.send(lee, "PRIVMSG kim :remember this");
        f.send(kim, "QUIT");
        f.clock.advance(java.time.Duration.ofSeconds(1));
        Session back = f.register("kim_away");
        f.ask(back, "NS IDENTIFY kim sesame123");
        f.ask(back, "NICK kim");
        f.ask(back, "CAP REQ :batch draft/chathistory");
        assertThat(f.ask(back, "CHATHISTORY LATEST lee * 10")).anyMatch(l -> l.endsWith("PRIVMSG kim :remember this"));
    }

    @Test
    void wrongPasswordsAreThrottledPerAccountThenForgiven() {
        registered("max", "sesame123");
        Session guesser = f.register("guesser");
        for (int i = 0; i < chatroom.core.ServerConfig.LoginLimits.DEFAULT.perAccount(); i++) {
            assertThat(f.ask(guesser, "NS IDENTIFY max guess" + i))
                    .singleElement()
                    .asString()
                    .endsWith(":Invalid account or password");
        }
        assertThat(f.ask(guesser, "NS IDENTIFY max sesame123"))
                .singleElement()
                .asString()
                .endsWith(":Too many failed logins; try again in 10 minutes");
        Session sasl = f.connect();
        f.ask(sasl, "AUTHENTICATE PLAIN");
        assertThat(f.ask(sasl, "AUTHENTICATE " + plain("max", "sesame123")))
                .singleElement()
                .asString()
                .contains(" 904 * :SASL authentication failed: Too many failed logins");
        f.clock.advance(chatroom.core.ServerConfig.LoginLimits.DEFAULT.window());
        assertThat(f.ask(guesser, "NS IDENTIFY max sesame123"))
                .first()
                .asString()
                .endsWith(":You are now logged in as max");
    }

    @Test
    void aRegisteredOnlyRoomLetsInPeopleWithAnAccount() {
        Session op = registered("nora", "sesame123");
        f.ask(op, "JOIN #class");
        assertThat(f.ask(op, "MODE #class +R")).containsExactly(":nora!nora@10.0.0.1 MODE #class +R");
        Session guest = f.register("guest");
        assertThat(f.ask(guest, "JOIN #class"))
                .containsExactly(
                        ":chatroom.local 477 guest #class :Cannot join channel (+R): log in to an account first");
        registered("pupil", "sesame123");
        Session pupil = f.state.user("pupil").sessions().getFirst();
        assertThat(f.ask(pupil, "JOIN #class").getFirst()).isEqualTo(":pupil!pupil@10.0.0.1 JOIN #class");
        f.got(op);
        assertThat(f.ask(op, "MODE #class")).first().asString().contains(" 324 nora #class +Rnt");
    }
}
