package chatroom.desktop;

import static org.awaitility.Awaitility.await;

import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/** Drives Swing from a test thread: everything that touches a component runs on the EDT and is waited for. */
final class Gui {
    static final Duration WAIT = Duration.ofSeconds(20);

    private Gui() {}

    static <T> T onEdt(Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(task.call());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        return result.get();
    }

    static void run(Runnable task) {
        onEdt(() -> {
            task.run();
            return null;
        });
    }

    /** The showing window named {@code name}, once there is one. */
    static Window window(String name) {
        return await().atMost(WAIT)
                .until(
                        () -> onEdt(() -> Arrays.stream(Window.getWindows())
                                .filter(w -> w.isShowing() && name.equals(w.getName()))
                                .findFirst()),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** The component named {@code name} inside {@code root}. Call on the EDT. */
    static <T extends Component> T find(Container root, String name, Class<T> type) {
        T found = search(root, name, type);
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " named " + name + " in " + root.getName());
        }
        return found;
    }

    private static <T extends Component> T search(Container root, String name, Class<T> type) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName()) && type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof Container inner) {
                T t = search(inner, name, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /** What the X server shows of {@code w}, saved as {@code <screenshots>/<file>}. */
    static Path screenshot(Window w, String file) throws Exception {
        Robot robot = new Robot();
        run(() -> {}); // everything queued so far is painted before the capture
        robot.waitForIdle();
        Rectangle bounds = onEdt(w::getBounds);
        BufferedImage image = robot.createScreenCapture(bounds);
        Path dir = Path.of(System.getProperty("chatroom.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path out = dir.resolve(file);
            ImageIO.write(image, "png", out.toFile());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
