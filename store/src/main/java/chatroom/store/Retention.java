package chatroom.store;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How long history is kept: events older than {@code maxAge} and all but the newest {@code maxPerConversation} of a
 * room or whisper pair are deleted (null and 0 mean no limit; the default keeps everything).
 */
public record Retention(@Nullable Duration maxAge, int maxPerConversation) {
    public static final Retention KEEP_EVERYTHING = new Retention(null, 0);

    public Retention {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("history max age must be positive, not " + maxAge);
        }
        if (maxPerConversation < 0) {
            throw new IllegalArgumentException("history max per room must be 0 (no limit) or more");
        }
    }

    public boolean keepsEverything() {
        return maxAge == null && maxPerConversation == 0;
    }
}
