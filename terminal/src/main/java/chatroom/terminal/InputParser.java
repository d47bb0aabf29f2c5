package chatroom.terminal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Understands a typed line: {@code /command args}, {@code @nick text} (a whisper), {@code alice,bob: text} (a whisper
 * to each), or plain text for the current room. {@code //text} says {@code /text}.
 */
final class InputParser {
    static final List<String> COMMANDS = List.of(
            "/join",
            "/part",
            "/msg",
            "/me",
            "/topic",
            "/who",
            "/users",
            "/rooms",
            "/history",
            "/away",
            "/nick",
            "/quit",
            "/help");

    static final int DEFAULT_HISTORY = 20;

    /** {@code alice,bob: text}: two or more nicks separated by commas, then a colon. */
    private static final Pattern SEVERAL =
            Pattern.compile("^([^\\s,:#&@/]+(?:,[^\\s,:#&]+)+):\\s*(.*)$", Pattern.DOTALL);

    private InputParser() {}

    /** {@code current} is the room plain text goes to, or null when there is none. */
    static Input parse(String line, @Nullable String current) {
        String text = line.strip();
        if (text.isEmpty()) {
            return new Input.Nothing();
        }
        if (text.startsWith("//")) {
            return say(current, text.substring(1));
        }
        if (text.startsWith("/")) {
            return command(text, current);
        }
        if (text.startsWith("@") && text.length() > 1) {
            String[] parts = text.substring(1).split("\\s+", 2);
            if (parts.length < 2) {
                return new Input.Problem("usage", "@nick text");
            }
            return whisper(parts[0], parts[1]);
        }
        Matcher several = SEVERAL.matcher(text);
        if (several.matches() && !several.group(2).isBlank()) {
            return whisper(several.group(1), several.group(2));
        }
        return say(current, text);
    }

    private static Input say(@Nullable String current, String text) {
        return current == null ? new Input.Problem("noRoom") : new Input.Say(current, text);
    }

    private static Input whisper(String nicks, String text) {
        List<String> list = Arrays.stream(nicks.split(","))
                .filter(n -> !n.isEmpty())
                .distinct()
                .toList();
        return list.size() == 1 ? new Input.Say(list.get(0), text) : new Input.Whisper(list, text);
    }

    static String room(String name) {
        return name.startsWith("#") || name.startsWith("&") ? name : "#" + name;
    }

    private static boolean isRoom(String name) {
        return name.startsWith("#") || name.startsWith("&");
    }

    private static Input command(String text, @Nullable String current) {
        String[] parts = text.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        String[] args = rest.isEmpty() ? new String[0] : rest.split("\\s+", 2);
        String tail = args.length > 1 ? args[1] : "";
        return switch (verb) {
            case "/join", "/j" ->
                args.length == 0 ? new Input.Problem("usage", "/join #room") : new Input.Join(room(args[0]));
            case "/part", "/leave" -> {
                if (args.length > 0 && isRoom(args[0])) {
                    yield new Input.Part(args[0], tail);
                }
                yield current == null ? new Input.Problem("noRoom") : new Input.Part(current, rest);
            }
            case "/msg", "/m" ->
                args.length < 2 || tail.isBlank()
                        ? new Input.Problem("usage", "/msg NICK|#room text")
                        : isRoom(args[0]) ? new Input.Say(args[0], tail) : whisper(args[0], tail);
            case "/me" -> {
                if (rest.isEmpty()) {
                    yield new Input.Problem("usage", "/me text");
                }
                yield current == null ? new Input.Problem("noRoom") : new Input.Act(current, rest);
            }
            case "/topic" -> {
                if (args.length > 0 && isRoom(args[0])) {
                    yield new Input.Topic(args[0], tail.isBlank() ? null : tail);
                }
                yield current == null
                        ? new Input.Problem("noRoom")
                        : new Input.Topic(current, rest.isEmpty() ? null : rest);
            }
            case "/who" -> {
                if (args.length > 0) {
                    yield new Input.Who(args[0]);
                }
                yield current == null ? new Input.Problem("usage", "/who #room|NICK") : new Input.Who(current);
            }
            case "/users", "/online" -> new Input.Users();
            case "/rooms", "/list" -> new Input.Rooms();
            case "/history" -> history(args, current);
            case "/away" -> new Input.Away(rest.isEmpty() ? null : rest);
            case "/nick" -> args.length == 0 ? new Input.Problem("usage", "/nick NAME") : new Input.Nick(args[0]);
            case "/quit", "/exit" -> new Input.Quit(rest);
            case "/help", "/?" -> new Input.Help();
            default -> new Input.Problem("unknownCommand", verb);
        };
    }

    /** {@code /history [conversation] [N]}. */
    private static Input history(String[] args, @Nullable String current) {
        String target = current;
        int n = DEFAULT_HISTORY;
        for (String a : String.join(" ", args).split("\\s+")) {
            if (a.isEmpty()) {
                continue;
            }
            if (a.chars().allMatch(Character::isDigit) && a.length() < 6) {
                n = Math.max(1, Integer.parseInt(a));
            } else {
                target = a;
            }
        }
        return target == null ? new Input.Problem("noRoom") : new Input.History(target, n);
    }
}
