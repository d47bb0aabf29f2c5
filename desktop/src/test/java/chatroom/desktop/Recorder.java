package chatroom.desktop;

import chatroom.client.ChatListener;
import chatroom.client.ChatMessage;
import chatroom.client.Member;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the other person's plain ChatClient sees, for the test thread to await. */
final class Recorder implements ChatListener {
    final List<String> connected = new CopyOnWriteArrayList<>();
    final List<ChatMessage> messages = new CopyOnWriteArrayList<>();
    final Map<String, List<Member>> members = new ConcurrentHashMap<>();

    @Override
    public void connected(String nick) {
        connected.add(nick);
    }

    @Override
    public void message(ChatMessage message) {
        messages.add(message);
    }

    @Override
    public void members(String room, List<Member> list) {
        members.put(room, list);
    }

    boolean heard(String conversation, String sender, String text) {
        return messages.stream()
                .anyMatch(m -> m.conversation().equals(conversation)
                        && m.sender().equals(sender)
                        && m.text().equals(text));
    }

    boolean sees(String room, String nick) {
        return members.getOrDefault(room, List.of()).stream()
                .anyMatch(m -> m.nick().equals(nick));
    }
}
