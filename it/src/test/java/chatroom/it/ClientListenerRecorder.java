package chatroom.it;

import chatroom.client.ChatListener;
import chatroom.client.ChatMessage;
import chatroom.client.Member;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a {@link chatroom.client.ChatClient} reports, for the test thread to await and inspect. */
final class ClientListenerRecorder implements ChatListener {
    record Disconnect(String reason, Duration retryIn) {}

    final List<String> connected = new CopyOnWriteArrayList<>();
    final List<ChatMessage> messages = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<Disconnect> disconnects = new CopyOnWriteArrayList<>();
    final List<String> topics = new CopyOnWriteArrayList<>();
    final Map<String, List<Member>> members = new ConcurrentHashMap<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<String> aways = new CopyOnWriteArrayList<>();
    final Map<String, List<List<ChatMessage>>> history = new ConcurrentHashMap<>();
    final List<String> nicks = new CopyOnWriteArrayList<>();

    private void onThread() {
        String name = Thread.currentThread().getName();
        if (!threads.contains(name)) {
            threads.add(name);
        }
    }

    @Override
    public void connected(String nick) {
        onThread();
        connected.add(nick);
    }

    @Override
    public void message(ChatMessage message) {
        onThread();
        messages.add(message);
    }

    @Override
    public void topic(String room, String topic, String by) {
        topics.add(room + " " + topic + " " + by);
    }

    @Override
    public void members(String room, List<Member> list) {
        members.put(room, list);
    }

    @Override
    public void away(String nick, String message) {
        aways.add(nick + " " + message);
    }

    @Override
    public void history(String conversation, List<ChatMessage> older) {
        history.computeIfAbsent(conversation, k -> new CopyOnWriteArrayList<>()).add(older);
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        nicks.add(oldNick + " " + newNick);
    }

    @Override
    public void error(String text) {
        errors.add(text);
    }

    @Override
    public void disconnected(String reason, Duration retryIn) {
        disconnects.add(new Disconnect(reason, retryIn));
    }

    /** Texts said by {@code sender} in {@code conversation}, in the order the listener got them. */
    List<String> texts(String conversation, String sender) {
        return messages.stream()
                .filter(m -> m.conversation().equals(conversation) && m.sender().equals(sender))
                .map(ChatMessage::text)
                .toList();
    }

    List<String> memberNicks(String room) {
        return members.getOrDefault(room, List.of()).stream().map(Member::nick).toList();
    }
}
