package chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzing the IRC parser (docs/security.md, "Fuzzing"): every build replays the corpus in
 * {@code IrcParserFuzzTestInputs/anyLine} and fuzzes for a few seconds from it.
 */
class IrcParserFuzzTest {

    /**
     * The parser throws nothing but {@link IrcParseException}; what it returns is a well-formed message, and writing
     * it out and parsing that gives the same message back.
     */
    @FuzzTest(maxDuration = "10s")
    void anyLine(byte[] input) {
        String line = new String(input, StandardCharsets.UTF_8);
        IrcMessage m;
        try {
            m = IrcParser.parse(line);
        } catch (IrcParseException expected) {
            return;
        }
        assertThat(m.command())
                .isNotEmpty()
                .doesNotContain(" ")
                .doesNotStartWith("@")
                .doesNotStartWith(":");
        assertThat(m.tags().keySet()).allMatch(k -> !k.isEmpty() && k.indexOf(' ') < 0 && k.indexOf(';') < 0);
        if (m.source() != null) {
            assertThat(m.source()).isNotEmpty().doesNotContain(" ");
        }
        for (int i = 0; i + 1 < m.paramCount(); i++) {
            assertThat(m.param(i)).isNotEmpty().doesNotContain(" ").doesNotStartWith(":");
        }
        String written = IrcWriter.write(m);
        try {
            assertThat(IrcParser.parse(written))
                    .as("parse(write(m)) of %s", written)
                    .isEqualTo(m);
        } catch (IrcParseException e) {
            throw new AssertionError("the writer produced an unparsable line: " + written, e);
        }
    }
}
