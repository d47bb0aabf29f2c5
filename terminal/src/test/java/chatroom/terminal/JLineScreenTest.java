package chatroom.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JLine screen on a virtual terminal: keys in through a pipe, the screen's bytes out into a buffer. */
@Timeout(30)
class JLineScreenTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Terminal virtual(PipedInputStream keys, ByteArrayOutputStream screen) throws Exception {
        return TerminalBuilder.builder()
                .system(false)
                .streams(keys, screen)
                .type("xterm-256color")
                .encoding(StandardCharsets.UTF_8)
                .size(Size.of(80, 24))
                .build();
    }

    private static String text(ByteArrayOutputStream out) {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void until(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(end);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void aLineArrivingWhileTypingDoesNotBreakTheLineBeingTyped() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(typing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JLineScreen screen = new JLineScreen(virtual(keys, out), List::of, null)) {
            CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> {
                try {
                    return screen.read("#课堂> ");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            typing.write("你好 wor".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            until(() -> text(out).contains("wor"));
            screen.show(new AttributedString("[10:05] #课堂 小明: 大家好"));
            until(() -> text(out).contains("大家好"));
            // JLine redraws the line being typed on the reader's thread, a moment after the line above it
            until(() -> redrawnAfter(text(out), "大家好", "wor"));
            typing.write("ld\r".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            assertThat(typed.get(10, TimeUnit.SECONDS)).isEqualTo("你好 world");
            String shown = text(out);
            // the arrived line was printed, then what was typed so far redrawn after it (JLine may redraw in parts)
            int arrived = shown.indexOf("大家好");
            assertThat(shown.indexOf("wor", arrived)).isGreaterThan(arrived);
        }
    }

    private static boolean redrawnAfter(String shown, String arrived, String typed) {
        int at = shown.indexOf(arrived);
        return at >= 0 && shown.indexOf(typed, at) > at;
    }

    @Test
    void tabCompletesCommandsAndNames() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(typing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JLineScreen screen =
                new JLineScreen(virtual(keys, out), () -> List.of("/join", "/help", "#课堂", "小明"), null)) {
            CompletableFuture<String> typed = CompletableFuture.supplyAsync(() -> {
                try {
                    return screen.read("> ");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            typing.write("/jo\t#\t小\t\r".getBytes(StandardCharsets.UTF_8));
            typing.flush();
            assertThat(typed.get(10, TimeUnit.SECONDS)).isEqualTo("/join #课堂 小明 ");
        }
    }
}
