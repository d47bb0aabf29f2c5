package chatroom.core.ban;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** K-lines in a map: for unit tests of the core. Thread-safe. */
public final class InMemoryKlineStore implements KlineStore {
    private final ConcurrentHashMap<String, Kline> klines = new ConcurrentHashMap<>();

    @Override
    public List<Kline> load(Instant now) {
        klines.values().removeIf(k -> k.expired(now));
        return List.copyOf(klines.values());
    }

    @Override
    public void put(Kline kline) {
        klines.put(kline.mask(), kline);
    }

    @Override
    public void remove(String mask) {
        klines.remove(mask);
    }
}
