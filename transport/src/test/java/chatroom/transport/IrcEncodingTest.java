package chatroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IrcEncodingTest {
    private static String encode(IrcMessage m, int variant) {
        return new String(IrcEncoding.encode(m, variant), StandardCharsets.UTF_8);
    }

    private static final IrcMessage TAGGED = new IrcMessage(
            Map.of("time", "2026-11-23T12:00:00.000Z", "msgid", "x1", "+typing", "active"),
            "a!u@h",
            "PRIVMSG",
            List.of("#r", "hi there"));

    @Test
    void eachVariantShowsOnlyTheTagsItNegotiated() {
        assertThat(encode(TAGGED, 0)).isEqualTo(":a!u@h PRIVMSG #r :hi there\r\n");
        assertThat(encode(TAGGED, 1)).isEqualTo("@time=2026-11-23T12:00:00.000Z :a!u@h PRIVMSG #r :hi there\r\n");
        assertThat(encode(TAGGED, 2))
                .isEqualTo("@+typing=active;msgid=x1;time=2026-11-23T12:00:00.000Z :a!u@h PRIVMSG #r :hi there\r\n");
    }

    @Test
    void overlongLinesAreCutAtACharacterBoundaryTo512Bytes() {
        IrcMessage m = IrcMessage.from("someone!user@host", "PRIVMSG", "#r", "字".repeat(300));
        String line = encode(m, 0);
        assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
        assertThat(line).endsWith("字\r\n").doesNotContain("\uFFFD");
    }

    @Test
    void aCutTextKeepsTheSameLengthWhetherOrNotItNeedsTheColon() {
        String noSpace = encode(IrcMessage.from("someone!user@host", "PRIVMSG", "#r", "x".repeat(600)), 0);
        String withSpace = encode(IrcMessage.from("someone!user@host", "PRIVMSG", "#r", " " + "x".repeat(599)), 0);
        assertThat(noSpace).startsWith(":someone!user@host PRIVMSG #r x");
        assertThat(withSpace).startsWith(":someone!user@host PRIVMSG #r : x");
        assertThat(withSpace.getBytes(StandardCharsets.UTF_8)).hasSize(512);
        assertThat(noSpace.getBytes(StandardCharsets.UTF_8)).hasSize(511);
    }
}
