package chatroom.terminal;

import java.io.IOException;
import org.jline.utils.AttributedString;
import org.jspecify.annotations.Nullable;

/** Where the terminal client reads typed lines and shows lines: a JLine terminal, a pipe, or a test. */
interface Screen extends AutoCloseable {
    /** Shows a line without disturbing what the user is typing. Called from any thread. */
    void show(AttributedString line);

    /** Waits for the next typed line; null at the end of input. {@code prompt} names the current room. */
    @Nullable
    String read(String prompt) throws IOException;

    /** True when input is a person at a terminal, false for a pipe or a script. */
    boolean interactive();

    @Override
    void close();
}
