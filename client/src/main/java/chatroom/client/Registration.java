package chatroom.client;

import chatroom.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Connection registration (https://ircv3.net/specs/extensions/capability-negotiation, CAP LS 302): asks for the
 * capabilities the client understands when the server offers them, logs in with SASL PLAIN when there is a password
 * (https://ircv3.net/specs/extensions/sasl-3.1), ends CAP, and tries {@code nick_} when the nick is taken.
 */
final class Registration {
    static final List<String> WANTED = List.of(
            "server-time",
            "message-tags",
            "echo-message",
            "batch",
            "draft/chathistory",
            "labeled-response",
            "away-notify",
            "account-tag",
            "extended-join",
            "multi-prefix",
            "sasl");

    /** SASL payloads are sent in chunks of at most 400 bytes (sasl-3.1 "AUTHENTICATE"). */
    private static final int SASL_CHUNK = 400;

    private final Session session;
    private final @Nullable String password;
    private final Set<String> offered = new HashSet<>();
    final Set<String> enabled = new HashSet<>();
    private boolean capEnded;
    String nick;

    Registration(Session session, String nick, @Nullable String password) {
        this.session = session;
        this.nick = nick;
        this.password = password;
    }

    void start() {
        session.write(IrcMessage.of("CAP", "LS", "302"));
        session.write(IrcMessage.of("NICK", nick));
        session.write(IrcMessage.of("USER", "chatroom", "0", "*", nick));
    }

    /** Handles a registration-time line; false when it is not one. */
    boolean handle(IrcMessage m) {
        switch (m.command()) {
            case "CAP" -> cap(m);
            case "AUTHENTICATE" -> {
                if (m.param(0).equals("+") && password != null) {
                    sendPlain(password);
                }
            }
            case "903" -> endCap();
            case "902", "904", "905", "906" -> session.wrongPassword();
            case "433" -> {
                nick = nick + "_";
                session.nameTaken(m.param(1), nick);
                session.write(IrcMessage.of("NICK", nick));
            }
            case "432" -> session.nickRefused(m.param(1), m.param(m.paramCount() - 1));
            default -> {
                return false;
            }
        }
        return true;
    }

    private void cap(IrcMessage m) {
        String sub = m.param(1);
        switch (sub) {
            case "LS" -> {
                boolean more = m.param(2).equals("*");
                for (String token : m.param(more ? 3 : 2).split(" ")) {
                    int eq = token.indexOf('=');
                    offered.add(eq < 0 ? token : token.substring(0, eq));
                }
                if (!more) {
                    request();
                }
            }
            case "ACK" -> {
                for (String cap : m.param(2).split(" ")) {
                    if (cap.startsWith("-")) {
                        enabled.remove(cap.substring(1));
                    } else if (!cap.isEmpty()) {
                        enabled.add(cap);
                    }
                }
                afterCaps();
            }
            case "NAK" -> afterCaps();
            default -> {
                // NEW and DEL need cap-notify, which we do not request
            }
        }
    }

    private void request() {
        List<String> ask = new ArrayList<>();
        for (String cap : WANTED) {
            if (offered.contains(cap) && (!cap.equals("sasl") || password != null)) {
                ask.add(cap);
            }
        }
        if (ask.isEmpty()) {
            afterCaps();
        } else {
            session.write(IrcMessage.of("CAP", "REQ", String.join(" ", ask)));
        }
    }

    private void afterCaps() {
        if (password == null) {
            endCap();
        } else if (enabled.contains("sasl")) {
            session.write(IrcMessage.of("AUTHENTICATE", "PLAIN"));
        } else {
            session.saslUnsupported();
        }
    }

    private void sendPlain(String secret) {
        // authorization identity empty, authentication identity = the nick the client was configured with
        byte[] raw = ("\0" + session.accountName() + "\0" + secret).getBytes(StandardCharsets.UTF_8);
        String b64 = Base64.getEncoder().encodeToString(raw);
        for (int i = 0; i < b64.length(); i += SASL_CHUNK) {
            session.write(IrcMessage.of("AUTHENTICATE", b64.substring(i, Math.min(b64.length(), i + SASL_CHUNK))));
        }
        if (b64.length() % SASL_CHUNK == 0) {
            session.write(IrcMessage.of("AUTHENTICATE", "+"));
        }
    }

    private void endCap() {
        if (!capEnded) {
            capEnded = true;
            session.write(IrcMessage.of("CAP", "END"));
        }
    }
}
