package chatroom.core.upload;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A shared file's metadata. Its bytes are kept once per content ({@code sha256}), however often it is shared.
 *
 * @param id the random, unguessable name in its URL
 * @param name the file name the uploader gave (shown, never used as a path)
 * @param uploaderAccount the uploader's account, or null when not logged in
 */
public record Upload(
        String id,
        String sha256,
        String name,
        String contentType,
        long size,
        String uploaderNick,
        @Nullable String uploaderAccount,
        Instant createdAt) {

    /** Whether {@code nick}/{@code account} uploaded it: the same account, or the same nick when it had none. */
    public boolean uploadedBy(String nick, @Nullable String account) {
        return uploaderAccount != null ? uploaderAccount.equals(account) : uploaderNick.equals(nick);
    }
}
