package chatroom.core.room;

import chatroom.protocol.CaseMapping;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A registered room's owner and access list (ChanServ {@code REGISTER}, {@code AMODE}): accounts that get +o or +v
 * when they join. The founder always gets +o. Owned by the hub, like the room.
 */
public final class Registration {
    /** Most entries an access list holds. */
    public static final int MAX_ACCESS = 100;

    private final String founder;
    private final Instant registeredAt;
    private final Map<String, Access> access = new LinkedHashMap<>();

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
