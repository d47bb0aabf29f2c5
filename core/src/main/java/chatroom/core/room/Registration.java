package chatroom.core.room;

import chatroom.core.upload.RoomUploads;
import chatroom.protocol.CaseMapping;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A registered room's owner, access list and settings (ChanServ {@code REGISTER}, {@code AMODE}, {@code SET}): accounts
 * that get +o or +v when they join, and who may share files in it. The founder always gets +o. Owned by the hub, like
 * the room; dropping the registration forgets the settings with it.
 */
public final class Registration {
    /** Most entries an access list holds. */
    public static final int MAX_ACCESS = 100;

    private final String founder;
    private final Instant registeredAt;
    private final Map<String, Access> access = new LinkedHashMap<>();
    private RoomUploads uploads = RoomUploads.DEFAULT;

    public Registration(String founder, Instant registeredAt) {
        this.founder = founder;
        this.registeredAt = registeredAt;
    }

    /** One account on the access list and the status it gets: {@code o} or {@code v}. */
    public record Access(String account, char level) {}

    public String founder() {
        return founder;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public boolean isFounder(@Nullable String account) {
        return account != null && CaseMapping.fold(account).equals(CaseMapping.fold(founder));
    }

    /** The status {@code account} gets on joining: {@code o}, {@code v}, or 0 for none. */
    public char levelOf(@Nullable String account) {
        if (account == null) {
            return 0;
        }
        if (isFounder(account)) {
            return 'o';
        }
        Access a = access.get(CaseMapping.fold(account));
        return a == null ? 0 : a.level();
    }

    /** Who may share files in the room ({@link RoomUploads#DEFAULT}: as the server's policy says). */
    public RoomUploads uploads() {
        return uploads;
    }

    public void uploads(RoomUploads rule) {
        uploads = rule;
    }

    public Collection<Access> access() {
        return access.values();
    }

    /** Sets {@code account}'s level; false when the list is full. */
    public boolean grant(String account, char level) {
        String folded = CaseMapping.fold(account);
        if (!access.containsKey(folded) && access.size() >= MAX_ACCESS) {
            return false;
        }
        access.put(folded, new Access(account, level));
        return true;
    }

    /** Removes {@code account} if it has {@code level}; true when something changed. */
    public boolean revoke(String account, char level) {
        String folded = CaseMapping.fold(account);
        Access a = access.get(folded);
        if (a == null || a.level() != level) {
            return false;
        }
        access.remove(folded);
        return true;
    }
}
