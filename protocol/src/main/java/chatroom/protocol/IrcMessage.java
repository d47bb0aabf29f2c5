package chatroom.protocol;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One IRC message: optional IRCv3 tags, optional source (prefix), a command (verb or three-digit numeric) and its
 * parameters. The last parameter may contain spaces; the writer decides whether it needs the trailing colon.
 *
 * <p>Tag values are unescaped; a tag without a value maps to the empty string. See
 * https://modern.ircdocs.horse/#message-format and https://ircv3.net/specs/extensions/message-tags.
 */
public record IrcMessage(Map<String, String> tags, @Nullable String source, String command, List<String> params) {

    public IrcMessage {
        tags = Map.copyOf(tags);
        params = List.copyOf(params);
    }

    public static IrcMessage of(String command, String... params) {
        return new IrcMessage(Map.of(), null, command, List.of(params));
    }

    public static IrcMessage from(@Nullable String source, String command, String... params) {
        return new IrcMessage(Map.of(), source, command, List.of(params));
    }

    public static IrcMessage from(@Nullable String source, String command, List<String> params) {
        return new IrcMessage(Map.of(), source, command, params);
    }

    /** The i-th parameter, or the empty string when there is none (fewer parameters, or a negative index). */
    public String param(int i) {
        return i >= 0 && i < params.size() ? params.get(i) : "";
    }

    public int paramCount() {
        return params.size();
    }

    public IrcMessage withTags(Map<String, String> newTags) {
        return new IrcMessage(newTags, source, command, params);
    }

    public @Nullable String tag(String key) {
        return tags.get(key);
    }
}
