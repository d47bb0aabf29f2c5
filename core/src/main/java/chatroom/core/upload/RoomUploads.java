package chatroom.core.upload;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A registered room's rule for who may share files in it (ChanServ {@code SET <#room> UPLOADS <value>}). Anything but
 * {@link #DEFAULT} replaces the server's {@link UploadPolicy#who()} for tokens asked for that room, looser or
 * stricter; the server's {@link UploadPolicy.Who#OFF} still wins.
 */
public enum RoomUploads {
    /** Follow the server's policy. */
    DEFAULT("whoever the server's policy allows"),
    /** Anyone connected, guests too. */
    EVERYONE("anyone connected"),
    /** People logged in to an account. */
    REGISTERED("people logged in to an account"),
    /** Operators and voiced members of the room. */
    VOICED("operators and voiced members of the room"),
    /** Nobody. */
    OFF("nobody");

    private final String who;

    RoomUploads(String who) {
        this.who = who;
    }

    /** The value as typed and kept: {@code default}, {@code everyone}, {@code registered}, {@code voiced}, {@code off}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Who may share files under this rule, as words for a sentence. */
    public String who() {
        return who;
    }

    /** The rule named {@code word} (any case), or null when there is none of that name. */
    public static @Nullable RoomUploads parse(String word) {
        for (RoomUploads r : values()) {
            if (r.word().equalsIgnoreCase(word)) {
                return r;
            }
        }
        return null;
    }
}
