package chatroom.core.account;

import chatroom.core.Confusables;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Accounts in a map: for unit tests of the core. Thread-safe. */
public final class InMemoryAccountStore implements AccountStore {
    private final ConcurrentHashMap<String, Account> accounts = new ConcurrentHashMap<>();
    /** Certificate fingerprint to account (folded), in the order they were added. */
    private final Map<String, String> certificates = Collections.synchronizedMap(new LinkedHashMap<>());

    @Override
    public @Nullable Account find(String folded) {
        return accounts.get(folded);
    }

    @Override
    public @Nullable Account findLike(String skeleton) {
        return accounts.values().stream()
                .filter(a -> Confusables.skeleton(a.name()).equals(skeleton))
                .findFirst()
                .orElse(null);
    }

    @Override
    public synchronized boolean create(Account account) {
        return findLike(Confusables.skeleton(account.name())) == null
                && accounts.putIfAbsent(account.folded(), account) == null;
    }

    @Override
    public boolean changePassword(String folded, String passwordHash, @Nullable ScramCredentials scram) {
        return accounts.computeIfPresent(
                        folded, (k, a) -> new Account(a.name(), a.folded(), passwordHash, a.createdAt(), scram))
                != null;
    }

    @Override
    public void addScram(String folded, String passwordHash, ScramCredentials scram) {
        accounts.computeIfPresent(
                folded,
                (k, a) -> a.scram() == null && a.passwordHash().equals(passwordHash)
                        ? new Account(a.name(), a.folded(), a.passwordHash(), a.createdAt(), scram)
                        : a);
    }

    @Override
    public @Nullable Account findByCertificate(String fingerprint) {
        String folded = certificates.get(fingerprint);
        return folded == null ? null : accounts.get(folded);
    }

    @Override
    public List<String> certificates(String folded) {
        synchronized (certificates) {
            return certificates.entrySet().stream()
                    .filter(e -> e.getValue().equals(folded))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    @Override
    public boolean addCertificate(String folded, String fingerprint, Instant at) {
        return certificates.putIfAbsent(fingerprint, folded) == null;
    }

    @Override
    public boolean removeCertificate(String folded, String fingerprint) {
        return certificates.remove(fingerprint, folded);
    }
}
