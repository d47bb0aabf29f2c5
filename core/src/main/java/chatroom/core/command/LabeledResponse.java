package chatroom.core.command;

import chatroom.protocol.IrcMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * https://ircv3.net/specs/extensions/labeled-response: no reply becomes a labeled {@code ACK}, one reply carries the
 * label, several replies go in a {@code labeled-response} batch whose start carries the label.
 */
final class LabeledResponse {
    private LabeledResponse() {}

    static List<IrcMessage> wrap(List<IrcMessage> replies, String label, String server, Supplier<String> batchIds) {
        if (replies.isEmpty()) {
            return List.of(new IrcMessage(Map.of("label", label), server, "ACK", List.of()));
        }
        if (replies.size() == 1) {
            return List.of(withTag(replies.get(0), "label", label));
        }
        String id = batchIds.get();
        List<IrcMessage> out = new ArrayList<>(replies.size() + 2);
        out.add(new IrcMessage(Map.of("label", label), server, "BATCH", List.of("+" + id, "labeled-response")));
        for (IrcMessage m : replies) {
            // lines inside a nested batch (CHATHISTORY) keep theirs; its BATCH +/- lines join the outer one
            out.add(m.tags().containsKey("batch") ? m : withTag(m, "batch", id));
        }
        out.add(IrcMessage.from(server, "BATCH", "-" + id));
        return out;
    }

    private static IrcMessage withTag(IrcMessage m, String key, String value) {
        Map<String, String> tags = new HashMap<>(m.tags());
        tags.put(key, value);
        return m.withTags(tags);
    }
}
