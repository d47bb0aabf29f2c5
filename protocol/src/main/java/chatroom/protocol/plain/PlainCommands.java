package chatroom.protocol.plain;

import java.time.Instant;
import java.util.List;

/** The commands of a logged-in plain-text user, each mapped to the IRC message an IRC client would send. */
final class PlainCommands {
    /** Account services: the core answers their commands with NOTICEs from this name. */
    static final String NICKSERV = "NickServ";

    private PlainCommands() {}

    static List<PlainAction> translate(PlainSession s, String verb, String rest, String line, Instant now) {
        return switch (verb) {
            case "say" -> say(s, rest, now);
            case "look" ->
                s.currentRoom == null
                        ? s.reply(now, PlainText.get(s.lang, "noRoom"))
                        : List.of(PlainSession.send("NAMES", s.currentRoom));
            case "rooms" -> List.of(PlainSession.send("LIST"));
            case "list" -> list(s, rest, now);
            case "join" ->
                rest.isEmpty()
                        ? usage(s, now, "join ROOM")
                        : List.of(PlainSession.send("JOIN", PlainSession.room(firstWord(rest))));
            case "leave", "part" -> leave(s, rest, now);
            case "create" -> create(s, rest, now);
            case "send" -> sendCommand(s, rest, now);
            case "msg" -> whisper(s, rest, now);
            case "nick" ->
                rest.isEmpty() ? usage(s, now, "nick NEW") : List.of(PlainSession.send("NICK", firstWord(rest)));
            case "topic" ->
                s.currentRoom == null
                        ? s.reply(now, PlainText.get(s.lang, "noRoom"))
                        : List.of(PlainSession.send("TOPIC", s.currentRoom, rest));
            case "history" -> history(s, rest, now);
            case "password" ->
                rest.isEmpty() || rest.contains(" ")
                        ? usage(s, now, "password NEW")
                        : List.of(PlainSession.send("PRIVMSG", NICKSERV, "SET PASSWORD " + rest));
            case "away" ->
                rest.isEmpty() ? List.of(PlainSession.send("AWAY")) : List.of(PlainSession.send("AWAY", rest));
            default -> line.startsWith("@") ? whisper(s, line.substring(1), now) : say(s, line, now);
        };
    }

    private static List<PlainAction> say(PlainSession s, String text, Instant now) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (s.currentRoom == null) {
            return s.reply(now, PlainText.get(s.lang, "noRoom"));
        }
        return List.of(PlainSession.send("PRIVMSG", s.currentRoom, text));
    }

    private static List<PlainAction> list(PlainSession s, String rest, Instant now) {
        String what = firstWord(rest);
        if (what.startsWith("user")) {
            return List.of(PlainSession.send("WHO", "*"));
        }
        if (what.startsWith("room")) {
            return List.of(PlainSession.send("LIST"));
        }
        return usage(s, now, "list users | list rooms");
    }

    private static List<PlainAction> leave(PlainSession s, String rest, Instant now) {
        String room = rest.isEmpty() ? s.currentRoom : PlainSession.room(firstWord(rest));
        if (room == null) {
            return s.reply(now, PlainText.get(s.lang, "noRoom"));
        }
        return List.of(PlainSession.send("PART", room));
    }

    /** {@code create room ROOM [alice,bob]}. */
    private static List<PlainAction> create(PlainSession s, String rest, Instant now) {
        String[] w = rest.split("\\s+");
        if (w.length < 2 || !w[0].equalsIgnoreCase("room")) {
            return usage(s, now, "create room ROOM alice,bob");
        }
        String room = PlainSession.room(w[1]);
        return w.length > 2
                ? List.of(PlainSession.send("CREATE", room, w[2]))
                : List.of(PlainSession.send("CREATE", room));
    }

    /** {@code send message alice,bob TEXT} whispers; {@code send ROOM TEXT} speaks in a room. */
    private static List<PlainAction> sendCommand(PlainSession s, String rest, Instant now) {
        String[] w = rest.split("\\s+", 3);
        if (w.length >= 3 && w[0].equalsIgnoreCase("message")) {
            return List.of(PlainSession.send("PRIVMSG", w[1], w[2]));
        }
        String[] roomAndText = rest.split("\\s+", 2);
        if (roomAndText.length < 2 || roomAndText[0].isEmpty()) {
            return usage(s, now, "send ROOM TEXT | send message alice,bob TEXT");
        }
        return List.of(PlainSession.send("PRIVMSG", PlainSession.room(roomAndText[0]), roomAndText[1]));
    }

    /** {@code @bob TEXT}, {@code @alice,bob TEXT}, {@code /msg bob TEXT}. */
    private static List<PlainAction> whisper(PlainSession s, String rest, Instant now) {
        String[] w = rest.split("\\s+", 2);
        if (w.length < 2 || w[0].isEmpty() || w[1].isBlank()) {
            return usage(s, now, "@bob TEXT");
        }
        return List.of(PlainSession.send("PRIVMSG", w[0], w[1]));
    }

    /** {@code history [ROOM|NAME] [N]}: the last N lines of a room (default: the current one) or of a whisper. */
    private static List<PlainAction> history(PlainSession s, String rest, Instant now) {
        String target = s.currentRoom;
        int n = DEFAULT_HISTORY;
        for (String w : rest.isEmpty() ? new String[0] : rest.split("\\s+")) {
            if (w.matches("\\d{1,6}")) {
                n = Math.max(1, Integer.parseInt(w));
            } else {
                target = w;
            }
        }
        if (target == null) {
            return usage(s, now, "history [ROOM|NAME] [N]");
        }
        // a bare word is a room when such a room exists in the user's view: "history lobby" means #lobby
        boolean isRoom = target.startsWith("#") || (!rest.isEmpty() && s.isKnownRoom(target));
        return List.of(PlainSession.send(
                "CHATHISTORY", "LATEST", isRoom ? PlainSession.room(target) : target, "*", Integer.toString(n)));
    }

    static final int DEFAULT_HISTORY = 20;

    private static List<PlainAction> usage(PlainSession s, Instant now, String usage) {
        return s.reply(now, PlainText.get(s.lang, "usage", usage));
    }

    private static String firstWord(String s) {
        return s.split("\\s+")[0];
    }
}
