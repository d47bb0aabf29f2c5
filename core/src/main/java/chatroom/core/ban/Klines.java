package chatroom.core.ban;

import chatroom.core.room.Mask;
import chatroom.protocol.CaseMapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The K-lines in force, by folded mask. Hub-owned, no locks; expired entries drop out as they are looked at. */
public final class Klines {
    private final Map<String, Kline> byMask = new LinkedHashMap<>();

    /**
     * {@code user@host}, a host or a nick completed to a full mask; {@code $a:name} kept with the name folded; null for
     * anything else starting with {@code $}.
     */
    public static @Nullable String normalize(String mask) {
        if (mask.startsWith(Kline.ACCOUNT_PREFIX)) {
            return Kline.ACCOUNT_PREFIX + CaseMapping.fold(mask.substring(Kline.ACCOUNT_PREFIX.length()));
        }
        if (mask.indexOf('@') < 0 && mask.indexOf('!') < 0 && (mask.indexOf('.') >= 0 || mask.indexOf(':') >= 0)) {
            return "*!*@" + mask; // a bare host or address
        }
        String full = Mask.normalize(mask);
        return full == null || full.startsWith("$") ? null : CaseMapping.fold(full);
    }

    public void put(Kline k) {
        byMask.put(k.mask(), k);
    }

    public @Nullable Kline remove(String normalizedMask) {
        return byMask.remove(normalizedMask);
    }

    /** The K-line that bans someone with this mask and account (null if none), as of {@code now}. */
    public @Nullable Kline matching(String userMask, @Nullable String account, Instant now) {
        byMask.values().removeIf(k -> k.expired(now));
        String folded = account == null ? null : Kline.ACCOUNT_PREFIX + CaseMapping.fold(account);
        for (Kline k : byMask.values()) {
            boolean hit = k.mask().startsWith(Kline.ACCOUNT_PREFIX)
                    ? k.mask().equals(folded)
                    : Mask.matches(k.mask(), userMask);
            if (hit) {
                return k;
            }
        }
        return null;
    }

    public List<Kline> all(Instant now) {
        byMask.values().removeIf(k -> k.expired(now));
        return new ArrayList<>(byMask.values());
    }
}
