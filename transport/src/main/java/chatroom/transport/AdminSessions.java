package chatroom.transport;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The admin dashboard's logins, in memory: a random session id (the cookie) maps to the operator, a CSRF token the page
 * sends back in a header, and an expiry that moves on with each use. A restart logs everyone out. Thread-safe: the
 * HTTP event loops read it, the login continuation writes it.
 */
final class AdminSessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    private static final int MAX_SESSIONS = 1_000;

    /** One login. */
    record Login(String oper, String csrf, Instant expires) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Login> byId = new ConcurrentHashMap<>();
    private final InstantSource clock;

    AdminSessions(InstantSource clock) {
        this.clock = clock;
    }

    /** A new login for {@code oper}; returns its session id (the cookie value). */
    String create(String oper) {
        Instant now = clock.instant();
        byId.values().removeIf(l -> l.expires().isBefore(now));
        if (byId.size() >= MAX_SESSIONS) {
            byId.clear(); // bounded; a flood of logins costs the others a new login
        }
        String id = token();
        byId.put(id, new Login(oper, token(), now.plus(IDLE)));
        return id;
    }

    /** The live login for {@code id}, its expiry moved on; null if none or expired. */
    @Nullable
    Login find(@Nullable String id) {
        if (id == null) {
            return null;
        }
        Instant now = clock.instant();
        return byId.computeIfPresent(
                id, (k, l) -> l.expires().isBefore(now) ? null : new Login(l.oper(), l.csrf(), now.plus(IDLE)));
    }

    void remove(String id) {
        byId.remove(id);
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
