package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.client.ClientConfig;
import chatroom.terminal.TerminalSession;
import chatroom.testkit.RawClient;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two terminal clients, driven through their input and output streams, against the real server: they chat in a room
 * and whisper in Chinese and English; the server stops and comes back on the same port with the same SQLite file;
 * what a third person said meanwhile is shown exactly once, and the transcripts on disk hold every line.
 */
@Timeout(180)
class TerminalIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    /** One terminal client: lines typed into a pipe, what it shows collected as text. */
    private static final class Term implements AutoCloseable {
        private final PipedWriter typing = new PipedWriter();
        private final StringWriter shown = new StringWriter(); // a StringBuffer inside: safe across threads
        private final TerminalSession session;
        final Path transcripts;

        Term(String nick, int port, Locale locale, Path transcripts) throws IOException {
            this.transcripts = transcripts;
            ClientConfig config = ClientConfig.of("127.0.0.1", port, nick).withLocale(locale);
            session = TerminalSession.startPlain(
                    config,
                    new PipedReader(typing, 1 << 16),
                    shown,
                    transcripts,
                    ZoneId.systemDefault(),
                    Duration.ofSeconds(20));
        }

        void type(String line) throws IOException {
            typing.write(line + "\n");
            typing.flush();
        }

        List<String> lines() {
            return shown.toString().lines().toList();
        }

        long count(String text) {
            return lines().stream().filter(l -> l.contains(text)).count();
        }

        boolean shows(String text) {
            return count(text) > 0;
        }

        /** End of input: the client quits once the server has confirmed every line. */
        int end() throws IOException {
            typing.close();
            return session.awaitExit();
        }

        @Override
        public void close() throws IOException {
            typing.close();
        }
    }

    private static List<String> transcript(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> l.substring(l.indexOf("] ") + 2)) // without the time
                .toList();
    }

    @Test
    void chatWhisperSurviveARestartAndKeepTranscripts() throws Exception {
        String room = "#课堂";
        TestServer first = TestServer.startIn(dataDir, null);
        int port = first.irc().getPort();
        try (Term alice = new Term("alice", port, Locale.ENGLISH, logs.resolve("alice"));
                Term xm = new Term("小明", port, Locale.SIMPLIFIED_CHINESE, logs.resolve("xm"))) {
            alice.type("/join 课堂");
            await().atMost(WAIT).until(() -> alice.shows("You are now talking in #课堂"));
            xm.type("/join #课堂");
            await().atMost(WAIT).until(() -> alice.shows("小明 joined #课堂"));
            assertThat(xm.lines()).anyMatch(l -> l.contains("你现在在 #课堂 说话"));

            alice.type("大家好, hello everyone");
            await().atMost(WAIT).until(() -> xm.shows("#课堂 alice: 大家好, hello everyone"));
            xm.type("@alice 悄悄话: a whisper for you");
            await().atMost(WAIT).until(() -> alice.shows("(whisper) 小明: 悄悄话: a whisper for you"));
            assertThat(xm.lines()).anyMatch(l -> l.endsWith("（对 alice 的悄悄话） 小明: 悄悄话: a whisper for you"));
            alice.type("@小明 secret reply 秘密");
            alice.type("/me 挥手 waves");
            await().atMost(WAIT).until(() -> xm.shows("（悄悄话） alice: secret reply 秘密"));
            await().atMost(WAIT).until(() -> xm.shows("#课堂 * alice 挥手 waves"));

            first.close();
            // each has failed to reconnect once, so the next try is a while away
            await().atMost(WAIT).until(() -> alice.count("Reconnecting in") >= 2 && xm.count("秒后重新连接") >= 2);
            assertThat(alice.lines()).anyMatch(l -> l.equals("Disconnected from the server: test over"));
            alice.type("typed while away 离线时输入");

            try (TestServer second = TestServer.startIn(dataDir, null, c -> c, port);
                    RawClient carol = second.register("carol")) {
                carol.send("JOIN " + room).expect(" 366 ");
                carol.send("PRIVMSG " + room + " :missed 1 错过");
                carol.send("PRIVMSG " + room + " :missed 2 錯過");
                carol.send("PING sync").expect("PONG");

                await().atMost(WAIT).until(() -> xm.shows("#课堂 carol: missed 2 錯過") && alice.shows("carol: missed 2"));
                await().atMost(WAIT).until(() -> xm.shows("#课堂 alice: typed while away 离线时输入"));
                alice.type("after 之后");
                await().atMost(WAIT).until(() -> xm.shows("#课堂 alice: after 之后"));
                for (Term t : List.of(alice, xm)) {
                    assertThat(t.count("carol: missed 1 错过")).isEqualTo(1);
                    assertThat(t.count("carol: missed 2 錯過")).isEqualTo(1);
                    assertThat(t.count("alice: 大家好, hello everyone")).isEqualTo(1);
                    assertThat(t.count("alice: typed while away 离线时输入")).isEqualTo(1);
                }
                assertThat(alice.end()).isZero();
                assertThat(xm.end()).isZero();
            }
        }

        List<String> roomLines = List.of(
                "alice: 大家好, hello everyone",
                "* alice 挥手 waves",
                "carol: missed 1 错过",
                "carol: missed 2 錯過",
                "alice: typed while away 离线时输入",
                "alice: after 之后");
        for (String who : List.of("alice", "xm")) {
            // alice's queued line and carol's lines race after the restart: every line once, in either order there
            List<String> kept = transcript(logs.resolve(who).resolve("#课堂.log"));
            assertThat(kept).containsExactlyInAnyOrderElementsOf(roomLines);
            assertThat(kept.subList(0, 2)).containsExactlyElementsOf(roomLines.subList(0, 2));
            assertThat(kept.getLast()).isEqualTo("alice: after 之后");
        }
        List<String> whispers = List.of("小明: 悄悄话: a whisper for you", "alice: secret reply 秘密");
        assertThat(transcript(logs.resolve("alice").resolve("小明.log"))).containsExactlyElementsOf(whispers);
        assertThat(transcript(logs.resolve("xm").resolve("alice.log"))).containsExactlyElementsOf(whispers);
    }

    @Test
    void problemsAreSentencesNotStackTraces() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (Term nowhere = new Term("alice", closed, Locale.SIMPLIFIED_CHINESE, logs.resolve("n"))) {
            await().atMost(WAIT).until(() -> nowhere.shows("秒后重新连接"));
            assertThat(nowhere.lines()).anyMatch(l -> l.startsWith("无法连接服务器 127.0.0.1:" + closed));
            nowhere.type("/quit");
            assertThat(nowhere.session.awaitExit()).isZero();
            assertThat(nowhere.lines()).noneMatch(l -> l.contains("Exception") || l.contains("\tat "));
        }
        try (TestServer server = TestServer.start();
                Term one = new Term("dup", server.irc().getPort(), Locale.ENGLISH, logs.resolve("1"));
                Term two = new Term("dup", server.irc().getPort(), Locale.ENGLISH, logs.resolve("2"))) {
            await().atMost(WAIT).until(() -> one.shows("Connected as dup") || two.shows("Connected as dup"));
            Term second = one.shows("Connected as dup.") ? two : one;
            await().atMost(WAIT).until(() -> second.shows("The name dup is taken; trying dup_."));
            await().atMost(WAIT).until(() -> second.shows("Connected as dup_."));
            second.type("hello");
            await().atMost(WAIT).until(() -> second.shows("You are in no room: /join #room first"));
            second.type("/frob");
            await().atMost(WAIT).until(() -> second.shows("Unknown command /frob; /help lists the commands."));
        }
    }
}
