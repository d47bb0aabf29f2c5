package chatroom.client;

/**
 * A person as {@code WHO} describes them ({@link ChatClient#who(String)}).
 *
 * @param room the room the answer was about, or {@code *}
 * @param away marked away ({@code G} in the WHO flags)
 * @param prefixes their status in {@code room}, highest first (e.g. {@code "@"}), or empty
 */
public record UserInfo(
        String nick, String user, String host, String realName, String room, boolean away, String prefixes) {}
