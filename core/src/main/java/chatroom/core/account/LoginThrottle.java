package chatroom.core.account;

import chatroom.core.ServerConfig.LoginLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed-login throttling ({@link LoginLimits}): after too many wrong passwords for one account or from one address
 * within the window, further attempts are refused until the oldest failure ages out. This makes guessing a password
 * slow without locking the owner out for long. Hub-owned, no locks; bounded in size.
 */
public final class LoginThrottle {
    private static final int MAX_KEYS = 10_000;

    private final LoginLimits limits;

    private final Map<String, Deque<Instant>> accounts = bounded();
    private final Map<String, Deque<Instant>> addresses = bounded();

    public LoginThrottle(LoginLimits limits) {
        this.limits = limits;
    }

    private static Map<String, Deque<Instant>> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }

    /** How long until {@code account} may be tried again from {@code address}; zero when it may be tried now. */
    public Duration wait(String account, String address, Instant now) {
        Duration a = wait(accounts, account, limits.perAccount(), now);
        Duration b = wait(addresses, address, limits.perAddress(), now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void failed(String account, String address, Instant now) {
        accounts.computeIfAbsent(account, k -> new ArrayDeque<>()).addLast(now);
        addresses.computeIfAbsent(address, k -> new ArrayDeque<>()).addLast(now);
    }

    /** The right password clears the account's failures (the address keeps its own). */
    public void succeeded(String account) {
        accounts.remove(account);
    }

    private Duration wait(Map<String, Deque<Instant>> map, String key, int max, Instant now) {
        Deque<Instant> failures = map.get(key);
        if (failures == null) {
            return Duration.ZERO;
        }
        while (!failures.isEmpty()
                && !failures.peekFirst().plus(limits.window()).isAfter(now)) {
            failures.pollFirst();
        }
        if (failures.isEmpty()) {
            map.remove(key);
            return Duration.ZERO;
        }
        return failures.size() < max
                ? Duration.ZERO
                : Duration.between(now, failures.peekFirst().plus(limits.window()));
    }
}
