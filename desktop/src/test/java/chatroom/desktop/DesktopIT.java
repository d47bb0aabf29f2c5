package chatroom.desktop;

import static chatroom.desktop.Gui.WAIT;
import static chatroom.desktop.Gui.find;
import static chatroom.desktop.Gui.onEdt;
import static chatroom.desktop.Gui.run;
import static chatroom.desktop.Gui.screenshot;
import static chatroom.desktop.Gui.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.client.ChatClient;
import chatroom.client.ClientConfig;
import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTextField;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The desktop client on a real X server (Xvfb) against a real chatroom server, driven as a person would. */
@ExtendWith(XvfbExtension.class)
@Timeout(180)
class DesktopIT {
    @TempDir
    Path dir;

    @Test
    void logsInChatsWhispersAndShowsMissedLinesOnceAfterAServerRestart() throws Exception {
        Path data = dir.resolve("data");
        LocalServer first = LocalServer.start(data);
        Recorder bob = new Recorder();
        try (Gate gate = new Gate(first.port());
                ChatClient bobClient = ChatClient.connect(ClientConfig.of("127.0.0.1", first.port(), "bob"), bob)) {
            bobClient.join("#lobby");
            Desktop app = Desktop.start(
                    new Desktop.Options(Locale.ENGLISH, false, dir.resolve("config"), dir.resolve("logs")));
            logIn("127.0.0.1:" + gate.port(), "alice");
            JFrame chat = (JFrame) window("chat");
            assertThat(Files.readString(dir.resolve("config/desktop.properties"), StandardCharsets.UTF_8))
                    .contains("name=alice")
                    .doesNotContain("password=");

            joinRoom("#lobby");
            await().atMost(WAIT).until(() -> bob.sees("#lobby", "alice"));
            await().atMost(WAIT).until(() -> onEdt(() -> members(chat).contains("bob")));

            bobClient.send("#lobby", "hello alice, 你好！");
            awaitShown(chat, "#lobby", "bob: hello alice, 你好！");
            assertThat(onEdt(() -> background(conversation(chat, "#lobby"), "hello alice")))
                    .as("a line that mentions me is highlighted")
                    .isNotNull();

            type(chat, "hi bob, 大家好");
            run(() -> find(chat, "chat.send", AbstractButton.class).doClick());
            await().atMost(WAIT).until(() -> bob.heard("#lobby", "alice", "hi bob, 大家好"));
            awaitShown(chat, "#lobby", "alice: hi bob, 大家好");

            doubleClickMember(chat, "bob");
            await().atMost(WAIT).until(() -> onEdt(() -> topic(chat).equals("Whisper with bob")));
            type(chat, "a secret 悄悄话");
            run(() -> find(chat, "chat.input", JTextField.class).postActionEvent());
            await().atMost(WAIT).until(() -> bob.heard("alice", "alice", "a secret 悄悄话"));
            bobClient.send("alice", "whispered back 回复");
            awaitShown(chat, "bob", "bob: whispered back 回复");

            bobClient.topic("#lobby", "Anything goes · 随便聊");
            bobClient.send("#lobby", "while you whisper 1");
            bobClient.send("#lobby", "while you whisper 2");
            await().atMost(WAIT).until(() -> onEdt(() -> conversation(chat, "#lobby").unread == 2));
            run(() -> find(chat, "chat.rooms", JList.class).setSelectedIndex(0));
            assertThat(onEdt(() -> conversation(chat, "#lobby").unread)).isZero();
            await().atMost(WAIT)
                    .until(() -> onEdt(() -> topic(chat)), t -> t.contains("Anything goes · 随便聊 (set by bob"));
            bobClient.send("alice", "one more thing 还有一件事");
            await().atMost(WAIT).until(() -> onEdt(() -> conversation(chat, "bob").unread == 1));
            screenshot(chat, "desktop-light-en.png");
            assertThat(dir.resolve("logs/#lobby.log"))
                    .content(StandardCharsets.UTF_8)
                    .contains("bob: hello alice, 你好！", "alice: hi bob, 大家好");

            // the server goes away: a sentence with a countdown, no stack trace
            gate.target(0);
            first.close();
            await().atMost(WAIT).until(() -> onEdt(() -> status(chat)), s -> s.contains("Reconnecting in"));
            assertThat(onEdt(() -> status(chat))).doesNotContain("Exception");
            try (LocalServer second = LocalServer.start(data)) {
                bobClient.server("127.0.0.1", second.port());
                await().atMost(WAIT).until(() -> bob.connected.size() == 2);
                await().atMost(WAIT).until(() -> bob.sees("#lobby", "bob"));
                bobClient.send("#lobby", "missed one 错过的");
                bobClient.send("#lobby", "missed two");
                // echo-message: each line is stored before the server echoes it
                await().atMost(WAIT).until(() -> bob.heard("#lobby", "bob", "missed two"));
                gate.target(second.port());
                // the client's back-off doubles while the gate refuses it (up to 30 s between tries)
                await().atMost(Duration.ofSeconds(45))
                        .until(() -> onEdt(() -> status(chat)), s -> s.startsWith("Connected as alice"));
                awaitShown(chat, "#lobby", "bob: missed two");
                bobClient.send("#lobby", "live again");
                awaitShown(chat, "#lobby", "bob: live again");
                String shown = onEdt(() -> conversation(chat, "#lobby").text());
                assertThat(occurrences(shown, "bob: missed one 错过的")).isEqualTo(1);
                assertThat(occurrences(shown, "bob: missed two")).isEqualTo(1);
                assertThat(occurrences(shown, "bob: hello alice, 你好！")).isEqualTo(1);

                run(() -> find(chat, "chat.close", AbstractButton.class).doClick());
                app.closed().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
                assertThat(onEdt(chat::isDisplayable)).isFalse();
            }
        }
    }

    @Test
    void chineseDarkWindowsExplainFailuresAsSentencesAndLogInOverTls() throws Exception {
        Path data = dir.resolve("data");
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (LocalServer server = LocalServer.start(data);
                ChatClient other =
                        ChatClient.connect(ClientConfig.of("127.0.0.1", server.port(), "小红"), new Recorder())) {
            other.join("#大厅");
            Desktop app =
                    Desktop.start(new Desktop.Options(Locale.SIMPLIFIED_CHINESE, true, dir.resolve("config"), null));

            logIn("127.0.0.1:" + closedPort, "小明");
            Window login = window("login");
            await().atMost(WAIT)
                    .until(() -> onEdt(() ->
                                    find(login, "login.status", JLabel.class).getText())
                            .startsWith("无法连接服务器 127.0.0.1:" + closedPort));
            assertThat(onEdt(() ->
                            find(login, "login.connect", AbstractButton.class).isEnabled()))
                    .isTrue();
            screenshot(login, "desktop-login-dark-zh.png");

            run(() -> find(login, "login.password", JTextField.class).setText("错误的密码"));
            logIn("127.0.0.1:" + server.port(), "小明");
            await().atMost(WAIT)
                    .until(
                            () -> onEdt(() ->
                                    find(login, "login.status", JLabel.class).getText()),
                            t -> t.equals("小明 的名字或密码错误，不再尝试登录。"));
            run(() -> find(login, "login.password", JTextField.class).setText(""));
            run(() -> {
                find(login, "login.tls", AbstractButton.class).doClick();
                find(login, "login.trust", AbstractButton.class).doClick();
            });
            logIn("127.0.0.1:" + server.tlsPort(), "小红");
            JFrame chat = (JFrame) window("chat");
            await().atMost(WAIT).until(() -> onEdt(() -> status(chat)), s -> s.contains("已被占用"));
            assertThat(onEdt(chat::getTitle)).contains(" 小红_：");

            joinRoom("#大厅");
            other.send("#大厅", "欢迎 小红_！Welcome to the hall.");
            awaitShown(chat, "#大厅", "小红: 欢迎 小红_！Welcome to the hall.");
            type(chat, "谢谢，大家好 thanks");
            run(() -> find(chat, "chat.input", JTextField.class).postActionEvent());
            awaitShown(chat, "#大厅", "小红_: 谢谢，大家好 thanks");
            screenshot(chat, "desktop-dark-zh.png");
            run(() -> chatWindow(chat).close());
            app.closed().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aMentionWhileTheWindowIsNotFocusedMarksItsTitleOnce() {
        String title = onEdt(() -> {
            JFrame f = new JFrame("alice on 127.0.0.1:6667");
            Notifier n = new Notifier(f);
            n.notify("New message from bob", "alice: look");
            n.notify("New message from bob", "alice: again");
            n.close();
            f.dispose();
            return f.getTitle();
        });
        assertThat(title).isEqualTo("(*) alice on 127.0.0.1:6667");
    }

    @Test
    void aFileDroppedOnTheWindowIsSharedAsItsLink() throws Exception {
        Path file = Files.writeString(dir.resolve("笔记 notes.txt"), "课堂笔记 class notes", StandardCharsets.UTF_8);
        Recorder bob = new Recorder();
        try (LocalServer server = LocalServer.start(dir.resolve("data"));
                ChatClient bobClient = ChatClient.connect(ClientConfig.of("127.0.0.1", server.port(), "bob"), bob)) {
            bobClient.join("#lobby");
            Desktop app = Desktop.start(
                    new Desktop.Options(Locale.ENGLISH, false, dir.resolve("config"), dir.resolve("logs")));
            logIn("127.0.0.1:" + server.port(), "alice");
            JFrame chat = (JFrame) window("chat");
            joinRoom("#lobby");

            // what a drag and drop from a file manager hands the message pane
            java.awt.datatransfer.Transferable files = new java.awt.datatransfer.Transferable() {
                @Override
                public java.awt.datatransfer.DataFlavor[] getTransferDataFlavors() {
                    return new java.awt.datatransfer.DataFlavor[] {java.awt.datatransfer.DataFlavor.javaFileListFlavor};
                }

                @Override
                public boolean isDataFlavorSupported(java.awt.datatransfer.DataFlavor f) {
                    return f.equals(java.awt.datatransfer.DataFlavor.javaFileListFlavor);
                }

                @Override
                public Object getTransferData(java.awt.datatransfer.DataFlavor f) {
                    return java.util.List.of(file.toFile());
                }
            };
            assertThat(onEdt(() -> {
                        javax.swing.JComponent pane = find(chat, "chat.messages", javax.swing.JComponent.class);
                        return pane.getTransferHandler()
                                .importData(new javax.swing.TransferHandler.TransferSupport(pane, files));
                    }))
                    .isTrue();

            await().atMost(WAIT)
                    .until(() -> bob.messages.stream()
                            .anyMatch(m -> m.sender().equals("alice")
                                    && m.text().endsWith("/%E7%AC%94%E8%AE%B0%20notes.txt")));
            String link = bob.messages.stream()
                    .filter(m -> m.sender().equals("alice"))
                    .findFirst()
                    .orElseThrow()
                    .text();
            var download = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(link))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(download.body()).isEqualTo("课堂笔记 class notes");
            await().atMost(WAIT).until(() -> onEdt(() -> status(chat)), s -> s.equals("笔记 notes.txt shared."));
            awaitShown(chat, "#lobby", "alice: " + link);

            run(() -> find(chat, "chat.close", AbstractButton.class).doClick());
            app.closed().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static void logIn(String server, String name) {
        Window login = window("login");
        run(() -> {
            find(login, "login.server", JTextField.class).setText(server);
            find(login, "login.name", JTextField.class).setText(name);
            find(login, "login.connect", AbstractButton.class).doClick();
        });
    }

    private static void joinRoom(String room) {
        JFrame chat = (JFrame) window("chat");
        run(() -> find(chat, "chat.join", AbstractButton.class).doClick());
        Window dialog = window("join");
        run(() -> {
            find(dialog, "join.room", JTextField.class).setText(room);
            find(dialog, "join.ok", AbstractButton.class).doClick();
        });
        await().atMost(WAIT).until(() -> onEdt(() -> topic(chat).startsWith(room)));
    }

    private static void type(JFrame chat, String text) {
        run(() -> find(chat, "chat.input", JTextField.class).setText(text));
    }

    /** A real double click through the X server on the member's row. */
    private static void doubleClickMember(JFrame chat, String nick) throws Exception {
        Point p = onEdt(() -> {
            JList<?> list = find(chat, "chat.members", JList.class);
            int i = members(chat).indexOf(nick);
            Rectangle cell = list.getCellBounds(i, i);
            Point origin = list.getLocationOnScreen();
            return new Point(origin.x + cell.x + cell.width / 2, origin.y + cell.y + cell.height / 2);
        });
        Robot robot = new Robot();
        robot.mouseMove(p.x, p.y);
        robot.waitForIdle();
        for (int i = 0; i < 2; i++) {
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
        }
        robot.waitForIdle();
    }

    private static void awaitShown(JFrame chat, String conversation, String line) {
        await().atMost(WAIT)
                .until(() -> onEdt(() -> {
                    Conversation c = chatWindow(chat).find(conversation);
                    return c != null && c.text().contains(line);
                }));
    }

    private static ChatWindow chatWindow(JFrame chat) {
        return (ChatWindow) chat;
    }

    private static Conversation conversation(JFrame chat, String name) {
        return Objects.requireNonNull(chatWindow(chat).find(name), name);
    }

    private static java.util.List<String> members(JFrame chat) {
        JList<?> list = find(chat, "chat.members", JList.class);
        java.util.List<String> nicks = new java.util.ArrayList<>();
        for (int i = 0; i < list.getModel().getSize(); i++) {
            nicks.add(((chatroom.client.Member) list.getModel().getElementAt(i)).nick());
        }
        return nicks;
    }

    private static String topic(JFrame chat) {
        return find(chat, "chat.topic", JLabel.class).getText();
    }

    private static String status(JFrame chat) {
        return find(chat, "chat.status", JLabel.class).getText();
    }

    private static Color background(Conversation c, String text) {
        StyledDocument doc = c.doc;
        int at = c.text().indexOf(text);
        return doc.getCharacterElement(at).getAttributes().isDefined(StyleConstants.Background)
                ? StyleConstants.getBackground(doc.getCharacterElement(at).getAttributes())
                : null;
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
