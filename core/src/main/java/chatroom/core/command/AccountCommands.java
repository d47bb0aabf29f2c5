package chatroom.core.command;

import chatroom.core.Passwords;
import chatroom.core.ServerConfig;
import chatroom.core.account.Account;
import chatroom.core.account.AccountStore;
import chatroom.core.account.LoginThrottle;
import chatroom.core.account.ScramCredentials;
import chatroom.core.history.HistoryException;
import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.Numeric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code REGISTER <account> <email> <password>} (https://ircv3.net/specs/extensions/account-registration) and the
 * classic {@code NickServ REGISTER <password>} / {@code IDENTIFY [<account>] <password>} for clients that only send
 * PRIVMSGs (also as {@code NS ...}). An account is named after the nick it is registered with; hashing and storing
 * run off the hub.
 */
final class AccountCommands {
    static final String NICKSERV = "NickServ";
    private static final Logger log = LoggerFactory.getLogger(AccountCommands.class);

    private AccountCommands() {}

    /** {@code REGISTER <account> <email> <password>}; before connecting too, if so configured. */
    static void register(Context ctx) {
        Session s = ctx.session();
        ServerConfig config = ctx.state().config();
        String account = ctx.param(0);
        String nick = s.registered() ? ctx.user().nick().display() : s.attemptedNick();
        String name = account.equals("*") && nick != null ? nick : account;
        String problem = config.registration() == ServerConfig.Registration.OFF
                ? "DISALLOWED"
                : !s.registered() && config.registration() == ServerConfig.Registration.AFTER_CONNECT
                        ? "COMPLETE_CONNECTION_REQUIRED"
                        : nick == null ? "NEED_NICK" : problem(ctx, nick, name);
        if (problem == null
                && config.registrationNeedsEmail()
                && !EMAIL.matcher(ctx.param(1)).matches()) {
            problem = "INVALID_EMAIL";
        }
        if (problem == null && ctx.param(2).length() < config.minPasswordLength()) {
            problem = "WEAK_PASSWORD";
        }
        if (problem != null) {
            fail(ctx, problem, name, message(ctx, problem));
            return;
        }
        create(ctx, name, ctx.param(2), (c, result) -> {
            if (result.equals("ok")) {
                c.replyRaw(IrcMessage.from(c.serverName(), "REGISTER", "SUCCESS", name, "Account created"));
                loggedIn(c, name, c.state().now());
            } else {
                fail(c, result, name, message(c, result));
            }
        });
    }

    /** Only the shape: something@something.something. */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * Why {@code name} cannot be registered by someone using {@code nick}, as a standard-reply code, or null. Nobody
     * registers a nick that another person is using right now (no land grabs).
     */
    private static @Nullable String problem(Context ctx, String nick, String name) {
        if (ctx.session().account() != null) {
            return "ALREADY_AUTHENTICATED";
        }
        if (!CaseMapping.fold(name).equals(CaseMapping.fold(nick))) {
            return "ACCOUNT_NAME_MUST_BE_NICK";
        }
        User holder = ctx.state().user(name);
        if (holder != null && holder != ctx.session().user()) {
            return "ACCOUNT_EXISTS";
        }
        return null;
    }

    static String message(Context ctx, String code) {
        return switch (code) {
            case "ALREADY_AUTHENTICATED" -> "You are already logged in";
            case "ACCOUNT_NAME_MUST_BE_NICK" -> "An account is registered under your current nick";
            case "WEAK_PASSWORD" ->
                "Passwords must have at least " + ctx.state().config().minPasswordLength() + " characters";
            case "ACCOUNT_EXISTS" -> "That name is already registered or in use";
            case "INVALID_EMAIL" -> "Give an email address to register";
            case "NEED_NICK" -> "Choose a nick (NICK) first; the account takes its name";
            case "COMPLETE_CONNECTION_REQUIRED" -> "Finish connecting (NICK and USER) before REGISTER";
            case "DISALLOWED" -> "This server does not let people register accounts themselves";
            default -> "Accounts are unavailable right now; try again later";
        };
    }

    /** Hashes and stores off the hub; {@code then} gets "ok", "ACCOUNT_EXISTS" or "TEMPORARILY_UNAVAILABLE". */
    private static void create(
            Context ctx, String name, String password, java.util.function.BiConsumer<Context, String> then) {
        AccountStore accounts = ctx.state().accounts();
        String folded = CaseMapping.fold(name);
        java.time.Instant now = ctx.state().now();
        ctx.offload(
                () -> {
                    try {
                        if (accounts.find(folded) != null) {
                            return "ACCOUNT_EXISTS";
                        }
                        Account a = new Account(
                                name, folded, Passwords.hash(password), now, ScramCredentials.derive(password));
                        return accounts.create(a) ? "ok" : "ACCOUNT_EXISTS";
                    } catch (HistoryException e) {
                        return "TEMPORARILY_UNAVAILABLE";
                    }
                },
                then);
    }

    /**
     * Checks a name and password off the hub; {@code then} gets the account's name as registered, or null when the
     * account does not exist or the password is wrong (one answer for both, so names cannot be probed). Too many
     * failures for the account or from the address in a while are refused without checking ({@link LoginThrottle}).
     */
    static void verify(Context ctx, String name, String password, java.util.function.BiConsumer<Context, Check> then) {
        AccountStore accounts = ctx.state().accounts();
        LoginThrottle throttle = ctx.state().loginThrottle();
        String folded = CaseMapping.fold(name);
        String address = ctx.session().connection().remoteAddress();
        java.time.Duration wait = throttle.wait(folded, address, ctx.state().now());
        if (!wait.isZero()) {
            then.accept(ctx, new Check(null, Instant.EPOCH, false, wait));
            return;
        }
        ctx.offload(
                () -> {
                    try {
                        Account a = accounts.find(folded);
                        if (a == null || !Passwords.verify(password, a.passwordHash())) {
                            return new Check(null, Instant.EPOCH, false, java.time.Duration.ZERO);
                        }
                        if (a.scram() == null) {
                            addScram(accounts, a, password);
                        }
                        return new Check(a.name(), a.createdAt(), false, java.time.Duration.ZERO);
                    } catch (HistoryException e) {
                        return new Check(null, Instant.EPOCH, true, java.time.Duration.ZERO);
                    }
                },
                (c, check) -> {
                    if (check.account() != null) {
                        throttle.succeeded(folded);
                    } else if (!check.unavailable()) {
                        throttle.failed(folded, address, c.state().now());
                    }
                    then.accept(c, check);
                });
    }

    /**
     * An account made before SCRAM gets its credentials the first time its password is seen again; if that fails the
     * login still counts (SCRAM waits for the next one).
     */
    private static void addScram(AccountStore accounts, Account a, String password) {
        ScramCredentials scram = ScramCredentials.derive(password);
        if (scram == null) {
            return;
        }
        try {
            accounts.addScram(a.folded(), a.passwordHash(), scram);
        } catch (HistoryException e) {
            log.warn("cannot add SCRAM credentials to the account {}: {}", a.name(), e.getMessage());
        }
    }

    /** The outcome of a check: the account name, or null; {@code unavailable} when the store failed. */
    record Check(@Nullable String account, Instant createdAt, boolean unavailable, java.time.Duration retryAfter) {
        /** Why it failed, in words for the person. */
        String failure() {
            if (unavailable) {
                return "Accounts are unavailable right now; try again later";
            }
            if (!retryAfter.isZero()) {
                return "Too many failed logins; try again in " + Math.max(1, (retryAfter.toSeconds() + 59) / 60)
                        + " minutes";
            }
            return "Invalid account or password";
        }
    }

    /** Logs the caller in: 900 to them, ACCOUNT to everyone who shares a room and has account-notify. */
    static void loggedIn(Context ctx, String account, Instant createdAt) {
        Session s = ctx.session();
        s.account(account, createdAt);
        User u = s.user();
        String mask = u != null
                ? u.mask()
                : s.replyNick() + "!" + Objects.requireNonNullElse(s.username(), "*") + "@"
                        + s.connection().remoteAddress();
        ctx.reply(Numeric.RPL_LOGGEDIN, mask, account, "You are now logged in as " + account);
        if (u != null) {
            var kline = KlineCommands.banning(ctx.state(), u.mask(), account);
            if (kline != null) {
                KlineCommands.disconnect(ctx, u, kline);
                return;
            }
            u.account(account, createdAt);
            IrcMessage notice = IrcMessage.from(u.mask(), "ACCOUNT", account);
            ctx.deliver(
                    ctx.state().neighbours(u, true).stream()
                            .filter(x -> x.has(Capability.ACCOUNT_NOTIFY))
                            .toList(),
                    notice);
        }
    }

    /** {@code PRIVMSG NickServ :<command> ...} and {@code NS <command> ...}. */
    static void nickserv(Context ctx, String text) {
        List<String> words = new ArrayList<>(List.of(text.strip().split("\\s+")));
        String verb = words.isEmpty() ? "" : words.removeFirst().toUpperCase(Locale.ROOT);
        switch (verb) {
            case "REGISTER" -> nsRegister(ctx, words);
            case "IDENTIFY", "LOGIN" -> nsIdentify(ctx, words);
            case "SET" -> AccountSettings.set(ctx, words);
            case "CERT" -> AccountSettings.cert(ctx, words);
            default ->
                say(
                        ctx,
                        "Commands: REGISTER <password> [email], IDENTIFY [account] <password>, SET PASSWORD"
                                + " <new password>, CERT ADD [fingerprint] | CERT DEL <fingerprint> | CERT LIST");
        }
    }

    private static void nsRegister(Context ctx, List<String> words) {
        User me = ctx.user();
        String name = me.nick().display();
        if (words.isEmpty()) {
            say(ctx, "Usage: REGISTER <password> [email]");
            return;
        }
        String problem = ctx.state().config().registration() == ServerConfig.Registration.OFF
                ? "DISALLOWED"
                : problem(ctx, name, name);
        if (problem == null && words.getFirst().length() < ctx.state().config().minPasswordLength()) {
            problem = "WEAK_PASSWORD";
        }
        if (problem != null) {
            say(ctx, message(ctx, problem));
            return;
        }
        create(ctx, name, words.getFirst(), (c, result) -> {
            if (result.equals("ok")) {
                say(c, "Account created");
                loggedIn(c, name, c.state().now());
            } else {
                say(c, message(c, result));
            }
        });
    }

    private static void nsIdentify(Context ctx, List<String> words) {
        if (words.isEmpty() || words.size() > 2) {
            say(ctx, "Usage: IDENTIFY [account] <password>");
            return;
        }
        if (ctx.session().account() != null) {
            say(ctx, message(ctx, "ALREADY_AUTHENTICATED"));
            return;
        }
        String name = words.size() == 2 ? words.get(0) : ctx.user().nick().display();
        verify(ctx, name, words.getLast(), (c, result) -> {
            if (result.account() != null) {
                say(c, "You are now logged in as " + result.account());
                loggedIn(c, result.account(), result.createdAt());
            } else {
                say(c, result.failure());
            }
        });
    }

    /** A NOTICE from NickServ to the caller. */
    static void say(Context ctx, String text) {
        ctx.serviceNotice(NICKSERV, text);
    }

    private static void fail(Context ctx, String code, String account, String text) {
        ctx.replyRaw(IrcMessage.from(ctx.serverName(), "FAIL", "REGISTER", code, account, text));
    }
}
