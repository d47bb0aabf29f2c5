package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.history.Conversation;
import chatroom.core.history.HistoryEvent;
import chatroom.store.DatabaseUrl;
import chatroom.store.JdbcHistoryStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void history() {
        try (var store = JdbcHistoryStore.open(DatabaseUrl.parse(null, dir))) {
            Conversation lobby = Conversation.room("#lobby");
            Conversation pair = Conversation.whisper("bob", "小明");
            store.append(List.of(
                    event(1, lobby, 0, "小明", ":小明!u@h JOIN #lobby"),
                    event(2, lobby, 1, "小明", ":小明!u@h PRIVMSG #lobby :大家好"),
                    event(3, pair, 2, "bob", ":bob!u@h PRIVMSG 小明 :hi \"there\""),
                    event(4, Conversation.room("#other"), 3600, "bob", ":bob!u@h PRIVMSG #other :later")));
        }
    }

    private static HistoryEvent event(long seq, Conversation c, long second, String sender, String line) {
        return new HistoryEvent(
                seq,
                c.key(),
                "m" + seq,
                T0.plusSeconds(second),
                line.split(" ")[1],
                sender,
                c.peerA(),
                c.peerB(),
                line);
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new java.util.ArrayList<>(List.of("export", "--data-dir", dir.toString(), "--zone", "UTC"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void aRoomPrintsAsTimeSenderTextLines() {
        assertThat(run("--room", "lobby")).isZero();
        assertThat(out.toString().lines())
                .containsExactly("2026-11-23 08:00:00  #lobby  * 小明 joined", "2026-11-23 08:00:01  #lobby  小明: 大家好");
    }

    @Test
    void aPersonsWhispersAndASinceBound() {
        assertThat(run("--user", "小明")).isZero();
        assertThat(out.toString().lines()).containsExactly("2026-11-23 08:00:02  bob -> 小明: hi \"there\"");
        out.getBuffer().setLength(0);
        assertThat(run("--since", "2026-11-23T08:30:00Z")).isZero();
        assertThat(out.toString().lines()).containsExactly("2026-11-23 09:00:00  #other  bob: later");
    }

    @Test
    void jsonLinesAreValidAndEscaped() {
        assertThat(run("--format", "json", "--user", "bob")).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("{\"seq\":3,\"time\":\"2026-11-23T08:00:02Z\",\"msgid\":\"m3\",\"type\":\"PRIVMSG\","
                        + "\"from\":\"bob\",\"to\":\"小明\",\"text\":\"hi \\\"there\\\"\"}");
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertThat(run("--since", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--since wants a date");
        assertThat(run("--room", "a", "--user", "b")).isEqualTo(2);
        assertThat(ExportCommand.parseSince("P1D", ZoneOffset.UTC, T0)).isEqualTo(T0.minusSeconds(86_400));
    }
}
