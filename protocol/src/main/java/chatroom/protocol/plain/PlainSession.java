package chatroom.protocol.plain;

import chatroom.protocol.IrcMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One telnet connection's translator (STYLE.md §4: a translator onto the same IRC commands, never a second dispatch
 * path). {@link #onLine} turns a typed line into IRC messages or a local reply; {@link #render} turns what the core
 * sends into readable lines. Grammar: docs/plain-protocol.md. Not thread-safe: one event loop owns it.
 */
public final class PlainSession {
    private static final Set<String> HTTP_VERBS = Set.of("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "CONNECT");

    private final PlainRenderer renderer;
    PlainText.Lang lang = PlainText.Lang.EN;

    @Nullable
    String nick;

    @Nullable
    String currentRoom;

    /** Rooms this user is in, folded: lets {@code history lobby} mean the room rather than a person. */
    final Set<String> joined = new java.util.HashSet<>();

    boolean loggedIn;
    private boolean firstLine = true;
    /** A login was sent and has not been answered with a welcome yet. */
    private boolean loginPending;
    /** Lines typed while the login is under way, run once it succeeds (a script types faster than a login takes). */
    private final List<String> held = new ArrayList<>();

    private static final int MAX_HELD = 100;

    public PlainSession(ZoneId zone) {
        this.renderer = new PlainRenderer(this, zone);
    }

    public String greeting(Instant now) {
        return renderer.stamp(now) + "* " + PlainText.get(lang, "greeting");
    }

    public boolean loggedIn() {
        return loggedIn;
    }

    /**
     * Once logged in and in a room (the lobby is joined right after the welcome), the lines typed while the login was
     * under way, each to go through {@link #onLine}; else none.
     */
    public List<String> takeHeld() {
        if (!loggedIn || currentRoom == null || held.isEmpty()) {
            return List.of();
        }
        List<String> lines = List.copyOf(held);
        held.clear();
        return lines;
    }

    public List<String> render(IrcMessage fromServer, Instant now) {
        return renderer.render(fromServer, now);
    }

    public List<PlainAction> onLine(String raw, Instant now) {
        String line = raw.strip();
        boolean first = firstLine;
        firstLine = false;
        if (line.isEmpty()) {
            return List.of();
        }
        // the transport refuses these too; the translator never passes them into an IRC line by itself
        if (line.indexOf('\0') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            return reply(now, PlainText.get(lang, "badCharacters"));
        }
        String[] words = line.split("\\s+", 2);
        String verb = words[0].toLowerCase(Locale.ROOT);
        if (verb.startsWith("/") && verb.length() > 1) {
            verb = verb.substring(1);
        }
        String rest = words.length > 1 ? words[1].strip() : "";
        if (first && HTTP_VERBS.contains(words[0]) && rest.contains("HTTP/")) {
            return List.of(new PlainAction.Close(PlainText.get(lang, "notHttp")));
        }
        switch (verb) {
            case "help" -> {
                return help(rest, now);
            }
            case "lang" -> {
                lang = rest.toLowerCase(Locale.ROOT).startsWith("zh") ? PlainText.Lang.ZH : PlainText.Lang.EN;
                return reply(now, PlainText.get(lang, "lang"));
            }
            case "logout", "quit", "exit" -> {
                return List.of(send("QUIT", "logout"));
            }
            case "login" -> {
                return login(rest, now, false);
            }
            case "register" -> {
                return login(rest, now, true);
            }
            default -> {}
        }
        if (!loggedIn) {
            if (loginPending && held.size() < MAX_HELD) {
                held.add(raw);
                return List.of();
            }
            return reply(now, PlainText.get(lang, "loginFirst"));
        }
        return PlainCommands.translate(this, verb, rest, line, now);
    }

    /**
     * {@code login NAME [PASSWORD]} and {@code register NAME PASSWORD}. With a password, login is SASL PLAIN before
     * the nick (so a registered name is taken by its owner); register creates the account once the name is taken.
     */
    private static final int SASL_CHUNK = 400;

    private List<PlainAction> login(String args, Instant now, boolean register) {
        if (loggedIn) {
            return reply(now, PlainText.get(lang, "alreadyIn", nick == null ? "" : nick));
        }
        String[] w = args.isEmpty() ? new String[0] : args.split("\\s+", 2);
        if (w.length == 0 || (register && w.length < 2)) {
            return reply(now, PlainText.get(lang, register ? "giveNameAndPassword" : "giveName"));
        }
        String n = w[0];
        String password = w.length > 1 ? w[1] : null;
        nick = n;
        List<PlainAction> out = new ArrayList<>();
        if (password != null && !register) {
            String plain = "\0" + n + "\0" + password;
            out.add(send("AUTHENTICATE", "PLAIN"));
            // SASL sends at most 400 bytes per line; a payload of exactly N*400 bytes ends with "+"
            String b64 = Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < b64.length(); i += SASL_CHUNK) {
                out.add(send("AUTHENTICATE", b64.substring(i, Math.min(b64.length(), i + SASL_CHUNK))));
            }
            if (b64.length() % SASL_CHUNK == 0) {
                out.add(send("AUTHENTICATE", "+"));
            }
        }
        // USER before NICK: a refused NICK can be retried with another login, the USER is kept
        if (!userSent) {
            userSent = true;
            out.add(send("USER", n, "0", "*", n));
        }
        out.add(send("NICK", n));
        loginPending = true;
        if (register && password != null) {
            out.add(send("REGISTER", "*", "*", password));
        }
        return out;
    }

    private boolean userSent;

    private List<PlainAction> help(String rest, Instant now) {
        PlainText.Lang l = rest.toLowerCase(Locale.ROOT).startsWith("zh") ? PlainText.Lang.ZH : lang;
        List<PlainAction> out = new ArrayList<>();
        for (String[] h : PlainText.HELP) {
            out.add(new PlainAction.Reply(
                    renderer.stamp(now) + "  " + h[0] + "  -  " + h[l == PlainText.Lang.ZH ? 2 : 1]));
        }
        return out;
    }

    List<PlainAction> reply(Instant now, String text) {
        return List.of(new PlainAction.Reply(renderer.stamp(now) + "! " + text));
    }

    boolean isKnownRoom(String name) {
        return joined.contains(chatroom.protocol.CaseMapping.fold(room(name)));
    }

    static PlainAction send(String command, String... params) {
        return new PlainAction.Send(IrcMessage.of(command, params));
    }

    /** {@code lobby} and {@code #lobby} both name the IRC channel {@code #lobby}. */
    static String room(String name) {
        return name.startsWith("#") ? name : "#" + name;
    }
}
