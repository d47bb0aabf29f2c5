package chatroom.core.upload;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The upload tokens handed out over IRC ({@code UPLOAD}): an HTTP upload carrying one acts for the nick and account
 * that asked for it, for a few minutes. Hub-owned, like the rest of the server state.
 */
public final class UploadGrants {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final int MAX_PER_USER = 8;

    /** Who a token acts for, until when. */
    public record Grant(String nick, @Nullable String account, Instant expires) {}

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new HashMap<>();

    /** A new token for {@code nick}; the oldest tokens of that nick go when it has many. */
    public String grant(String nick, @Nullable String account, Instant now) {
        expire(now);
        long held = grants.values().stream().filter(g -> g.nick().equals(nick)).count();
        if (held >= MAX_PER_USER) {
            grants.entrySet().stream()
                    .filter(e -> e.getValue().nick().equals(nick))
                    .min(Map.Entry.comparingByValue((a, b) -> a.expires().compareTo(b.expires())))
                    .map(Map.Entry::getKey)
                    .ifPresent(grants::remove);
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        grants.put(token, new Grant(nick, account, now.plus(LIFETIME)));
        return token;
    }

    /** The grant for a token that has not expired, or null. */
    public @Nullable Grant find(String token, Instant now) {
        Grant g = grants.get(token);
        if (g == null || !g.expires().isAfter(now)) {
            return null;
        }
        return g;
    }

    /** Forgets the tokens of a nick that quit or changed nick. */
    public void revoke(String nick) {
        grants.values().removeIf(g -> g.nick().equals(nick));
    }

    private void expire(Instant now) {
        for (Iterator<Grant> it = grants.values().iterator(); it.hasNext(); ) {
            if (!it.next().expires().isAfter(now)) {
                it.remove();
            }
        }
    }
}
