package chatroom.core.command;

import chatroom.core.Passwords;
import chatroom.core.account.AccountStore;
import chatroom.core.account.ScramCredentials;
import chatroom.core.history.HistoryException;
import chatroom.protocol.CaseMapping;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the owner of an account changes while logged in, through NickServ: {@code SET PASSWORD <new password>} (the
 * bcrypt hash and the SCRAM credentials are replaced together) and the TLS client certificates that SASL EXTERNAL
 * accepts: {@code CERT ADD [<fingerprint>]} (without one: the certificate of this connection), {@code CERT DEL
 * <fingerprint>}, {@code CERT LIST}. Fingerprints are SHA-256, in hex; colons and case do not matter. Store work
 * runs off the hub.
 */
final class AccountSettings {
    static final int MAX_CERTIFICATES = 10;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private AccountSettings() {}

    static void set(Context ctx, List<String> words) {
        String account = ctx.session().account();
        if (account == null) {
            AccountCommands.say(ctx, "You are not logged in");
            return;
        }
        if (words.size() != 2 || !words.getFirst().equalsIgnoreCase("PASSWORD")) {
            AccountCommands.say(ctx, "Usage: SET PASSWORD <new password>");
            return;
        }
        String password = words.get(1);
        if (password.length() < ctx.state().config().minPasswordLength()) {
            AccountCommands.say(ctx, AccountCommands.message(ctx, "WEAK_PASSWORD"));
            return;
        }
        AccountStore accounts = ctx.state().accounts();
        String folded = CaseMapping.fold(account);
        run(
                ctx,
                () -> accounts.changePassword(folded, Passwords.hash(password), ScramCredentials.derive(password))
                        ? "Password changed"
                        : "You are not logged in",
                AccountCommands::say);
    }

    static void cert(Context ctx, List<String> words) {
        String account = ctx.session().account();
        if (account == null) {
            AccountCommands.say(ctx, "You are not logged in");
            return;
        }
        String verb = words.isEmpty() ? "" : words.getFirst().toUpperCase(Locale.ROOT);
        String given = words.size() == 2 ? normalise(words.get(1)) : null;
        AccountStore accounts = ctx.state().accounts();
        String folded = CaseMapping.fold(account);
        switch (verb) {
            case "LIST" ->
                run(ctx, () -> accounts.certificates(folded), (c, list) -> {
                    if (list.isEmpty()) {
                        AccountCommands.say(c, "No certificate fingerprints on the account " + account);
                    }
                    for (String fp : list) {
                        AccountCommands.say(c, "Certificate fingerprint: " + fp);
                    }
                });
            case "ADD" -> {
                String fp = words.size() == 1 ? ctx.session().connection().certificateFingerprint() : given;
                if (fp == null || words.size() > 2) {
                    AccountCommands.say(
                            ctx,
                            words.size() == 1
                                    ? "This connection has no TLS client certificate; give a fingerprint: CERT ADD"
                                            + " <fingerprint>"
                                    : "Usage: CERT ADD [<SHA-256 fingerprint in hex>]");
                    return;
                }
                Instant now = ctx.state().now();
                run(ctx, () -> add(accounts, folded, fp, now), AccountCommands::say);
            }
            case "DEL" -> {
                if (given == null) {
                    AccountCommands.say(ctx, "Usage: CERT DEL <SHA-256 fingerprint in hex>");
                    return;
                }
                run(
                        ctx,
                        () -> accounts.removeCertificate(folded, given)
                                ? "Certificate fingerprint " + given + " removed from your account"
                                : "Your account has no certificate fingerprint " + given,
                        AccountCommands::say);
            }
            default -> AccountCommands.say(ctx, "Usage: CERT ADD [fingerprint] | CERT DEL <fingerprint> | CERT LIST");
        }
    }

    private static String add(AccountStore accounts, String folded, String fp, Instant now) {
        if (accounts.certificates(folded).size() >= MAX_CERTIFICATES) {
            return "Your account has " + MAX_CERTIFICATES + " certificate fingerprints already; remove one first";
        }
        return accounts.addCertificate(folded, fp, now)
                ? "Certificate fingerprint " + fp + " added to your account"
                : "That certificate fingerprint is already on an account";
    }

    /** {@code AB:CD:...} or {@code abcd...} as 64 lowercase hex digits, or null when it is not a SHA-256 fingerprint. */
    static @Nullable String normalise(String fingerprint) {
        String fp = fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
        return SHA256_HEX.matcher(fp).matches() ? fp : null;
    }

    /** Runs store work off the hub; a store failure is told to the person instead of the result. */
    private static <T> void run(Context ctx, Supplier<T> work, java.util.function.BiConsumer<Context, T> then) {
        ctx.offload(
                () -> {
                    try {
                        return new Result<T>(work.get());
                    } catch (HistoryException e) {
                        return new Result<T>(null);
                    }
                },
                (c, result) -> {
                    T value = result.value();
                    if (value == null) {
                        AccountCommands.say(c, AccountCommands.message(c, "TEMPORARILY_UNAVAILABLE"));
                    } else {
                        then.accept(c, value);
                    }
                });
    }

    private record Result<T>(@Nullable T value) {}
}
