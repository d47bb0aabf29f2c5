package chatroom.protocol.plain;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import chatroom.protocol.IrcWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainSessionTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:01Z");
    PlainSession s;

    @BeforeEach
    void loggedInAliceInLobby() throws IrcParseException {
        s = new PlainSession(ZoneOffset.UTC);
        s.onLine("login alice", NOW);
        render(":srv 001 alice :Welcome");
        render(":alice!alice@h JOIN #lobby");
    }

    @Test
    void linesTypedWhileLoggingInWaitForTheWelcome() throws IrcParseException {
        s = new PlainSession(ZoneOffset.UTC);
        assertThat(typed("say too early")).singleElement().asString().contains("Please log in first");
        s.onLine("login bob", NOW);
        assertThat(typed("say hello")).isEmpty();
        assertThat(typed("join maths")).isEmpty();
        assertThat(s.takeHeld()).isEmpty();

        render(":srv 001 bob :Welcome");
        assertThat(s.takeHeld()).as("not before the lobby is joined").isEmpty();
        render(":bob!bob@h JOIN #lobby");

        assertThat(s.takeHeld()).containsExactly("say hello", "join maths");
        assertThat(s.takeHeld()).isEmpty();
    }

    private List<String> render(String ircLine) throws IrcParseException {
        return s.render(IrcParser.parse(ircLine), NOW);
    }

    private List<String> typed(String line) {
        return s.onLine(line, NOW).stream()
                .map(a -> switch (a) {
                    case PlainAction.Send send -> IrcWriter.write(send.message());
                    case PlainAction.Reply reply -> "reply:" + reply.line();
                    case PlainAction.Close close -> "close:" + close.reason();
                })
                .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "say hello world|PRIVMSG #lobby :hello world",
                "hello 你好|PRIVMSG #lobby :hello 你好",
                "look|NAMES #lobby",
                "list users|WHO *",
                "list rooms|LIST",
                "rooms|LIST",
                "join test|JOIN #test",
                "join #test|JOIN #test",
                "/join test|JOIN #test",
                "leave test|PART #test",
                "leave|PART #lobby",
                "create room study alice,bob|CREATE #study alice,bob",
                "create room study|CREATE #study",
                "send message alice,bob hi there|PRIVMSG alice,bob :hi there",
                "send test hi all|PRIVMSG #test :hi all",
                "@bob psst|PRIVMSG bob psst",
                "@alice,bob psst now|PRIVMSG alice,bob :psst now",
                "/msg bob hi|PRIVMSG bob hi",
                "nick bob2|NICK bob2",
                "topic exams on friday|TOPIC #lobby :exams on friday",
                "away lunch|AWAY lunch",
                "password n3w-secret|PRIVMSG NickServ :SET PASSWORD n3w-secret",
                "logout|QUIT logout",
            })
    void typedLinesBecomeTheIrcCommandsAnIrcClientWouldSend(String typed, String irc) {
        assertThat(typed(typed)).containsExactly(irc);
    }

    @Test
    void loginSendsUserThenNickAndARetrySendsOnlyNick() {
        PlainSession fresh = new PlainSession(ZoneOffset.UTC);
        s = fresh;
        assertThat(typed("login 张三")).containsExactly("USER 张三 0 * 张三", "NICK 张三");
        assertThat(typed("login 李四")).containsExactly("NICK 李四");
    }

    @Test
    void aLongPasswordTravelsInSaslChunksOf400Bytes() {
        s = new PlainSession(ZoneOffset.UTC);
        String password = "p".repeat(600);
        List<String> out = typed("login ann " + password);
        List<String> auth =
                out.stream().filter(l -> l.startsWith("AUTHENTICATE ")).toList();
        assertThat(auth.getFirst()).isEqualTo("AUTHENTICATE PLAIN");
        assertThat(auth.subList(1, auth.size())).allMatch(l -> l.length() <= "AUTHENTICATE ".length() + 400);
        String joined = auth.subList(1, auth.size()).stream()
                .map(l -> l.substring("AUTHENTICATE ".length()))
                .reduce("", String::concat);
        assertThat(new String(java.util.Base64.getDecoder().decode(joined), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("\0ann\0" + password);
        s = new PlainSession(ZoneOffset.UTC);
        // 300 bytes of credentials are exactly 400 base64 characters: a lone "+" says the payload ended
        List<String> exact = typed("login ann " + "q".repeat(300 - 5));
        assertThat(exact).containsSubsequence("AUTHENTICATE PLAIN", "AUTHENTICATE +");
    }

    @Test
    void beforeLoginOnlyLoginHelpAndLogoutWork() {
        s = new PlainSession(ZoneOffset.UTC);
        assertThat(typed("say hi")).containsExactly("reply:[12:00:01] ! Please log in first: login NAME");
        assertThat(typed("login")).containsExactly("reply:[12:00:01] ! Please give a name: login NAME");
        assertThat(typed("help")).isNotEmpty().allMatch(l -> l.startsWith("reply:"));
    }

    @Test
    void anHttpRequestAsFirstLineClosesTheConnection() {
        s = new PlainSession(ZoneOffset.UTC);
        assertThat(typed("GET / HTTP/1.1")).containsExactly("close:This is a chat server, not an HTTP server");
    }

    @Test
    void nulOrCarriageReturnInsideALineIsRefusedNotTranslated() {
        String refused = "reply:[12:00:01] ! Lines may not contain NUL or a carriage return in the middle";
        assertThat(typed("say a\u0000b")).containsExactly(refused);
        assertThat(typed("@bob a\rb")).containsExactly(refused);
    }

    @Test
    void serverLinesWithoutParametersRenderWithoutFailing() throws IrcParseException {
        assertThat(render(":srv MODE")).singleElement().asString().startsWith("[12:00:01] * srv sets mode");
        assertThat(render("FAIL")).containsExactly("[12:00:01] ! ");
        assertThat(render(":srv 433")).singleElement().asString().startsWith("[12:00:01] ! ");
        render(":alice!a@h JOIN");
        render(":alice!a@h JOIN :#a b");
        assertThat(typed("hello")).containsExactly("PRIVMSG #lobby hello");
    }

    @Test
    void emptyLinesDoNothing() {
        assertThat(typed("   ")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "@time=2026-11-23T12:30:00.000Z :bob!b@h PRIVMSG #lobby :hi 你好|[12:30:00] [lobby] bob: hi 你好",
                ":bob!b@h PRIVMSG alice :psst|[12:00:01] bob -> you: psst",
                ":alice!a@h PRIVMSG bob :psst|[12:00:01] you -> bob: psst",
                ":alice!a@h PRIVMSG #lobby :mine|[12:00:01] [lobby] alice: mine",
                ":srv NOTICE * :server going down|[12:00:01] -notice- server going down",
                ":bob!b@h JOIN #lobby|[12:00:01] * bob joined lobby",
                ":bob!b@h PART #lobby :bye|[12:00:01] * bob left lobby (bye)",
                ":bob!b@h QUIT :Quit: gone|[12:00:01] * bob quit (Quit: gone)",
                ":bob!b@h NICK bobby|[12:00:01] * bob is now known as bobby",
                ":bob!b@h TOPIC #lobby :new topic|[12:00:01] * bob set the topic of lobby: new topic",
                ":bob!b@h KICK #lobby carol :spam|[12:00:01] * carol was kicked from lobby by bob (spam)",
                ":bob!b@h MODE #lobby +o carol|[12:00:01] * bob sets mode +o carol on lobby",
                ":bob!b@h INVITE alice #study|[12:00:01] * bob invites you to study",
                "ERROR :Server shutting down|[12:00:01] ! Disconnected: Server shutting down",
                ":srv 433 * bob :Nickname is already in use|[12:00:01] ! The name bob is taken; choose another: login NAME",
                ":srv 401 alice zed :No such nick|[12:00:01] ! No such user or room: zed",
                ":srv 332 alice #lobby :the topic|[12:00:01] Topic of lobby: the topic",
                ":srv 417 alice :Input line was too long|[12:00:01] ! Input line was too long",
                ":srv FAIL PRIVMSG INVALID_UTF8 :Message rejected: it is not UTF-8|[12:00:01] ! Your line was not UTF-8 and was"
                        + " not sent; please type it again. In telnet, connect with a dash before the port to avoid"
                        + " this: telnet -- HOST -PORT",
                ":srv FAIL JOIN INVALID_PARAMS :Bad room|[12:00:01] ! Bad room",
            })
    void serverMessagesRenderAsReadableLinesWithTime(String irc, String shown) throws IrcParseException {
        assertThat(render(irc)).containsExactly(shown);
    }

    @Test
    void beingKickedLeavesTheCurrentRoom() throws IrcParseException {
        assertThat(render(":bob!b@h KICK #lobby alice :bye"))
                .containsExactly("[12:00:01] * you were kicked from lobby by bob (bye)");
        assertThat(typed("hello?")).containsExactly("reply:[12:00:01] ! You are not in a room; join one: join ROOM");
    }

    @Test
    void ctcpActionShowsAsAnEmote() {
        IrcMessage action = IrcMessage.from("bob!b@h", "PRIVMSG", "#lobby", "\u0001ACTION waves\u0001");
        assertThat(s.render(action, NOW)).containsExactly("[12:00:01] [lobby] * bob waves");
    }

    @Test
    void namesWhoAndListAreAggregatedIntoOneLine() throws IrcParseException {
        assertThat(render(":srv 353 alice = #lobby :@alice bob")).isEmpty();
        assertThat(render(":srv 353 alice = #lobby :张三")).isEmpty();
        assertThat(render(":srv 366 alice #lobby :End")).containsExactly("[12:00:01] In lobby: @alice, bob, 张三");
        render(":srv 352 alice #lobby a h srv alice H :0 A");
        render(":srv 352 alice #lobby b h srv bob H :0 B");
        assertThat(render(":srv 315 alice * :End")).containsExactly("[12:00:01] Online (2): alice, bob");
        render(":srv 321 alice Channel :Users Name");
        render(":srv 322 alice #lobby 3 :welcome");
        render(":srv 322 alice #study 1 :");
        assertThat(render(":srv 323 alice :End")).containsExactly("[12:00:01] Rooms: lobby (3) - welcome, study (1)");
    }

    @Test
    void ownJoinSwitchesTheCurrentRoomAndOwnNickIsTracked() throws IrcParseException {
        render(":alice!a@h JOIN #study");
        assertThat(typed("hi")).containsExactly("PRIVMSG #study hi");
        assertThat(render(":alice!a@h NICK alicia")).containsExactly("[12:00:01] * you are now known as alicia");
        assertThat(render(":bob!b@h PRIVMSG alicia :yo")).containsExactly("[12:00:01] bob -> you: yo");
        render(":alicia!a@h PART #study");
        assertThat(typed("hi")).containsExactly("reply:[12:00:01] ! You are not in a room; join one: join ROOM");
    }

    @Test
    void chineseIsAvailableForFixedSentences() throws IrcParseException {
        assertThat(typed("lang zh")).containsExactly("reply:[12:00:01] ! 语言：简体中文");
        assertThat(render(":bob!b@h JOIN #lobby")).containsExactly("[12:00:01] * bob 加入了 lobby");
        assertThat(render(":srv 433 * bob :in use")).containsExactly("[12:00:01] ! 名字 bob 已被占用；请换一个：login 名字");
    }

    @Test
    void passwordChangesAreAnsweredInTheUsersLanguage() throws IrcParseException {
        assertThat(typed("password two words")).containsExactly("reply:[12:00:01] ! Usage: password NEW");
        String ns = ":NickServ!NickServ@services.srv NOTICE alice :";
        assertThat(render(ns + "Password changed"))
                .containsExactly("[12:00:01] * Your password is changed; log in with the new one next time");
        assertThat(render(ns + "Passwords must have at least 6 characters"))
                .containsExactly("[12:00:01] ! Passwords must have at least 6 characters");
        typed("lang zh");
        assertThat(render(ns + "Password changed")).containsExactly("[12:00:01] * 密码已修改；下次请用新密码登录");
        assertThat(render(ns + "You are not logged in")).containsExactly("[12:00:01] ! 只有账号的主人才能修改密码：请先 login 名字 密码");
        assertThat(render(ns + "Passwords must have at least 8 characters"))
                .containsExactly("[12:00:01] ! 密码至少需要 8 个字符");
        assertThat(render(ns + "Account created")).containsExactly("[12:00:01] NickServ -> 你: Account created");
    }

    @Test
    void pingsAndCapsRenderNothing() throws IrcParseException {
        assertThat(render("PING :srv")).isEmpty();
        assertThat(s.render(IrcMessage.of("CAP", "*", "ACK", "x"), NOW)).isEmpty();
    }
}
