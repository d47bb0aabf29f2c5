package chatroom.client;

import chatroom.protocol.CaseMapping;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transcript per room and per whisper partner: a {@link ChatListener} that appends each line to
 * {@code <dir>/<conversation>.log} as {@code [yyyy-MM-dd HH:mm:ss] sender: text} (the tutorials' shape; a notice is
 * {@code -sender- text}, an action {@code * sender text}) and flushes it, so a crash of the client loses nothing already shown, then passes every event
 * on to {@code next}. Files are written on a thread of their own, in arrival order, never on the client's thread.
 */
public final class Transcripts implements ChatListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Transcripts.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT);

    private final Path dir;
    private final ChatListener next;
    private final ZoneId zone;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chatroom-transcripts");
        t.setDaemon(true);
        return t;
    });
    /** Open files by folded conversation; only the writer thread touches it. */
    private final Map<String, BufferedWriter> open = new HashMap<>();

    public Transcripts(Path dir, ZoneId zone, ChatListener next) {
        this.dir = dir;
        this.zone = zone;
        this.next = next;
    }

    /** Where transcripts go unless configured: {@code $XDG_DATA_HOME/chatroom/transcripts} or the home equivalent. */
    public static Path defaultDirectory() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("chatroom").resolve("transcripts");
    }

    /** The file a conversation is kept in: its folded name, with characters no file name may hold replaced. */
    public Path fileOf(String conversation) {
        String name = CaseMapping.fold(conversation).replaceAll("[/\\\\\\x00-\\x1f]", "_");
        return dir.resolve((name.startsWith(".") ? "_" + name : name) + ".log");
    }

    @Override
    public void message(ChatMessage m) {
        String line = "[" + TIME.format(m.time().atZone(zone)) + "] "
                + (m.action() ? "* " + m.sender() + " " : m.notice() ? "-" + m.sender() + "- " : m.sender() + ": ")
                + m.text();
        writer.execute(() -> append(m.conversation(), line));
        next.message(m);
    }

    private void append(String conversation, String line) {
        try {
            BufferedWriter w = open.get(CaseMapping.fold(conversation));
            if (w == null) {
                Files.createDirectories(dir);
                w = Files.newBufferedWriter(
                        fileOf(conversation),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                open.put(CaseMapping.fold(conversation), w);
            }
            w.write(line);
            w.newLine();
            w.flush();
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot write the transcript of {} in {}: {}", conversation, dir, e.getMessage());
        }
    }

    /** Writes what is queued and closes the files. */
    @Override
    public void close() {
        writer.execute(() -> {
            for (BufferedWriter w : open.values()) {
                try {
                    w.close();
                } catch (IOException e) {
                    log.warn("cannot close a transcript in {}: {}", dir, e.getMessage());
                }
            }
            open.clear();
        });
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("transcripts in {} still being written after 10 s", dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void connected(String nick) {
        next.connected(nick);
    }

    @Override
    public void joined(String room, String nick) {
        next.joined(room, nick);
    }

    @Override
    public void parted(String room, String nick, String reason) {
        next.parted(room, nick, reason);
    }

    @Override
    public void kicked(String room, String nick, String by, String reason) {
        next.kicked(room, nick, by, reason);
    }

    @Override
    public void quit(String nick, String reason) {
        next.quit(nick, reason);
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        next.nickChanged(oldNick, newNick);
    }

    @Override
    public void topic(String room, String topic, @Nullable String by) {
        next.topic(room, topic, by);
    }

    @Override
    public void members(String room, List<Member> members) {
        next.members(room, members);
    }

    @Override
    public void away(String nick, @Nullable String message) {
        next.away(nick, message);
    }

    /** Older lines asked for are not appended: the transcript keeps the order in which lines arrived. */
    @Override
    public void history(String conversation, List<ChatMessage> older) {
        next.history(conversation, older);
    }

    @Override
    public void error(String text) {
        next.error(text);
    }

    @Override
    public void disconnected(String reason, @Nullable Duration retryIn) {
        next.disconnected(reason, retryIn);
    }
}
