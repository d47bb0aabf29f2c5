package chatroom.terminal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jspecify.annotations.Nullable;

/**
 * A person at a terminal: JLine reads the line with editing, history and tab completion, and incoming lines are printed
 * above the prompt ({@link LineReader#printAbove}) so that what is being typed stays intact. JLine measures wide (CJK)
 * characters as two columns, so the prompt and the line being typed stay aligned.
 */
final class JLineScreen implements Screen {
    private final Terminal terminal;
    private final LineReader reader;

    /**
     * @param completions what Tab offers: commands, nicks and rooms, read each time Tab is pressed
     * @param historyFile where typed lines are kept between sessions, or null to keep them in memory only
     */
    JLineScreen(Terminal terminal, Supplier<Iterable<String>> completions, @Nullable Path historyFile) {
        this.terminal = terminal;
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("chatroom")
                .completer((r, line, candidates) -> {
                    for (String word : completions.get()) {
                        candidates.add(new Candidate(word));
                    }
                })
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (historyFile != null) {
            b.variable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = b.build();
    }

    @Override
    public void show(AttributedString line) {
        reader.printAbove(line);
    }

    @Override
    public @Nullable String read(String prompt) throws IOException {
        try {
            return reader.readLine(new AttributedString(prompt, AttributedStyle.BOLD).toAnsi(terminal));
        } catch (EndOfFileException | UserInterruptException e) {
            return null; // Ctrl-D or Ctrl-C: leave
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            // the terminal is going away with the process
        }
    }
}
