package chatroom.core.user;

import java.util.Optional;

/** IRCv3 capabilities this server offers (https://ircv3.net/specs/extensions/capability-negotiation). */
public enum Capability {
    ACCOUNT_NOTIFY("account-notify"),
    ACCOUNT_REGISTRATION("draft/account-registration"),
    ACCOUNT_TAG("account-tag"),
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
    SASL("sasl", "PLAIN,SCRAM-SHA-256,EXTERNAL"),
    SERVER_TIME("server-time"),
    SETNAME("setname"),
    USERHOST_IN_NAMES("userhost-in-names");

    private final String wireName;
    private final String value;

    Capability(String wireName) {
        this(wireName, "");
    }

    /** {@code value} is shown to CAP 302 clients ({@code sasl=PLAIN,SCRAM-SHA-256,EXTERNAL}). */
    Capability(String wireName, String value) {
        this.wireName = wireName;
        this.value = value;
    }

    public String wireName() {
        return wireName;
    }

    /** The name as CAP LS shows it: with its value for CAP 302 and later. */
    public String advertised(int capVersion) {
        return capVersion >= 302 && !value.isEmpty() ? wireName + "=" + value : wireName;
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
