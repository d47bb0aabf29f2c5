package chatroom.desktop;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

/** Asks for a room to join; the server creates a room that does not exist yet. Not modal, so the EDT never waits. */
final class JoinDialog extends JDialog {
    JoinDialog(JFrame owner, Ui ui, Consumer<String> join) {
        super(owner, ui.get("join.title"), false);
        setName("join");
        JTextField room = new JTextField("#", 24);
        room.setName("join.room");
        JButton ok = new JButton(ui.get("join.ok"));
        ok.setName("join.ok");
        JButton cancel = new JButton(ui.get("join.cancel"));
        cancel.setName("join.cancel");
        Runnable submit = () -> {
            String name = room.getText().strip();
            if (name.isEmpty() || name.equals("#")) {
                return;
            }
            join.accept(name.startsWith("#") || name.startsWith("&") ? name : "#" + name);
            dispose();
        };
        ok.addActionListener(e -> submit.run());
        room.addActionListener(e -> submit.run());
        cancel.addActionListener(e -> dispose());

        JPanel fields = new JPanel(new BorderLayout(0, 6));
        fields.setBorder(BorderFactory.createEmptyBorder(12, 12, 6, 12));
        fields.add(new JLabel(ui.get("join.room")), BorderLayout.NORTH);
        fields.add(room, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(ok);
        getContentPane().add(fields, BorderLayout.CENTER);
        getContentPane().add(buttons, BorderLayout.SOUTH);
        getRootPane().setDefaultButton(ok);
        pack();
        setLocationRelativeTo(owner);
    }
}
