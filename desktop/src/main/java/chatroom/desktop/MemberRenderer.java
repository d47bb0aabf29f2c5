package chatroom.desktop;

import chatroom.client.Member;
import java.awt.Component;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JList;

/** A member as its status prefixes and nick, e.g. {@code @alice}. */
final class MemberRenderer extends DefaultListCellRenderer {
    @Override
    public Component getListCellRendererComponent(
            JList<?> list, Object value, int index, boolean isSelected, boolean cellHasFocus) {
        super.getListCellRendererComponent(list, value, index, isSelected, cellHasFocus);
        if (value instanceof Member m) {
            setText(m.prefixes() + m.nick());
        }
        return this;
    }
}
