package chatroom.protocol.plain;

import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders what the core sends as lines a person reads: {@code [12:00:01] [lobby] alice: hello}. Every line starts
 * with its time (the server's {@code time} tag when present). Multi-line replies (NAMES, WHO, LIST) become one line.
 */
final class PlainRenderer {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final PlainSession s;
    private final ZoneId zone;
    private final List<String> names = new ArrayList<>();
    private final List<String> who = new ArrayList<>();
    private final List<String> rooms = new ArrayList<>();

    PlainRenderer(PlainSession session, ZoneId zone) {
        this.s = session;
        this.zone = zone;
    }

    String stamp(Instant t) {
        return "[" + CLOCK.format(t.atZone(zone)) + "] ";
    }

    List<String> render(IrcMessage m, Instant now) {
        if (m.command().equals("BATCH")) {
            return batch(m, now);
        }
        String batch = m.tag("batch");
        History h = batch == null ? null : histories.get(batch);
        if (h != null) {
            return replayed(h, m, now);
        }
        String line = line(m);
        return line == null ? List.of() : List.of(stamp(timeOf(m, now)) + line);
    }

    /** An open {@code chathistory} batch: its target and how many lines it held. */
    private static final class History {
        final String target;
        int lines;

        History(String target) {
            this.target = target;
        }
    }

    private final java.util.Map<String, History> histories = new java.util.HashMap<>();

    /** https://ircv3.net/specs/extensions/batch: a chathistory batch is framed by a header and a footer line. */
    private List<String> batch(IrcMessage m, Instant now) {
        String ref = m.param(0);
        if (ref.startsWith("+") && m.param(1).equals("chathistory")) {
            History h = new History(plain(m.param(2)));
            histories.put(ref.substring(1), h);
            return List.of(stamp(now) + "* " + PlainText.get(s.lang, "historyStart", h.target));
        }
        History h = ref.startsWith("-") ? histories.remove(ref.substring(1)) : null;
        return h == null
                ? List.of()
                : List.of(stamp(now) + "* " + PlainText.get(s.lang, "historyEnd", h.target, h.lines));
    }

    /**
     * A line from history, marked as such. It is rendered as it was said, but it must not change who the user is now
     * or which room they are in, so the session's view is put back afterwards.
     */
    private List<String> replayed(History h, IrcMessage m, Instant now) {
        String nick = s.nick;
        String room = s.currentRoom;
        var joined = java.util.Set.copyOf(s.joined);
        String line = line(m);
        s.nick = nick;
        s.currentRoom = room;
        s.joined.clear();
        s.joined.addAll(joined);
        if (line == null) {
            return List.of();
        }
        h.lines++;
        return List.of(stamp(timeOf(m, now)) + verb("(history) ", "（历史）") + line);
    }

    private static Instant timeOf(IrcMessage m, Instant now) {
        String t = m.tag("time");
        if (t != null) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                return now;
            }
        }
        return now;
    }

    private @org.jspecify.annotations.Nullable String line(IrcMessage m) {
        String from = nickOf(m.source());
        boolean me = s.nick != null && CaseMapping.fold(from).equals(CaseMapping.fold(s.nick));
        String who = me ? you() : from;
        return switch (m.command()) {
            case "PRIVMSG", "NOTICE" -> message(m, from, me);
            case "JOIN" -> {
                // typed lines go to the current room: only a well-formed room name (our server sends no other) becomes
                // it
                if (me && CaseMapping.channelError(m.param(0), Integer.MAX_VALUE) == null) {
                    s.currentRoom = m.param(0);
                    s.joined.add(CaseMapping.fold(m.param(0)));
                }
                yield "* " + who + verb(" joined ", " 加入了 ") + plain(m.param(0));
            }
            case "PART" -> {
                if (me && m.param(0).equalsIgnoreCase(String.valueOf(s.currentRoom))) {
                    s.currentRoom = null;
                }
                if (me) {
                    s.joined.remove(CaseMapping.fold(m.param(0)));
                }
                yield "* " + who + verb(" left ", "离开了 ") + plain(m.param(0)) + reason(m.param(1));
            }
            case "QUIT" -> "* " + who + verb(" quit", "退出了") + reason(m.param(0));
            case "NICK" -> {
                if (me) {
                    s.nick = m.param(0);
                }
                yield "* " + who + (me ? verb(" are now known as ", " 改名为 ") : verb(" is now known as ", " 改名为 "))
                        + m.param(0);
            }
            case "TOPIC" -> "* " + who + verb(" set the topic of ", " 设置了主题 ") + plain(m.param(0)) + ": " + m.param(1);
            case "KICK" -> {
                boolean victim = s.nick != null && CaseMapping.fold(m.param(1)).equals(CaseMapping.fold(s.nick));
                if (victim && m.param(0).equalsIgnoreCase(String.valueOf(s.currentRoom))) {
                    s.currentRoom = null;
                }
                if (victim) {
                    s.joined.remove(CaseMapping.fold(m.param(0)));
                }
                yield "* " + (victim ? you() + verb(" were", "") : m.param(1) + verb(" was", ""))
                        + verb(" kicked from ", " 被踢出 ") + plain(m.param(0))
                        + verb(" by ", "，操作者 ") + who + reason(m.param(2));
            }
            case "MODE" ->
                "* " + who + verb(" sets mode ", " 设置模式 ")
                        + String.join(" ", m.params().subList(Math.min(1, m.paramCount()), m.paramCount()))
                        + verb(" on ", " 于 ")
                        + plain(m.param(0));
            case "INVITE" -> "* " + who + verb(" invites you to ", " 邀请你加入 ") + plain(m.param(1));
            case "ERROR" -> "! " + verb("Disconnected: ", "连接已断开：") + m.param(0);
            // a non-binary telnet client mangles UTF-8 as it is typed (docs/plain-protocol.md, "Telnet")
            case "FAIL" ->
                "! "
                        + (m.paramCount() > 2 && m.param(1).equals("INVALID_UTF8")
                                ? PlainText.get(s.lang, "notUtf8")
                                : m.param(m.paramCount() - 1));
            case "PING", "PONG", "CAP", "AWAY", "SETNAME", "AUTHENTICATE", "ACCOUNT" -> null;
            case "REGISTER" -> "* " + PlainText.get(s.lang, "registered", m.param(1), m.param(1));
            default -> numeric(m);
        };
    }

    private String message(IrcMessage m, String from, boolean me) {
        String target = m.param(0);
        String text = m.param(1);
        String notice = m.command().equals("NOTICE") ? "-" : "";
        if (text.startsWith("\u0001ACTION ") && text.endsWith("\u0001")) {
            String action = text.substring(8, text.length() - 1);
            return CaseMapping.isChannel(target)
                    ? "[" + plain(target) + "] * " + from + " " + action
                    : "* " + from + " " + action;
        }
        if (CaseMapping.isChannel(target)) {
            return "[" + plain(target) + "] " + notice + from + notice + ": " + text;
        }
        if (m.source() == null || m.source().indexOf('!') < 0) {
            return "-" + verb("notice", "通知") + "- " + text;
        }
        if (from.equals(PlainCommands.NICKSERV)) {
            String said = nickServ(text);
            if (said != null) {
                return said;
            }
        }
        return (me ? you() + " -> " + target : from + " -> " + you()) + ": " + text;
    }

    private static final java.util.regex.Pattern WEAK_PASSWORD =
            java.util.regex.Pattern.compile("Passwords must have at least (\\d+) characters");

    /** NickServ's answers to {@code password NEW} in the user's language; null for anything else NickServ says. */
    private @org.jspecify.annotations.Nullable String nickServ(String text) {
        java.util.regex.Matcher weak = WEAK_PASSWORD.matcher(text);
        return switch (text) {
            case "Password changed" -> "* " + PlainText.get(s.lang, "passwordChanged");
            case "You are not logged in" -> "! " + PlainText.get(s.lang, "notLoggedIn");
            default -> weak.matches() ? "! " + PlainText.get(s.lang, "weakPassword", weak.group(1)) : null;
        };
    }

    private @org.jspecify.annotations.Nullable String numeric(IrcMessage m) {
        String code = m.command();
        if (!code.matches("\\d{3}")) {
            return null;
        }
        String last = m.param(m.paramCount() - 1);
        return switch (code) {
            case "001" -> {
                s.loggedIn = true;
                s.nick = m.param(0);
                yield "* " + PlainText.get(s.lang, "welcome", m.param(0));
            }
            case "372" -> "  " + (last.startsWith("- ") ? last.substring(2) : last);
            case "353" -> {
                for (String n : m.param(3).split(" ")) {
                    if (!n.isEmpty()) {
                        names.add(n);
                    }
                }
                yield null;
            }
            case "366" -> collect(verb("In ", "在 ") + plain(m.param(1)) + ": ", names);
            case "352" -> {
                who.add(m.param(5));
                yield null;
            }
            case "315" -> collect(verb("Online (" + who.size() + "): ", "在线（" + who.size() + "）："), who);
            case "322" -> {
                rooms.add(plain(m.param(1)) + " (" + m.param(2) + ")"
                        + (m.param(3).isEmpty() ? "" : " - " + m.param(3)));
                yield null;
            }
            case "323" -> collect(verb("Rooms: ", "房间："), rooms);
            case "332" -> verb("Topic of ", "主题 ") + plain(m.param(1)) + ": " + last;
            case "301" -> "* " + m.param(1) + verb(" is away: ", " 暂时离开：") + last;
            case "305", "306", "341" -> "* " + last;
            case "433" ->
                "! "
                        + (last.contains("registered")
                                ? PlainText.get(s.lang, "nameRegistered", m.param(1), m.param(1))
                                : PlainText.get(s.lang, "nameTaken", m.param(1)));
            case "900" -> "* " + PlainText.get(s.lang, "loggedIn", m.param(2));
            case "904" -> "! " + PlainText.get(s.lang, "badPassword");
            case "903" -> null;
            case "432" -> "! " + PlainText.get(s.lang, "nameBad", last);
            case "401", "403" -> "! " + PlainText.get(s.lang, "noSuch", m.param(1));
            case "404" -> "! " + PlainText.get(s.lang, "cannotSend", plain(m.param(1)));
            case "442" -> "! " + PlainText.get(s.lang, "notIn", plain(m.param(1)));
            case "482" -> "! " + PlainText.get(s.lang, "needOp", plain(m.param(1)));
            case "471", "473", "474", "475" -> "! " + PlainText.get(s.lang, "cannotJoin", plain(m.param(1)), last);
            default -> code.charAt(0) == '4' || code.charAt(0) == '5' ? "! " + last : null;
        };
    }

    private static @org.jspecify.annotations.Nullable String collect(String head, List<String> items) {
        String line = head + String.join(", ", items);
        items.clear();
        return line;
    }

    private String you() {
        return verb("you", "你");
    }

    private String verb(String en, String zh) {
        return s.lang == PlainText.Lang.ZH ? zh : en;
    }

    private static String reason(String r) {
        return r.isEmpty() ? "" : " (" + r + ")";
    }

    /** Rooms are shown without the IRC {@code #}: {@code #lobby} is {@code lobby}. */
    static String plain(String room) {
        return room.startsWith("#") ? room.substring(1) : room;
    }

    private static String nickOf(@org.jspecify.annotations.Nullable String source) {
        if (source == null) {
            return "";
        }
        int bang = source.indexOf('!');
        return bang < 0 ? source : source.substring(0, bang);
    }
}
