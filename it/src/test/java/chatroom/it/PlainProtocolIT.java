package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The telnet protocol end to end, and telnet and IRC users sharing rooms (DESIGN.md seed features). */
@Timeout(30)
class PlainProtocolIT {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawClient login(String name) {
        RawClient c = RawClient.connect(server.plain());
        c.expect("login NAME");
        c.send("login " + name);
        c.expect("Welcome, " + name + "!");
        c.expect("* you joined lobby");
        return c;
    }

    @Test
    void greetingThenLoginPutsYouInTheLobby() {
        try (RawClient c = RawClient.connect(server.plain())) {
            assertThat(c.expect("login NAME")).matches("\\[\\d\\d:\\d\\d:\\d\\d] \\* Welcome to chatroom.*");
            c.send("login pl_alice");
            c.expect("Welcome, pl_alice!");
            assertThat(c.expect("In lobby:")).contains("pl_alice");
        }
    }

    @Test
    void linesSentWithTheLoginAreNotLost() {
        try (RawClient irc = server.register("pl_listener");
                RawClient script = RawClient.connect(server.plain())) {
            irc.send("JOIN #lobby").expect(" 366 ");
            // a script sends everything at once, before the server has answered the login
            script.send("login pl_script\r\nsay first 第一行\r\nsay second line");
            assertThat(irc.expect("first")).endsWith("PRIVMSG #lobby :first 第一行");
            assertThat(irc.expect("second")).endsWith("PRIVMSG #lobby :second line");
        }
    }

    @Test
    void emptyAndTakenNamesAreRefusedWithOneClearLine() {
        try (RawClient first = login("pl_taken");
                RawClient second = RawClient.connect(server.plain())) {
            second.expect("login NAME");
            second.send("login");
            assertThat(second.expect("!")).endsWith("! Please give a name: login NAME");
            second.send("login PL_TAKEN");
            assertThat(second.expect("!")).endsWith("! The name PL_TAKEN is taken; choose another: login NAME");
            second.send("login pl_other");
            second.expect("Welcome, pl_other!");
        }
    }

    @Test
    void telnetAndIrcUsersShareARoomInBothDirections() {
        try (RawClient telnet = login("pl_张三");
                RawClient irc = server.register("pl_bob")) {
            irc.send("JOIN #lobby").expect(" 366 ");
            telnet.expect("* pl_bob joined lobby");
            telnet.send("大家好 hello");
            assertThat(irc.expect("PRIVMSG #lobby")).endsWith("PRIVMSG #lobby :大家好 hello");
            assertThat(telnet.expect("大家好")).matches("\\[\\d\\d:\\d\\d:\\d\\d] \\[lobby] pl_张三: 大家好 hello");
            irc.send("PRIVMSG #lobby :hi from irc");
            assertThat(telnet.expect("hi from irc")).endsWith("[lobby] pl_bob: hi from irc");
        }
    }

    @Test
    void whispersToOneAndToSeveralReachOnlyThem() {
        try (RawClient alice = login("pl_wa");
                RawClient bob = login("pl_wb");
                RawClient carol = server.register("pl_wc");
                RawClient dave = login("pl_wd")) {
            alice.send("@pl_wb just you");
            assertThat(bob.expect("just you")).endsWith("pl_wa -> you: just you");
            assertThat(alice.expect("just you")).endsWith("you -> pl_wb: just you");
            alice.send("send message pl_wb,pl_wc both of you");
            bob.expect("both of you");
            assertThat(carol.expect("both of you")).endsWith("PRIVMSG pl_wc :both of you");
            dave.send("look");
            assertThat(dave.expect("In lobby:")).doesNotContain("just you");
            dave.send("logout");
            assertThat(dave.readUntilClosed()).noneMatch(l -> l.contains("just you") || l.contains("both of you"));
        }
    }

    @Test
    void listUsersListRoomsCreateRoomJoinLeave() {
        try (RawClient alice = login("pl_la");
                RawClient bob = login("pl_lb")) {
            alice.send("create room pl_study pl_lb");
            alice.expect("* you joined pl_study");
            assertThat(bob.expect("joined pl_study")).endsWith("* you joined pl_study");
            bob.send("say hello study");
            assertThat(alice.expect("hello study")).endsWith("[pl_study] pl_lb: hello study");
            alice.send("list rooms");
            assertThat(alice.expect("Rooms:")).contains("lobby (", "pl_study (2)");
            alice.send("list users");
            assertThat(alice.expect("Online (")).contains("pl_la", "pl_lb");
            bob.send("leave pl_study");
            assertThat(alice.expect("left pl_study")).endsWith("* pl_lb left pl_study");
            bob.send("join pl_study");
            assertThat(bob.expect("In pl_study:")).contains("@pl_la", "pl_lb");
            bob.send("send lobby back in the lobby");
            assertThat(alice.expect("back in the lobby")).endsWith("[lobby] pl_lb: back in the lobby");
        }
    }

    @Test
    void joinAndLeaveNoticesCarryTheTime() {
        try (RawClient alice = login("pl_ja")) {
            try (RawClient bob = login("pl_jb")) {
                assertThat(alice.expect("pl_jb joined")).matches("\\[\\d\\d:\\d\\d:\\d\\d] \\* pl_jb joined lobby");
                bob.send("logout");
                bob.readUntilClosed();
            }
            assertThat(alice.expect("pl_jb quit"))
                    .matches("\\[\\d\\d:\\d\\d:\\d\\d] \\* pl_jb quit \\(Quit: logout\\)");
        }
    }

    @Test
    void anIrcOperatorKicksATelnetUserAndRenamesAreSeenAcrossProtocols() {
        try (RawClient op = server.register("pl_op");
                RawClient telnet = login("pl_kicked")) {
            op.send("JOIN #pl_kick").expect(" 366 ");
            telnet.send("join pl_kick");
            telnet.expect("* you joined pl_kick");
            op.expect("JOIN #pl_kick");
            telnet.send("nick pl_renamed");
            assertThat(telnet.expect("known as")).endsWith("* you are now known as pl_renamed");
            assertThat(op.expect("NICK")).endsWith("NICK pl_renamed");
            op.send("KICK #pl_kick pl_renamed :enough");
            assertThat(telnet.expect("kicked")).endsWith("* you were kicked from pl_kick by pl_op (enough)");
        }
    }

    @Test
    void anHttpRequestOnThePlainPortIsRefusedAndClosed() {
        try (RawClient c = RawClient.connect(server.plain())) {
            c.send("GET / HTTP/1.1").send("Host: localhost").send("");
            assertThat(c.readUntilClosed()).anyMatch(l -> l.contains("not an HTTP server"));
        }
    }

    @Test
    void telnetNegotiationBytesAreIgnored() {
        try (RawClient c = RawClient.connect(server.plain())) {
            c.expect("login NAME");
            // IAC DO ECHO, IAC WILL SUPPRESS-GO-AHEAD, then the login line
            c.sendBytes(new byte[] {(byte) 255, (byte) 253, 1, (byte) 255, (byte) 251, 3});
            c.send("login pl_iac");
            c.expect("Welcome, pl_iac!");
        }
    }

    @Test
    void aChineseLineANonBinaryTelnetClientMangledArrivesAndItsOutputKeepsComing() throws IOException {
        try (RawClient irc = server.register("pl_tnwatch");
                TelnetBytes telnet = new TelnetBytes(server.plain())) {
            irc.send("JOIN #lobby").expect(" 366 ");
            telnet.readUntil("login NAME");
            telnet.send("login pl_tn\r\n".getBytes(StandardCharsets.UTF_8));
            telnet.readUntil("* you joined lobby");
            // captured between GNU inetutils telnet 2.4 and the server: 我的世界在这里 and Return, where the client took
            // the 9A of 的 for ^Z (IAC SUSP) and the 9C of 在 for ^\ (IAC BRK), each followed by IAC DO TIMING-MARK
            // after which it shows nothing the server sends until the server answers that DO
            telnet.send(HexFormat.of().parseHex("e68891e7ffedfffd0684e4b896e7958ce5fff3fffd06a8e8bf99e9878c0d0a"));
            assertThat(irc.expect("PRIVMSG #lobby")).endsWith("PRIVMSG #lobby 我的世界在这里");
            String seen = HexFormat.of().formatHex(telnet.readUntil("pl_tn: 我的世界在这里"));
            // IAC DO BINARY once, IAC WILL TIMING-MARK for each DO TIMING-MARK
            assertThat(seen.split("fffd00", -1)).hasSize(2);
            assertThat(seen.split("fffb06", -1)).hasSize(3);
            // the client agrees to BINARY (IAC WILL BINARY) and from then on sends bytes as typed, lines ending in LF
            telnet.send(HexFormat.of().parseHex("fffb00"));
            telnet.send("全的丝\n".getBytes(StandardCharsets.UTF_8));
            assertThat(irc.expect("PRIVMSG #lobby")).endsWith("PRIVMSG #lobby 全的丝");
        }
    }

    /** A plain-port connection read as bytes: the telnet answers are not text. */
    private static final class TelnetBytes implements AutoCloseable {
        private final Socket socket = new Socket();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();

        TelnetBytes(InetSocketAddress address) throws IOException {
            socket.connect(address, 5_000);
            socket.setSoTimeout(10_000); // a read that waits longer fails the test
        }

        void send(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        /** Reads until the bytes received so far contain {@code text}; returns them all. */
        byte[] readUntil(String text) throws IOException {
            String needle = HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
            byte[] buf = new byte[4096];
            while (!HexFormat.of().formatHex(received.toByteArray()).contains(needle)) {
                int n = socket.getInputStream().read(buf);
                if (n < 0) {
                    throw new AssertionError("closed; received " + received.toString(StandardCharsets.UTF_8));
                }
                received.write(buf, 0, n);
            }
            return received.toByteArray();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
