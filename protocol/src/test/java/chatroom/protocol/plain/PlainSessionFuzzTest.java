package chatroom.protocol.plain;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcParseException;
import chatroom.protocol.IrcParser;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzzing the plain-text translator (docs/security.md, "Fuzzing"). The input is a conversation, one line per LF: a
 * line starting with {@code <} is an IRC line from the server, rendered for the user; any other line is typed by the
 * user. The user starts logged in as alice in #lobby, so the fuzzer reaches every command from the first byte.
 */
class PlainSessionFuzzTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:01Z");

    @FuzzTest(maxDuration = "10s")
    void conversation(byte[] input) {
        PlainSession s = new PlainSession(ZoneOffset.UTC);
        s.onLine("login alice", NOW);
        s.render(IrcMessage.from("srv", "001", "alice", "Welcome"), NOW);
        s.render(IrcMessage.from("alice!alice@h", "JOIN", "#lobby"), NOW);
        for (String line : new String(input, StandardCharsets.UTF_8).split("\n", -1)) {
            if (line.startsWith("<")) {
                rendered(s, line.substring(1));
            } else {
                typed(s, line);
            }
        }
    }

    /** Whatever the server sends renders to lines a person reads, each starting with its time. */
    private static void rendered(PlainSession s, String ircLine) {
        IrcMessage m;
        try {
            m = IrcParser.parse(ircLine);
        } catch (IrcParseException e) {
            return;
        }
        assertThat(s.render(m, NOW)).allMatch(l -> l.startsWith("["));
    }

    /**
     * A typed line becomes IRC messages that an IRC client could have sent (no CR, LF or NUL; middle parameters are
     * single non-empty words), or a reply to the user; never an exception.
     */
    private static void typed(PlainSession s, String line) {
        for (PlainAction a : s.onLine(line, NOW)) {
            switch (a) {
                case PlainAction.Send send -> {
                    IrcMessage m = send.message();
                    assertThat(m.command()).matches("[A-Z]+");
                    for (int i = 0; i < m.paramCount(); i++) {
                        assertThat(m.param(i)).as("parameter %d of %s", i, m).doesNotContain("\r", "\n", "\0");
                        if (i + 1 < m.paramCount()) {
                            assertThat(m.param(i))
                                    .as("parameter %d of %s", i, m)
                                    .isNotEmpty()
                                    .doesNotContain(" ");
                        }
                    }
                }
                case PlainAction.Reply reply -> assertThat(reply.line()).doesNotContain("\r", "\n", "\0");
                case PlainAction.Close close -> assertThat(close.reason()).isNotBlank();
            }
        }
    }
}
