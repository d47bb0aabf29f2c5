package chatroom.desktop;

import chatroom.client.ChatClient;
import chatroom.client.ChatListener;
import chatroom.client.ChatMessage;
import chatroom.client.Member;
import chatroom.protocol.CaseMapping;
import com.formdev.flatlaf.FlatLaf;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.JTextPane;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import org.jspecify.annotations.Nullable;

/**
 * The chat window: conversations (rooms and whispers) with unread counts on the left, the selected one's lines in the
 * middle, its members on the right, the topic on top, the input line with Send / Users / Close below. It is the
 * {@link ChatListener} the client's events reach, always on the EDT (through {@link EdtListener}).
 */
final class ChatWindow extends JFrame implements ChatListener {
    /** What the chat window tells the application. */
    interface Host {
        /** The first registration succeeded: time to show this window instead of the login window. */
        void firstConnected(ChatWindow source);

        /** The connection failed before it ever worked (unreachable, wrong password): back to the login window. */
        void failedBeforeConnect(ChatWindow source, String sentence);

        /** The user closed the window. */
        void closed(ChatWindow source);
    }

    private final Ui ui;
    private final Host host;
    private final String serverName;
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final DefaultListModel<Conversation> convModel = new DefaultListModel<>();
    private final JList<Conversation> convList = new JList<>(convModel);
    private final DefaultListModel<Member> memberModel = new DefaultListModel<>();
    private final JList<Member> memberList = new JList<>(memberModel);
    private final JScrollPane memberPane = new JScrollPane(memberList);
    private final JTextPane messages = new JTextPane();
    private final JLabel topic = new JLabel(" ");
    private final JTextField input = new JTextField();
    private final JLabel status = new JLabel(" ");
    private final Notifier notifier;
    private final Timer countdown;
    private @Nullable ChatClient client;
    private @Nullable Conversation selected;
    private @Nullable String joinRequested;
    private @Nullable String pendingError;
    private Instant retryAt = Instant.EPOCH;
    private String retryReason = "";
    private String me;
    private boolean everConnected;

    ChatWindow(Ui ui, String nick, String serverName, Host host) {
        super(ui.get("chat.title", nick, serverName));
        this.ui = ui;
        this.me = nick;
        this.serverName = serverName;
        this.host = host;
        this.notifier = new Notifier(this);
        this.countdown = new Timer(1000, e -> showCountdown());
        setName("chat");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });
        layOut();
    }

    private void layOut() {
        convList.setName("chat.rooms");
        convList.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        convList.setCellRenderer(new ConversationRenderer(ui));
        convList.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                select(convList.getSelectedValue());
            }
        });
        memberList.setName("chat.members");
        memberList.setCellRenderer(new MemberRenderer());
        memberList.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int i = memberList.locationToIndex(e.getPoint());
                if (e.getClickCount() == 2
                        && i >= 0
                        && memberList.getCellBounds(i, i).contains(e.getPoint())) {
                    openWhisper(memberModel.get(i).nick());
                }
            }
        });
        messages.setName("chat.messages");
        messages.setEditable(false);
        messages.setMargin(new java.awt.Insets(6, 10, 6, 10));
        // a read-only pane would get the inactive (grey) background; the lines read better on the list's
        messages.setBackground(javax.swing.UIManager.getColor("List.background"));
        topic.setName("chat.topic");
        topic.setBorder(BorderFactory.createEmptyBorder(6, 10, 6, 10));
        input.setName("chat.input");
        input.addActionListener(e -> sendTyped());
        FileDrop.install(messages, this::share);
        FileDrop.install(input, this::share);
        status.setName("chat.status");
        status.setBorder(BorderFactory.createEmptyBorder(2, 10, 4, 10));

        JButton join =
                button("chat.join", "chat.join", e -> new JoinDialog(this, ui, this::requestJoin).setVisible(true));
        JPanel left = new JPanel(new BorderLayout());
        left.add(titled(new JScrollPane(convList), ui.get("chat.rooms")), BorderLayout.CENTER);
        left.add(join, BorderLayout.SOUTH);
        left.setPreferredSize(new Dimension(190, 400));
        memberPane.setPreferredSize(new Dimension(160, 400));
        memberPane.setBorder(BorderFactory.createTitledBorder(ui.get("chat.members")));

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        buttons.add(button("chat.send", "chat.send", e -> sendTyped()));
        buttons.add(button("chat.sendFile", "chat.sendFile", e -> chooseFiles()));
        buttons.add(button("chat.users", "chat.users", e -> toggleMembers()));
        buttons.add(button("chat.close", "chat.close", e -> close()));
        JPanel inputRow = new JPanel(new BorderLayout(6, 0));
        inputRow.setBorder(BorderFactory.createEmptyBorder(6, 10, 2, 10));
        inputRow.add(input, BorderLayout.CENTER);
        inputRow.add(buttons, BorderLayout.EAST);
        JPanel south = new JPanel(new BorderLayout());
        south.add(inputRow, BorderLayout.CENTER);
        south.add(status, BorderLayout.SOUTH);

        JPanel root = new JPanel(new BorderLayout());
        root.add(topic, BorderLayout.NORTH);
        root.add(left, BorderLayout.WEST);
        root.add(new JScrollPane(messages), BorderLayout.CENTER);
        root.add(memberPane, BorderLayout.EAST);
        root.add(south, BorderLayout.SOUTH);
        setContentPane(root);
        setSize(960, 600);
        setLocationRelativeTo(null);
    }

    private JButton button(String name, String key, Consumer<java.awt.event.ActionEvent> action) {
        JButton b = new JButton(ui.get(key));
        b.setName(name);
        b.addActionListener(action::accept);
        return b;
    }

    private static JPanel titled(JScrollPane pane, String title) {
        JPanel p = new JPanel(new BorderLayout());
        p.setBorder(BorderFactory.createTitledBorder(title));
        pane.setBorder(BorderFactory.createEmptyBorder());
        p.add(pane, BorderLayout.CENTER);
        return p;
    }

    void attach(ChatClient c) {
        this.client = c;
    }

    // --- user actions ---

    private void sendTyped() {
        String text = input.getText();
        Conversation c = selected;
        if (text.isBlank()) {
            return;
        }
        if (c == null || client == null) {
            status.setText(ui.get("chat.notConnected"));
            return;
        }
        client.send(c.name, text);
        input.setText("");
    }

    private void chooseFiles() {
        javax.swing.JFileChooser chooser = new javax.swing.JFileChooser();
        chooser.setMultiSelectionEnabled(true);
        if (chooser.showOpenDialog(this) == javax.swing.JFileChooser.APPROVE_OPTION) {
            share(java.util.Arrays.stream(chooser.getSelectedFiles())
                    .map(java.io.File::toPath)
                    .toList());
        }
    }

    /** Shares each file in the selected conversation (uploaded over HTTP, its link said there); on the EDT. */
    void share(List<java.nio.file.Path> files) {
        Conversation c = selected;
        ChatClient cl = client;
        if (c == null || cl == null) {
            status.setText(ui.get("chat.notConnected"));
            return;
        }
        for (java.nio.file.Path file : files) {
            String name = String.valueOf(file.getFileName());
            status.setText(ui.get("chat.uploading", name));
            var unused = cl.share(c.name, file).whenComplete((url, failure) -> {
                String text = failure == null ? ui.get("chat.shared", name) : sentence(failure);
                javax.swing.SwingUtilities.invokeLater(() -> status.setText(text));
            });
        }
    }

    private static String sentence(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return String.valueOf(t.getMessage());
    }

    private void requestJoin(String room) {
        joinRequested = CaseMapping.fold(room);
        if (client != null) {
            client.join(room);
        }
    }

    private void toggleMembers() {
        memberPane.setVisible(!memberPane.isVisible());
        getContentPane().revalidate();
    }

    /** Opens (or selects) the whisper conversation with {@code nick}. */
    void openWhisper(String nick) {
        if (CaseMapping.fold(nick).equals(CaseMapping.fold(me))) {
            return;
        }
        Conversation c = conversation(nick, false);
        convList.setSelectedValue(c, true);
        input.requestFocusInWindow();
    }

    void close() {
        countdown.stop();
        notifier.close();
        dispose();
        host.closed(this);
    }

    // --- what the client reports, on the EDT ---

    @Override
    public void connected(String nick) {
        me = nick;
        countdown.stop();
        setTitle(ui.get("chat.title", nick, serverName));
        String text = ui.get("chat.connected", nick);
        status.setText(pendingError == null ? text : pendingError + " " + text);
        pendingError = null;
        if (!everConnected) {
            everConnected = true;
            host.firstConnected(this);
        }
    }

    @Override
    public void message(ChatMessage m) {
        Conversation c = conversation(m.conversation(), m.room());
        boolean own = CaseMapping.fold(m.sender()).equals(CaseMapping.fold(me));
        boolean mention = !own && (Conversation.mentions(m.text(), me) || !m.room());
        c.appendLine(m.time(), m.sender(), m.text(), own, mention && m.room(), palette());
        if (c != selected) {
            c.unread++;
            c.mentioned |= mention;
            refresh(c);
        }
        if (mention) {
            notifier.notify(ui.get("chat.mention", m.sender()), m.text());
        }
    }

    @Override
    public void joined(String room, String nick) {
        boolean mine = CaseMapping.fold(nick).equals(CaseMapping.fold(me));
        Conversation c = conversation(room, true);
        if (mine) {
            if (CaseMapping.fold(room).equals(joinRequested) || selected == null) {
                joinRequested = null;
                convList.setSelectedValue(c, true);
            }
        } else {
            c.appendNotice(Instant.now(), ui.get("chat.joined", nick), palette());
        }
    }

    @Override
    public void parted(String room, String nick, String reason) {
        conversation(room, true).appendNotice(Instant.now(), ui.get("chat.parted", nick, reason), palette());
    }

    @Override
    public void kicked(String room, String nick, String by, String reason) {
        conversation(room, true).appendNotice(Instant.now(), ui.get("chat.kicked", nick, by, reason), palette());
    }

    @Override
    public void quit(String nick, String reason) {
        for (Conversation c : conversations.values()) {
            if (c.room && c.hasMember(nick)) {
                c.appendNotice(Instant.now(), ui.get("chat.quit", nick, reason), palette());
            }
        }
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        if (CaseMapping.fold(oldNick).equals(CaseMapping.fold(me))) {
            me = newNick;
            setTitle(ui.get("chat.title", newNick, serverName));
        }
        for (Conversation c : conversations.values()) {
            if (c.room && c.hasMember(oldNick)) {
                c.appendNotice(Instant.now(), ui.get("chat.nick", oldNick, newNick), palette());
            }
        }
    }

    @Override
    public void topic(String room, String text, @Nullable String by) {
        Conversation c = conversation(room, true);
        // on joining, the topic arrives before the member list: only a change in a room we are in is news
        boolean changed = !c.topic.equals(text) && !c.members.isEmpty();
        c.topic = text;
        c.topicBy = by;
        if (changed) {
            c.appendNotice(Instant.now(), ui.get("chat.topicChanged", by == null ? "?" : by, text), palette());
        }
        if (c == selected) {
            showTopic(c);
        }
    }

    @Override
    public void members(String room, List<Member> list) {
        Conversation c = conversation(room, true);
        c.members = List.copyOf(list);
        if (c == selected) {
            showMembers(c);
        }
    }

    @Override
    public void error(String text) {
        status.setText(text);
        if (!everConnected) {
            pendingError = text;
        } else if (selected != null) {
            selected.appendNotice(Instant.now(), text, palette());
        }
    }

    @Override
    public void disconnected(String reason, @Nullable Duration retryIn) {
        if (!everConnected) {
            host.failedBeforeConnect(this, pendingError != null && retryIn == null ? pendingError : reason);
            return;
        }
        retryReason = reason;
        if (retryIn == null) {
            countdown.stop();
            status.setText(ui.get("chat.gone", reason));
        } else {
            retryAt = Instant.now().plus(retryIn);
            showCountdown();
            countdown.start();
        }
    }

    private void showCountdown() {
        long s = Math.max(0, (Duration.between(Instant.now(), retryAt).toMillis() + 999) / 1000);
        status.setText(ui.get("chat.reconnecting", retryReason, s));
    }

    // --- conversations ---

    private Conversation conversation(String name, boolean room) {
        return conversations.computeIfAbsent(CaseMapping.fold(name), k -> {
            Conversation c = new Conversation(name, room);
            convModel.addElement(c);
            return c;
        });
    }

    private void select(@Nullable Conversation c) {
        if (c == null || c == selected) {
            return;
        }
        selected = c;
        c.unread = 0;
        c.mentioned = false;
        refresh(c);
        messages.setStyledDocument(c.doc);
        messages.setCaretPosition(c.doc.getLength());
        showTopic(c);
        showMembers(c);
    }

    private void refresh(Conversation c) {
        int i = convModel.indexOf(c);
        if (i >= 0) {
            convModel.set(i, c);
        }
    }

    private void showTopic(Conversation c) {
        if (!c.room) {
            topic.setText(ui.get("chat.whisperTo", c.name));
        } else if (c.topic.isEmpty()) {
            topic.setText(c.name + "  " + ui.get("chat.noTopic"));
        } else {
            topic.setText(c.name + "  " + (c.topicBy == null ? c.topic : ui.get("chat.topicBy", c.topic, c.topicBy)));
        }
    }

    private void showMembers(Conversation c) {
        memberModel.clear();
        memberModel.addAll(c.members);
    }

    private static Conversation.Palette palette() {
        return Conversation.Palette.of(FlatLaf.isLafDark());
    }

    /** For tests and screenshots: the conversation named {@code name}, or null. */
    @Nullable
    Conversation find(String name) {
        return conversations.get(CaseMapping.fold(name));
    }
}
