package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.Connection;
import chatroom.core.ServerConfig;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registered nicks: the grace period, the owner taking a nick back, and several connections sharing one account. */
class NickOwnershipTest {
    final ChatFixture f = new ChatFixture(
            ServerConfig.defaults().withFlood(0, 0).withSessionsPerAccount(2), new InMemoryHistoryStore());

    private void account(String nick, String password) {
        Session s = f.register(nick);
        f.ask(s, "REGISTER * * " + password);
        f.send(s, "QUIT");
    }

    /** A connection that logs in with SASL PLAIN while registering, as irssi or WeeChat do. */
    private Session saslLogin(String nick, String password, Connection.Protocol protocol) {
        Session s = f.connect(protocol);
        f.send(s, "CAP LS 302");
        f.send(s, "CAP REQ :sasl");
        f.send(s, "NICK " + nick);
        f.send(s, "USER " + nick + " 0 * :" + nick);
        f.send(s, "AUTHENTICATE PLAIN");
        String auth =
                Base64.getEncoder().encodeToString(("\0" + nick + "\0" + password).getBytes(StandardCharsets.UTF_8));
        f.send(s, "AUTHENTICATE " + auth);
        f.got(s);
        return s;
    }

    @Test
    void someoneNotLoggedInIsRenamedWhenTheGracePeriodEnds() {
        account("mei", "sesame123");
        Session stranger = f.connect();
        f.send(stranger, "NICK mei");
        List<String> welcome = f.ask(stranger, "USER x 0 * :X");
        assertThat(welcome).anyMatch(l -> l.contains(" 001 mei "));
        assertThat(welcome)
                .anyMatch(l -> l.startsWith(":NickServ!NickServ@services.chatroom.local NOTICE mei :This nickname is"
                        + " registered. Log in within 30 seconds"));
        Session watcher = f.register("wu");
        f.send(watcher, "JOIN #a");
        f.send(stranger, "JOIN #a");
        f.got(watcher);
        f.got(stranger);

        f.advance(Duration.ofSeconds(29));
        assertThat(f.got(stranger)).isEmpty();
        f.advance(Duration.ofSeconds(1));
        List<String> renamed = f.got(stranger);
        assertThat(renamed.getFirst()).matches(":mei!x@10\\.0\\.0\\.1 NICK Guest\\d{5}");
        assertThat(renamed.get(1)).contains("The nickname mei is registered to someone else; you are now Guest");
        assertThat(f.got(watcher)).singleElement().asString().startsWith(":mei!x@10.0.0.1 NICK Guest");
        assertThat(f.state.user("mei")).isNull();
    }

    @Test
    void identifyingInTimeKeepsTheNick() {
        account("nan", "sesame123");
        Session owner = f.register("nan");
        f.ask(owner, "NS IDENTIFY sesame123");
        f.advance(Duration.ofMinutes(1));
        assertThat(f.got(owner)).isEmpty();
        assertThat(f.state.user("nan")).isNotNull();
    }

    @Test
    void changingToAnotherNickDuringTheGracePeriodIsLeftAlone() {
        account("ona", "sesame123");
        Session s = f.register("ona");
        f.ask(s, "NICK ona_");
        f.advance(Duration.ofMinutes(1));
        assertThat(f.got(s)).isEmpty();
        assertThat(f.state.user("ona_")).isNotNull();
    }

    @Test
    void theOwnerLoggingInTakesTheNickBackAtOnce() {
        account("pia", "sesame123");
        Session impostor = f.register("pia");
        Session owner = saslLogin("pia", "sesame123", Connection.Protocol.IRC);
        assertThat(f.got(owner)).isEmpty(); // nothing before CAP END
        List<String> welcome = f.ask(owner, "CAP END");
        assertThat(welcome).anyMatch(l -> l.contains(" 001 pia "));
        assertThat(f.got(impostor).getFirst()).matches(":pia!pia@10\\.0\\.0\\.1 NICK Guest\\d{5}");
        assertThat(f.state.user("pia").sessions()).containsExactly(owner);
    }

    @Test
    void theOwnerChangingNickTakesItBackToo() {
        account("qi", "sesame123");
        Session impostor = f.register("qi");
        Session owner = f.register("qi_");
        f.ask(owner, "NS IDENTIFY qi sesame123");
        assertThat(f.ask(owner, "NICK qi")).containsExactly(":qi_!qi_@10.0.0.1 NICK qi");
        assertThat(f.got(impostor).getFirst()).matches(":qi!qi@10\\.0\\.0\\.1 NICK Guest\\d{5}");
    }

    @Test
    void aSecondConnectionOfTheAccountSharesTheNickAndTheConversation() {
        account("ren", "sesame123");
        Session first = saslLogin("ren", "sesame123", Connection.Protocol.IRC);
        f.send(first, "CAP END");
        f.send(first, "JOIN #room");
        f.got(first);
        Session friend = f.register("sun");
        f.send(friend, "JOIN #room");
        f.got(first);
        f.got(friend);

        Session second = saslLogin("ren", "sesame123", Connection.Protocol.IRC);
        List<String> burst = f.ask(second, "CAP END");
        assertThat(burst).anyMatch(l -> l.contains(" 001 ren "));
        assertThat(burst).contains(":ren!ren@10.0.0.1 JOIN #room");
        assertThat(burst).anyMatch(l -> l.contains(" 353 ren = #room :") && l.contains("@ren") && l.contains("sun"));
        assertThat(f.got(friend)).as("nobody sees a second connection arrive").isEmpty();

        f.send(friend, "PRIVMSG #room :hello ren");
        assertThat(f.got(first)).singleElement().asString().endsWith("PRIVMSG #room :hello ren");
        assertThat(f.got(second)).singleElement().asString().endsWith("PRIVMSG #room :hello ren");

        f.send(second, "PRIVMSG #room :hi sun");
        assertThat(f.got(second)).as("no echo without echo-message").isEmpty();
        assertThat(f.got(first)).singleElement().asString().endsWith("PRIVMSG #room :hi sun");
        assertThat(f.got(friend)).singleElement().asString().endsWith("PRIVMSG #room :hi sun");

        f.send(first, "PRIVMSG sun :psst, ren here");
        assertThat(f.got(second)).singleElement().asString().endsWith("PRIVMSG sun :psst, ren here");
        assertThat(f.got(friend)).singleElement().asString().endsWith("PRIVMSG sun :psst, ren here");
        f.send(friend, "PRIVMSG ren :welcome back");
        assertThat(f.got(first)).singleElement().asString().endsWith("PRIVMSG ren :welcome back");
        assertThat(f.got(second)).singleElement().asString().endsWith("PRIVMSG ren :welcome back");

        // closing one connection leaves the person online; closing the last one is a quit
        f.send(first, "QUIT :bye");
        assertThat(f.got(first)).singleElement().asString().endsWith("QUIT :Quit: bye");
        assertThat(f.got(second)).isEmpty();
        assertThat(f.got(friend)).isEmpty();
        assertThat(f.state.user("ren").sessions()).containsExactly(second);
        f.send(friend, "PRIVMSG #room :still there?");
        assertThat(f.got(second)).singleElement().asString().endsWith("PRIVMSG #room :still there?");
        assertThat(f.got(first))
                .as("the closed connection is out of the room's delivery list")
                .isEmpty();
        f.send(second, "QUIT :really");
        assertThat(f.got(friend)).singleElement().asString().endsWith("QUIT :Quit: really");
    }

    @Test
    void connectionsPerAccountAreLimitedAndOthersCannotShare() {
        account("tao", "sesame123");
        f.send(saslLogin("tao", "sesame123", Connection.Protocol.IRC), "CAP END");
        f.send(saslLogin("tao", "sesame123", Connection.Protocol.IRC), "CAP END");
        Session third = saslLogin("tao", "sesame123", Connection.Protocol.IRC);
        assertThat(f.ask(third, "CAP END"))
                .containsExactly(":chatroom.local 433 tao tao :Your account has too many connections already");
        Session stranger = f.connect();
        f.send(stranger, "CAP LS 302");
        f.send(stranger, "NICK tao");
        f.send(stranger, "USER s 0 * :S");
        assertThat(f.ask(stranger, "CAP END"))
                .last()
                .isEqualTo(":chatroom.local 433 tao tao :Nickname is already in use");
    }

    @Test
    void aTelnetUserAndAnIrcClientShareOneAccount() {
        account("uma", "sesame123");
        Session irc = saslLogin("uma", "sesame123", Connection.Protocol.IRC);
        f.send(irc, "CAP END");
        f.send(irc, "JOIN #class");
        f.got(irc);
        Session telnet = saslLogin("uma", "sesame123", Connection.Protocol.PLAIN);
        assertThat(f.ask(telnet, "CAP END")).contains(":uma!uma@10.0.0.1 JOIN #class");
        f.send(telnet, "PRIVMSG #class :from the terminal");
        assertThat(f.got(irc)).singleElement().asString().endsWith("PRIVMSG #class :from the terminal");
    }

    @Test
    void aRegisteredNickIsRefusedAtOnceOnThePlainTextPort() {
        account("vic", "sesame123");
        Session telnet = f.connect(Connection.Protocol.PLAIN);
        f.send(telnet, "NICK vic");
        assertThat(f.ask(telnet, "USER v 0 * :V")).singleElement().asString().contains(" 433 * vic ");
    }

    @Test
    void aNickThatOnlyLooksLikeAnotherIsTheSameName() {
        Session latin = f.register("evan");
        Session other = f.connect();
        f.send(other, "NICK еvan"); // Cyrillic е
        assertThat(f.ask(other, "USER o 0 * :O"))
                .containsExactly(":chatroom.local 433 * еvan :Nickname is already in use");
        f.send(other, "NICK oscar");
        f.got(other);
        assertThat(f.ask(other, "NICK ЕVAN"))
                .containsExactly(":chatroom.local 433 oscar ЕVAN :Nickname is already in use");
        assertThat(f.ask(latin, "NICK еvan"))
                .as("one's own look-alike is fine")
                .containsExactly(":evan!evan@10.0.0.1 NICK еvan");
    }

    @Test
    void aLookAlikeOfARegisteredNickIsProtectedAndItsOwnerMayUseIt() {
        ChatFixture strict = new ChatFixture(
                ServerConfig.defaults().withFlood(0, 0).withNickGrace(Duration.ZERO), new InMemoryHistoryStore());
        Session s = strict.register("evan");
        strict.ask(s, "REGISTER * * sesame123");
        Session impostor = strict.connect();
        strict.send(impostor, "NICK еvan");
        assertThat(strict.ask(impostor, "USER i 0 * :I"))
                .singleElement()
                .asString()
                .contains(" 433 * еvan ");
        assertThat(strict.ask(s, "NICK еvan")).containsExactly(":evan!evan@10.0.0.1 NICK еvan");
        Session another = strict.register("ivan");
        assertThat(strict.ask(another, "REGISTER * * sesame123")).isNotEmpty();
        Session lookalike = strict.register("іvan"); // Cyrillic і
        assertThat(strict.ask(lookalike, "REGISTER * * sesame123"))
                .singleElement()
                .asString()
                .startsWith(":chatroom.local FAIL REGISTER ACCOUNT_EXISTS");
    }
}
