package chatroom.desktop;

import chatroom.client.ChatListener;
import chatroom.client.ChatMessage;
import chatroom.client.Member;
import java.time.Duration;
import java.util.List;
import javax.swing.SwingUtilities;
import org.jspecify.annotations.Nullable;

/** Passes every event from the client's thread to {@code target} on the EDT, in order, without waiting. */
record EdtListener(ChatListener target) implements ChatListener {
    @Override
    public void connected(String nick) {
        SwingUtilities.invokeLater(() -> target.connected(nick));
    }

    @Override
    public void message(ChatMessage message) {
        SwingUtilities.invokeLater(() -> target.message(message));
    }

    @Override
    public void joined(String room, String nick) {
        SwingUtilities.invokeLater(() -> target.joined(room, nick));
    }

    @Override
    public void parted(String room, String nick, String reason) {
        SwingUtilities.invokeLater(() -> target.parted(room, nick, reason));
    }

    @Override
    public void kicked(String room, String nick, String by, String reason) {
        SwingUtilities.invokeLater(() -> target.kicked(room, nick, by, reason));
    }

    @Override
    public void quit(String nick, String reason) {
        SwingUtilities.invokeLater(() -> target.quit(nick, reason));
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        SwingUtilities.invokeLater(() -> target.nickChanged(oldNick, newNick));
    }

    @Override
    public void topic(String room, String topic, @Nullable String by) {
        SwingUtilities.invokeLater(() -> target.topic(room, topic, by));
    }

    @Override
    public void members(String room, List<Member> members) {
        SwingUtilities.invokeLater(() -> target.members(room, members));
    }

    @Override
    public void error(String text) {
        SwingUtilities.invokeLater(() -> target.error(text));
    }

    @Override
    public void disconnected(String reason, @Nullable Duration retryIn) {
        SwingUtilities.invokeLater(() -> target.disconnected(reason, retryIn));
    }
}
