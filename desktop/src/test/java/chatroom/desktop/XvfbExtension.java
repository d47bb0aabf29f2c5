package chatroom.desktop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an Xvfb (Debian's {@code xvfb}) on the display named by DISPLAY, which the build gives the test JVM (AWT
 * reads it once, when its toolkit starts), before any window exists; it ends when this JVM does. Without Xvfb the
 * tests are skipped on a developer machine and fail in CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
final class XvfbExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(XvfbExtension.class, k -> start(), Process.class);
    }

    private static Process start() {
        String display = System.getenv("DISPLAY");
        boolean ci = "true".equals(System.getenv("CI"));
        Path xvfb = onPath("Xvfb");
        if (xvfb == null || display == null || !display.startsWith(":")) {
            String why = xvfb == null ? "Xvfb is not installed (Debian package xvfb)" : "DISPLAY is not :N";
            if (ci) {
                fail(why + ": the desktop client's GUI tests cannot run");
            }
            assumeTrue(false, why + ": skipping the desktop client's GUI tests");
        }
        try {
            // -displayfd 1: Xvfb writes the display number to stdout once it accepts clients
            Process p = new ProcessBuilder(
                            xvfb.toString(),
                            display,
                            "-screen",
                            "0",
                            "1280x800x24",
                            "-nolisten",
                            "tcp",
                            "-terminate",
                            "-displayfd",
                            "1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            if (ready == null) {
                p.waitFor(5, TimeUnit.SECONDS);
                fail("Xvfb " + display + " did not start (exit " + (p.isAlive() ? "?" : p.exitValue())
                        + "): is that display taken? Choose another with -Dxvfb.display=:N");
            }
            // Xlib ends a process whose X server goes away, so Xvfb must outlive this JVM: it holds a connection
            // from now on, and -terminate ends Xvfb when the last connection closes, when this JVM exits.
            java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Xvfb", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        return path == null
                ? null
                : Arrays.stream(path.split(File.pathSeparator))
                        .map(d -> Path.of(d, program))
                        .filter(Files::isExecutable)
                        .findFirst()
                        .orElse(null);
    }
}
