package chatroom.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputParserTest {
    @Test
    void plainTextGoesToTheCurrentRoomOrIsRefusedWithoutOne() {
        assertThat(InputParser.parse("大家好 hello", "#课堂")).isEqualTo(new Input.Say("#课堂", "大家好 hello"));
        assertThat(InputParser.parse("hello", null)).isEqualTo(new Input.Problem("noRoom"));
        assertThat(InputParser.parse("   ", "#a")).isEqualTo(new Input.Nothing());
        assertThat(InputParser.parse("//not a command", "#a")).isEqualTo(new Input.Say("#a", "/not a command"));
        // one name and a colon is addressing someone in the room, not a whisper
        assertThat(InputParser.parse("bob: see this", "#a")).isEqualTo(new Input.Say("#a", "bob: see this"));
    }

    @Test
    void whispersToOneOrSeveral() {
        assertThat(InputParser.parse("@bob hi there", "#a")).isEqualTo(new Input.Say("bob", "hi there"));
        assertThat(InputParser.parse("@小明 你好", null)).isEqualTo(new Input.Say("小明", "你好"));
        assertThat(InputParser.parse("alice,bob: 悄悄话 secret", "#a"))
                .isEqualTo(new Input.Whisper(List.of("alice", "bob"), "悄悄话 secret"));
        assertThat(InputParser.parse("@alice,小明 hi", "#a")).isEqualTo(new Input.Whisper(List.of("alice", "小明"), "hi"));
        assertThat(InputParser.parse("/msg bob 在吗", "#a")).isEqualTo(new Input.Say("bob", "在吗"));
        assertThat(InputParser.parse("/msg #other hi all", "#a")).isEqualTo(new Input.Say("#other", "hi all"));
        assertThat(InputParser.parse("@bob", "#a")).isEqualTo(new Input.Problem("usage", "@nick text"));
    }

    @Test
    void commands() {
        assertThat(InputParser.parse("/join 课堂", null)).isEqualTo(new Input.Join("#课堂"));
        assertThat(InputParser.parse("/JOIN #a", null)).isEqualTo(new Input.Join("#a"));
        assertThat(InputParser.parse("/part", "#a")).isEqualTo(new Input.Part("#a", ""));
        assertThat(InputParser.parse("/part #b bye all", "#a")).isEqualTo(new Input.Part("#b", "bye all"));
        assertThat(InputParser.parse("/part see you", "#a")).isEqualTo(new Input.Part("#a", "see you"));
        assertThat(InputParser.parse("/me 挥手 waves", "#a")).isEqualTo(new Input.Act("#a", "挥手 waves"));
        assertThat(InputParser.parse("/topic", "#a")).isEqualTo(new Input.Topic("#a", null));
        assertThat(InputParser.parse("/topic new topic", "#a")).isEqualTo(new Input.Topic("#a", "new topic"));
        assertThat(InputParser.parse("/topic #b x y", "#a")).isEqualTo(new Input.Topic("#b", "x y"));
        assertThat(InputParser.parse("/who", "#a")).isEqualTo(new Input.Who("#a"));
        assertThat(InputParser.parse("/who bob", "#a")).isEqualTo(new Input.Who("bob"));
        assertThat(InputParser.parse("/users", null)).isEqualTo(new Input.Users());
        assertThat(InputParser.parse("/rooms", null)).isEqualTo(new Input.Rooms());
        assertThat(InputParser.parse("/history", "#a")).isEqualTo(new Input.History("#a", 20));
        assertThat(InputParser.parse("/history 50", "#a")).isEqualTo(new Input.History("#a", 50));
        assertThat(InputParser.parse("/history bob 5", "#a")).isEqualTo(new Input.History("bob", 5));
        assertThat(InputParser.parse("/away 午饭", null)).isEqualTo(new Input.Away("午饭"));
        assertThat(InputParser.parse("/away", null)).isEqualTo(new Input.Away(null));
        assertThat(InputParser.parse("/nick 小红", null)).isEqualTo(new Input.Nick("小红"));
        assertThat(InputParser.parse("/quit good night", null)).isEqualTo(new Input.Quit("good night"));
        assertThat(InputParser.parse("/help", null)).isEqualTo(new Input.Help());
    }

    @Test
    void mistakesGetASentenceKey() {
        assertThat(InputParser.parse("/frobnicate", "#a"))
                .isEqualTo(new Input.Problem("unknownCommand", "/frobnicate"));
        assertThat(InputParser.parse("/join", "#a")).isEqualTo(new Input.Problem("usage", "/join #room"));
        assertThat(InputParser.parse("/msg bob", "#a")).isEqualTo(new Input.Problem("usage", "/msg NICK|#room text"));
        assertThat(InputParser.parse("/me waves", null)).isEqualTo(new Input.Problem("noRoom"));
        assertThat(InputParser.parse("/nick", null)).isEqualTo(new Input.Problem("usage", "/nick NAME"));
    }
}
