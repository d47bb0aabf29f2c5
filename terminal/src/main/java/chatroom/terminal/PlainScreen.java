package chatroom.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import org.jline.utils.AttributedString;
import org.jspecify.annotations.Nullable;

/** Pipes and scripts: each input line as typed, each shown line plainly (no colors, no prompt) on its own line. */
final class PlainScreen implements Screen {
    private final BufferedReader in;
    private final PrintWriter out;

    PlainScreen(BufferedReader in, PrintWriter out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public synchronized void show(AttributedString line) {
        out.println(line.toString());
        out.flush();
    }

    @Override
    public @Nullable String read(String prompt) throws IOException {
        return in.readLine();
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void close() {
        out.flush();
    }
}
