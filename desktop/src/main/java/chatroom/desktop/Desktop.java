package chatroom.desktop;

import chatroom.client.ChatClient;
import chatroom.client.ChatListener;
import chatroom.client.ClientConfig;
import chatroom.client.Transcripts;
import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Font;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;
import org.jspecify.annotations.Nullable;

/**
 * The desktop application: the login window, then the chat window of one connection. Built and used on the EDT
 * only; {@link #closed()} completes when the user has closed it and the client has left.
 */
final class Desktop {
    /**
     * @param locale the UI language
     * @param dark the dark theme rather than the light one
     * @param configDir where the login window remembers its fields
     * @param logDir where transcripts go, or null for none
     */
    record Options(
            java.util.Locale locale,
            boolean dark,
            Path configDir,
            @Nullable Path logDir) {}

    private final Options options;
    private final Ui ui;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final LoginWindow login;
    private @Nullable ChatWindow chat;
    private @Nullable ChatClient client;
    private @Nullable Transcripts transcripts;

    private Desktop(Options options, LoginSettings remembered) {
        this.options = options;
        this.ui = new Ui(options.locale());
        this.login = new LoginWindow(ui, remembered, this::connect);
        login.addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                if (chat == null) {
                    closed.complete(null);
                }
            }
        });
    }

    /**
     * Reads the remembered login (here, not on the EDT), then sets the theme and shows the login window on the EDT.
     * Call from any thread but the EDT.
     */
    static Desktop start(Options options) throws InterruptedException, InvocationTargetException {
        LoginSettings remembered = LoginSettings.load(options.configDir());
        AtomicReference<Desktop> app = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            theme(options.dark());
            Desktop d = new Desktop(options, remembered);
            d.login.setVisible(true);
            app.set(d);
        });
        return Objects.requireNonNull(app.get());
    }

    /** Sets the light or dark theme with rounder corners and a font that shows Chinese. Call on the EDT. */
    private static void theme(boolean dark) {
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
        UIManager.put("Component.arc", 8);
        UIManager.put("Button.arc", 8);
        UIManager.put("TextComponent.arc", 8);
        UIManager.put("ScrollBar.showButtons", false);
        // the system font FlatLaf picks may lack CJK glyphs; the logical SansSerif font falls back to one that has them
        Font f = UIManager.getFont("defaultFont");
        if (f == null || f.canDisplayUpTo("中文字") >= 0) {
            int size = f == null ? 13 : f.getSize();
            UIManager.put("defaultFont", new FontUIResource(Font.SANS_SERIF, Font.PLAIN, size));
        }
        FlatLaf.updateUI();
    }

    /** Completes once the user closed the application and its client has left. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    private void connect(ClientConfig config, LoginSettings remember) {
        Thread.ofVirtual().name("chatroom-settings").start(() -> remember.save(options.configDir()));
        String serverName = new Address(config.host(), config.port()).toString();
        ChatWindow window = new ChatWindow(ui, config.nick(), serverName, new ChatWindow.Host() {
            @Override
            public void firstConnected(ChatWindow w) {
                if (chat != w) {
                    return;
                }
                login.dispose();
                w.setVisible(true);
            }

            @Override
            public void failedBeforeConnect(ChatWindow w, String sentence) {
                if (chat != w) {
                    return; // a late event of a connection already given up
                }
                w.dispose();
                leave();
                chat = null;
                login.showError(sentence);
            }

            @Override
            public void closed(ChatWindow w) {
                if (chat == w) {
                    leave();
                    chat = null;
                }
            }
        });
        chat = window;
        ChatListener listener = new EdtListener(window);
        Path logDir = options.logDir();
        Transcripts t = logDir == null ? null : new Transcripts(logDir, ZoneId.systemDefault(), listener);
        transcripts = t;
        // building the client reads the JDK's trust store for TLS and starts its thread: not on the EDT
        Thread.ofVirtual().name("chatroom-connect").start(() -> {
            try {
                ChatClient c = ChatClient.connect(config, t == null ? listener : t);
                SwingUtilities.invokeLater(() -> attach(window, c));
            } catch (SSLException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                SwingUtilities.invokeLater(() -> window.disconnected(why, null));
            }
        });
    }

    private void attach(ChatWindow window, ChatClient c) {
        if (chat != window) { // given up or closed before the client was made
            Thread.ofVirtual().name("chatroom-leave").start(c::close);
            return;
        }
        client = c;
        window.attach(c);
    }

    /** Quits and closes the transcripts off the EDT (both wait for their threads), then completes {@link #closed}. */
    private void leave() {
        ChatClient c = client;
        Transcripts t = transcripts;
        client = null;
        transcripts = null;
        boolean last = chat != null && !login.isDisplayable();
        Thread.ofVirtual().name("chatroom-leave").start(() -> {
            if (c != null) {
                c.close();
            }
            if (t != null) {
                t.close();
            }
            if (last) {
                closed.complete(null);
            }
        });
    }
}
