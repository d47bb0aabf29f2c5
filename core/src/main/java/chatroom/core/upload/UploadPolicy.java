package chatroom.core.upload;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Who may share files and which ones.
 *
 * @param who who may upload
 * @param maxBytes the largest file accepted
 * @param types accepted content types: exact ({@code application/pdf}) or a family ({@code image/*})
 * @param maxAge how long a file is kept (zero: until deleted)
 */
public record UploadPolicy(Who who, long maxBytes, List<String> types, Duration maxAge) {
    public static final UploadPolicy DEFAULT = new UploadPolicy(
            Who.REGISTERED,
            25L << 20,
            List.of("image/*", "audio/*", "video/*", "text/plain", "application/pdf", "application/zip"),
            Duration.ZERO);

    public UploadPolicy {
        types = List.copyOf(types);
    }

    /** Who may upload: nobody, people logged in to an account, or everyone connected. */
    public enum Who {
        OFF,
        REGISTERED,
        EVERYONE
    }

    /** Whether files of this content type (parameters such as {@code ; charset=} ignored) are accepted. */
    public boolean accepts(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (String t : types) {
            if (t.equals(type) || (t.endsWith("/*") && type.startsWith(t.substring(0, t.length() - 1)))) {
                return true;
            }
        }
        return false;
    }
}
