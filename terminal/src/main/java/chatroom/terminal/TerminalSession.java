package chatroom.terminal;

import chatroom.client.ChatClient;
import chatroom.client.ChatListener;
import chatroom.client.ClientConfig;
import chatroom.client.Transcripts;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * A running terminal client: the UI, its transcripts and its connection. {@link #startPlain} runs it on any reader and
 * writer exactly as in a pipe (each line as typed, each shown line written plainly), for scripts and tests.
 */
public final class TerminalSession {
    private final TerminalClient ui;
    private final @Nullable Transcripts transcripts;

    private TerminalSession(TerminalClient ui, @Nullable Transcripts transcripts) {
        this.ui = ui;
        this.transcripts = transcripts;
    }

    static TerminalSession start(
            ClientConfig config,
            Screen screen,
            Known known,
            Texts texts,
            @Nullable Path transcriptDir,
            ZoneId zone,
            Duration syncTimeout)
            throws SSLException {
        Lines lines = new Lines(texts, zone);
        TerminalClient ui = new TerminalClient(screen, texts, lines, known, syncTimeout);
        Transcripts transcripts = transcriptDir == null ? null : new Transcripts(transcriptDir, zone, ui);
        ChatListener listener = transcripts != null ? transcripts : ui;
        screen.show(lines.status("connecting", config.host() + ":" + config.port(), config.nick()));
        if (transcriptDir != null) {
            screen.show(lines.status("transcripts", transcriptDir));
        }
        ui.start(ChatClient.connect(config, listener));
        return new TerminalSession(ui, transcripts);
    }

    /**
     * Runs the client on {@code in} and {@code out} as in a pipe, with texts in {@code config}'s language and
     * transcripts in {@code transcriptDir} (none when null). The end of {@code in} quits once the server has confirmed
     * every line, or after {@code syncTimeout}.
     */
    public static TerminalSession startPlain(
            ClientConfig config, Reader in, Writer out, @Nullable Path transcriptDir, ZoneId zone, Duration syncTimeout)
            throws SSLException {
        Screen screen = new PlainScreen(new BufferedReader(in), new PrintWriter(out, true));
        Texts texts = new Texts(Texts.localeFor(config.locale().getLanguage()));
        return start(config, screen, new Known(), texts, transcriptDir, zone, syncTimeout);
    }

    /** Waits until the user quits or the client gives up, writes the transcripts out, and returns the exit code. */
    public int awaitExit() {
        int code = ui.awaitExit();
        if (transcripts != null) {
            transcripts.close();
        }
        return code;
    }
}
