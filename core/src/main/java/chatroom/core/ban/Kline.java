package chatroom.core.ban;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A server ban. {@code mask} is {@code nick!user@host} with globs (completed from {@code user@host} or a bare host),
 * or {@code $a:account} for everyone logged in to that account. {@code expiresAt} is null for a permanent ban.
 */
public record Kline(
        String mask,
        String reason,
        String setBy,
        Instant setAt,
        @Nullable Instant expiresAt) {
    public static final String ACCOUNT_PREFIX = "$a:";

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }
}
