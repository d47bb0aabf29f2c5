package chatroom.core.user;

import java.util.Optional;

/** IRCv3 capabilities this server offers (https://ircv3.net/specs/extensions/capability-negotiation). */
public enum Capability {
    AWAY_NOTIFY("away-notify"),
    BATCH("batch"),
    CAP_NOTIFY("cap-notify"),
    CHATHISTORY("draft/chathistory"),
    ECHO_MESSAGE("echo-message"),
    EVENT_PLAYBACK("draft/event-playback"),
    EXTENDED_JOIN("extended-join"),
    INVITE_NOTIFY("invite-notify"),
    LABELED_RESPONSE("labeled-response"),
    MESSAGE_TAGS("message-tags"),
    MULTI_PREFIX("multi-prefix"),
    SERVER_TIME("server-time"),
    SETNAME("setname"),
    USERHOST_IN_NAMES("userhost-in-names");

    private final String wireName;

    Capability(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Capability> byName(String name) {
        for (Capability c : values()) {
            if (c.wireName.equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
