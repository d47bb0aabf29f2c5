package chatroom.terminal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One line the user typed, understood ({@link InputParser}). */
sealed interface Input {
    /** Say {@code text} in a room or whisper it to one nick. */
    record Say(String target, String text) implements Input {}

    /** Whisper {@code text} to each of several people. */
    record Whisper(List<String> nicks, String text) implements Input {}

    /** {@code /me}: an action in a room or to a nick. */
    record Act(String target, String text) implements Input {}

    record Join(String room) implements Input {}

    record Part(String room, String reason) implements Input {}

    /** Show the topic ({@code text} null) or set it. */
    record Topic(String room, @Nullable String text) implements Input {}

    record Who(String mask) implements Input {}

    record Users() implements Input {}

    record Rooms() implements Input {}

    record History(String conversation, int lines) implements Input {}

    /** Away with {@code text}, or back when null. */
    record Away(@Nullable String text) implements Input {}

    record Nick(String nick) implements Input {}

    record Quit(String reason) implements Input {}

    record Help() implements Input {}

    /** Nothing to do (an empty line). */
    record Nothing() implements Input {}

    /** Something to tell the user instead: a {@link Texts} key and its arguments. */
    record Problem(String key, List<String> args) implements Input {
        Problem(String key, String... args) {
            this(key, List.of(args));
        }
    }
}
