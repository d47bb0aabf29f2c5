package chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IrcParserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PING|PING|",
                "privmsg #a :hello world|PRIVMSG|#a,hello world",
                ":nick!u@h PRIVMSG #a :hi|PRIVMSG|#a,hi",
                "NICK   bob|NICK|bob",
                "USER u 0 * :Real Name|USER|u,0,*,Real Name",
                "TOPIC #a :|TOPIC|#a,",
                "MODE #a +o  bob|MODE|#a,+o,bob",
                "JOIN #a :|JOIN|#a,",
            })
    void parsesCommandAndParams(String line, String command, String params) throws IrcParseException {
        IrcMessage m = IrcParser.parse(line);
        assertThat(m.command()).isEqualTo(command);
        List<String> expected = params == null ? List.of() : List.of(params.split(",", -1));
        assertThat(m.params()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''", "' '", ":src", "@a=b", "@a=b :src", "'@ @cmd x'", "':s :cmd'"})
    void rejectsLinesWithoutCommand(String line) {
        assertThatThrownBy(() -> IrcParser.parse(line)).isInstanceOf(IrcParseException.class);
    }

    @org.junit.jupiter.api.Test
    void parsesAndUnescapesTags() throws IrcParseException {
        IrcMessage m = IrcParser.parse("@label=a\\sb\\:c;+draft/x;time=t :s PRIVMSG #x :y");
        assertThat(m.tags()).isEqualTo(Map.of("label", "a b;c", "+draft/x", "", "time", "t"));
        assertThat(m.source()).isEqualTo("s");
    }

    @org.junit.jupiter.api.Test
    void tagsWithoutANameAreDropped() throws IrcParseException {
        assertThat(IrcParser.parse("@=x;;=;a= PING").tags()).isEqualTo(Map.of("a", ""));
    }

    @org.junit.jupiter.api.Test
    void writerUsesTrailingOnlyWhenNeeded() {
        assertThat(IrcWriter.write(IrcMessage.from("srv", "001", "bob", "Welcome here")))
                .isEqualTo(":srv 001 bob :Welcome here");
        assertThat(IrcWriter.write(IrcMessage.of("JOIN", "#a"))).isEqualTo("JOIN #a");
        assertThat(IrcWriter.write(IrcMessage.of("TOPIC", "#a", ""))).isEqualTo("TOPIC #a :");
        assertThat(IrcWriter.write(IrcMessage.of("PRIVMSG", "#a", ":)"))).isEqualTo("PRIVMSG #a ::)");
    }

    @Property
    void parserNeverThrowsAnythingButParseException(@ForAll String line) {
        try {
            IrcParser.parse(line);
        } catch (IrcParseException expected) {
            // declared; anything else fails the property
        }
    }

    @Property
    void writeThenParseIsIdentity(@ForAll("messages") IrcMessage m) throws IrcParseException {
        assertThat(IrcParser.parse(IrcWriter.write(m))).isEqualTo(m);
    }

    @Provide
    Arbitrary<IrcMessage> messages() {
        Arbitrary<String> word = Arbitraries.strings()
                .withCharRange('!', '~')
                .ofMinLength(1)
                .ofMaxLength(10)
                .filter(s -> !s.startsWith(":"));
        Arbitrary<String> command =
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> trailing = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('张', '三')
                .ofMaxLength(20);
        Arbitrary<String> tagValue =
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8);
        Arbitrary<Map<String, String>> tags = Arbitraries.maps(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(5),
                        tagValue)
                .ofMaxSize(3);
        return Combinators.combine(
                        tags, word.injectNull(0.5), command, word.list().ofMaxSize(4), trailing)
                .as((t, src, cmd, middle, last) -> {
                    List<String> params = new java.util.ArrayList<>(middle);
                    params.add(last);
                    return new IrcMessage(t, src, cmd, params);
                });
    }
}
