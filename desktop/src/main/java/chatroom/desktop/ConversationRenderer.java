package chatroom.desktop;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;

/** A room as {@code #name (3)} with its unread count, a whisper as {@code @nick}; bold when something is unread, red when that mentions us. */
final class ConversationRenderer extends DefaultListCellRenderer {
    /** A conversation with an unread mention or whisper: a red that reads on the light and the dark theme. */
    private static final Color MENTIONED = new Color(0xE5534B);

    private final Ui texts;

    ConversationRenderer(Ui ui) {
        this.texts = ui;
    }

    @Override
    public Component getListCellRendererComponent(
            JList<?> list, Object value, int index, boolean isSelected, boolean cellHasFocus) {
        super.getListCellRendererComponent(list, value, index, isSelected, cellHasFocus);
        if (value instanceof Conversation c) {
            String name = c.room ? c.name : "@" + c.name;
            setText(c.unread > 0 ? name + " (" + c.unread + ")" : name);
            setToolTipText(c.room ? c.name : texts.get("chat.whisperTo", c.name));
            setFont(getFont().deriveFont(c.unread > 0 ? Font.BOLD : Font.PLAIN));
            if (c.mentioned && !isSelected) {
                setForeground(MENTIONED);
            }
        }
        return this;
    }
}
