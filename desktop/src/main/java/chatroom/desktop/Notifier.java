package chatroom.desktop;

import java.awt.AWTException;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import javax.swing.JFrame;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user about a mention or a whisper while the chat window is not focused: a tray notification where the
 * desktop has a system tray, else a marker in front of the window title until the window is focused again. EDT only.
 */
final class Notifier {
    static final String TITLE_MARK = "(*) ";
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final JFrame frame;
    private @Nullable TrayIcon tray;
    private boolean trayTried;

    Notifier(JFrame frame) {
        this.frame = frame;
        frame.addWindowFocusListener(new WindowAdapter() {
            @Override
            public void windowGainedFocus(WindowEvent e) {
                String t = frame.getTitle();
                if (t.startsWith(TITLE_MARK)) {
                    frame.setTitle(t.substring(TITLE_MARK.length()));
                }
            }
        });
    }

    void notify(String caption, String text) {
        if (frame.isFocused()) {
            return;
        }
        TrayIcon icon = trayIcon();
        if (icon != null) {
            icon.displayMessage(caption, text, TrayIcon.MessageType.INFO);
        }
        if (!frame.getTitle().startsWith(TITLE_MARK)) {
            frame.setTitle(TITLE_MARK + frame.getTitle());
        }
    }

    void close() {
        if (tray != null) {
            SystemTray.getSystemTray().remove(tray);
            tray = null;
        }
    }

    private @Nullable TrayIcon trayIcon() {
        if (!trayTried) {
            trayTried = true;
            if (SystemTray.isSupported()) {
                TrayIcon icon = new TrayIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), frame.getTitle());
                icon.setImageAutoSize(true);
                try {
                    SystemTray.getSystemTray().add(icon);
                    tray = icon;
                } catch (AWTException e) {
                    log.info("no system tray for notifications: {}", e.getMessage());
                }
            }
        }
        return tray;
    }
}
