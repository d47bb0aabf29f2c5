package chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IrcWriterTest {
    private static final IrcMessage TAGGED = new IrcMessage(
            Map.of("time", "2026-12-02T10:15:30.000Z", "msgid", "ab1", "+draft/reply", "x;y z", "bot", ""),
            "alice!a@h",
            "PRIVMSG",
            List.of("#room", "hello there"));

    private static String tags(java.util.function.Predicate<String> keep) {
        StringBuilder sb = new StringBuilder();
        IrcWriter.appendTags(TAGGED, keep, sb);
        return sb.toString();
    }

    @Test
    void writesTagsInKeyOrderWithEscapedValues() {
        assertThat(IrcWriter.write(TAGGED))
                .isEqualTo("@+draft/reply=x\\:y\\sz;bot;msgid=ab1;time=2026-12-02T10:15:30.000Z "
                        + ":alice!a@h PRIVMSG #room :hello there");
    }

    @Test
    void keepsOnlyTheTagsAsked() {
        assertThat(IrcWriter.write(TAGGED, key -> !key.equals("time") && !key.equals("msgid")))
                .isEqualTo("@+draft/reply=x\\:y\\sz;bot :alice!a@h PRIVMSG #room :hello there");
        assertThat(tags(key -> key.equals("time"))).isEqualTo("@time=2026-12-02T10:15:30.000Z ");
        assertThat(tags(key -> key.equals("label"))).isEmpty();
        assertThat(IrcWriter.write(TAGGED, false)).isEqualTo(":alice!a@h PRIVMSG #room :hello there");
    }
}
