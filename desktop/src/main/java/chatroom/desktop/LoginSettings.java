package chatroom.desktop;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the login window remembers between runs, in {@code desktop.properties} under the user's config dir. The
 * password is never stored.
 */
record LoginSettings(String server, String name, boolean tls, boolean trustSelfSigned) {
    private static final Logger log = LoggerFactory.getLogger(LoginSettings.class);
    static final LoginSettings DEFAULTS = new LoginSettings("127.0.0.1", "", false, false);

    /** {@code $XDG_CONFIG_HOME/chatroom} or {@code ~/.config/chatroom}. */
    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("chatroom");
    }

    /** The remembered settings, or the defaults when there are none or they cannot be read. */
    static LoginSettings load(Path dir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("desktop.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return DEFAULTS;
        } catch (IOException | IllegalArgumentException e) {
            log.warn("cannot read the desktop settings in {}: {}", dir, e.toString());
            return DEFAULTS;
        }
        return new LoginSettings(
                p.getProperty("server", DEFAULTS.server),
                p.getProperty("name", ""),
                Boolean.parseBoolean(p.getProperty("tls")),
                Boolean.parseBoolean(p.getProperty("trustSelfSigned")));
    }

    /** Writes the settings; a failure is logged, never shown: remembering is a convenience. Not on the EDT. */
    void save(Path dir) {
        Properties p = new Properties();
        p.setProperty("server", server);
        p.setProperty("name", name);
        p.setProperty("tls", Boolean.toString(tls));
        p.setProperty("trustSelfSigned", Boolean.toString(trustSelfSigned));
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(dir.resolve("desktop.properties"), StandardCharsets.UTF_8)) {
                p.store(w, "chatroom desktop client: the last login (never the password)");
            }
        } catch (IOException e) {
            log.warn("cannot save the desktop settings in {}: {}", dir, e.toString());
        }
    }
}
