package chatroom.desktop;

import chatroom.client.ClientConfig;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.function.BiConsumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.WindowConstants;
import org.jspecify.annotations.Nullable;

/** Server address, name, optional password and TLS; the last three but the password are remembered. EDT only. */
final class LoginWindow extends JFrame {
    private final Ui ui;
    private final JTextField server = new JTextField(22);
    private final JTextField name = new JTextField(22);
    private final JPasswordField password = new JPasswordField(22);
    private final JCheckBox tls;
    private final JCheckBox trust;
    private final JButton connect;
    private final JLabel status = new JLabel(" ");

    /** {@code login} gets the configuration to connect with and what to remember, on the EDT. */
    LoginWindow(Ui ui, LoginSettings remembered, BiConsumer<ClientConfig, LoginSettings> login) {
        super(ui.get("login.title"));
        this.ui = ui;
        setName("login");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        tls = new JCheckBox(ui.get("login.tls"), remembered.tls());
        trust = new JCheckBox(ui.get("login.trust"), remembered.trustSelfSigned());
        connect = new JButton(ui.get("login.connect"));
        server.setText(remembered.server());
        name.setText(remembered.name());
        server.setName("login.server");
        name.setName("login.name");
        password.setName("login.password");
        tls.setName("login.tls");
        trust.setName("login.trust");
        connect.setName("login.connect");
        status.setName("login.status");
        trust.setEnabled(tls.isSelected());
        tls.addActionListener(e -> trust.setEnabled(tls.isSelected()));
        connect.addActionListener(e -> submit(login));

        JPanel p = new JPanel(new GridBagLayout());
        p.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        row(p, 0, new JLabel(ui.get("login.server")), server);
        row(p, 1, new JLabel(ui.get("login.name")), name);
        row(p, 2, new JLabel(ui.get("login.password")), password);
        row(p, 3, null, tls);
        row(p, 4, null, trust);
        row(p, 5, null, connect);
        GridBagConstraints c = constraints(0, 6);
        c.gridwidth = 2;
        p.add(status, c);
        setContentPane(p);
        getRootPane().setDefaultButton(connect);
        pack();
        setLocationRelativeTo(null);
    }

    private static void row(JPanel p, int y, @Nullable JComponent label, JComponent field) {
        if (label != null) {
            p.add(label, constraints(0, y));
        }
        GridBagConstraints c = constraints(1, y);
        c.weightx = 1;
        p.add(field, c);
    }

    private static GridBagConstraints constraints(int x, int y) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = x;
        c.gridy = y;
        c.anchor = GridBagConstraints.WEST;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(4, 4, 4, 4);
        return c;
    }

    private void submit(BiConsumer<ClientConfig, LoginSettings> login) {
        Address a = Address.parse(server.getText());
        if (a == null) {
            showError(ui.get("login.badAddress", server.getText()));
            return;
        }
        String nick = name.getText().strip();
        if (nick.isEmpty() || nick.chars().anyMatch(Character::isWhitespace)) {
            showError(ui.get("login.badName"));
            return;
        }
        char[] pw = password.getPassword();
        ClientConfig config = ClientConfig.of(a.host(), a.port(), nick)
                .withLocale(ui.locale())
                .withPassword(pw.length == 0 ? null : new String(pw));
        if (tls.isSelected()) {
            config = config.withTls(trust.isSelected());
        }
        busy(ui.get("login.connecting", a));
        login.accept(config, new LoginSettings(server.getText().strip(), nick, tls.isSelected(), trust.isSelected()));
    }

    private void busy(String text) {
        status.setText(text);
        connect.setEnabled(false);
    }

    /** A sentence saying why logging in failed; the user may try again. */
    void showError(String text) {
        status.setText(text);
        connect.setEnabled(true);
        pack();
    }
}
