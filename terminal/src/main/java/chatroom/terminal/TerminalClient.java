package chatroom.terminal;

import chatroom.client.ChatClient;
import chatroom.client.ChatListener;
import chatroom.client.ChatMessage;
import chatroom.client.ClientView;
import chatroom.client.Member;
import chatroom.client.RoomInfo;
import chatroom.client.UserInfo;
import chatroom.protocol.CaseMapping;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The terminal client: reads typed lines from a {@link Screen} on a thread of its own and turns them into client
 * calls, and shows what the {@link ChatClient} reports. Plain text goes to the current room: the one last joined (or
 * switched to with {@code /join}). In a pipe, the end of input quits after the server has confirmed every line.
 */
final class TerminalClient implements ChatListener {
    private final Screen screen;
    private final Texts texts;
    private final Lines lines;
    private final Known known;
    private final Duration syncTimeout;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    /** Rooms we just joined: their member list is shown once. */
    private final Set<String> announce = ConcurrentHashMap.newKeySet();

    private volatile @Nullable ChatClient client;
    private volatile @Nullable String current;
    private volatile String me = "";
    private volatile boolean quitting;
    /** Something typed went to the server (so a script's end waits for it). */
    private volatile boolean sentSomething;

    TerminalClient(Screen screen, Texts texts, Lines lines, Known known, Duration syncTimeout) {
        this.screen = screen;
        this.texts = texts;
        this.lines = lines;
        this.known = known;
        this.syncTimeout = syncTimeout;
    }

    /** Starts reading input for {@code c}; {@link #awaitExit} tells when the client is done. */
    void start(ChatClient c) {
        client = c;
        Thread.ofPlatform().daemon().name("chatroom-input").start(this::readLoop);
    }

    /** Waits until the user quits or the client gives up; the process exit code. */
    int awaitExit() {
        return exit.join();
    }

    @Nullable
    String current() {
        return current;
    }

    private ChatClient client() {
        ChatClient c = client;
        if (c == null) {
            throw new IllegalStateException("not started");
        }
        return c;
    }

    private void readLoop() {
        try {
            while (!exit.isDone()) {
                String cur = current;
                String line = screen.read(cur == null ? "> " : cur + "> ");
                if (line == null) {
                    finish("");
                    return;
                }
                handle(InputParser.parse(line, current));
            }
        } catch (IOException | RuntimeException e) {
            screen.show(lines.error(texts.get("failed", String.valueOf(e.getMessage()))));
            leave("", 1);
        }
    }

    /**
     * Ctrl-D or /quit at a terminal; in a pipe, the end of the script or its /quit: first wait until the server has
     * every line typed before, since a script types faster than the client connects.
     */
    private void finish(String reason) {
        int code = 0;
        if (!screen.interactive() && sentSomething) {
            try {
                client().sync().get(syncTimeout.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                screen.show(lines.error(texts.get("notAllSent", syncTimeout.toSeconds())));
                code = 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                code = 1;
            }
        }
        leave(reason, code);
    }

    private void leave(String reason, int code) {
        quitting = true;
        ChatClient c = client;
        if (c != null) {
            c.quit(reason);
            c.close();
        }
        exit.complete(code);
    }

    /** Carries out one typed line. */
    void handle(Input input) {
        ChatClient c = client();
        if (!(input instanceof Input.Nothing
                || input instanceof Input.Help
                || input instanceof Input.Problem
                || input instanceof Input.Quit)) {
            sentSomething = true;
        }
        switch (input) {
            case Input.Nothing n -> {}
            case Input.Say s -> c.send(s.target(), s.text());
            case Input.Whisper w -> w.nicks().forEach(n -> c.send(n, w.text()));
            case Input.Act a -> c.action(a.target(), a.text());
            case Input.Join j -> {
                current = j.room();
                if (known.inRoom(j.room())) {
                    screen.show(lines.status("youJoined", j.room()));
                } else {
                    c.join(j.room());
                }
            }
            case Input.Part p -> c.part(p.room(), p.reason());
            case Input.Topic t -> {
                if (t.text() != null) {
                    c.topic(t.room(), t.text());
                } else {
                    answer(c.view(), v -> showTopic(v, t.room()));
                }
            }
            case Input.Who w -> answer(c.who(w.mask()), list -> showWho(w.mask(), list));
            case Input.Users u -> answer(c.who("*"), this::showOnline);
            case Input.Rooms r -> answer(c.listRooms(), this::showRooms);
            case Input.History h -> c.history(h.conversation(), h.lines());
            case Input.Away a -> c.away(a.text());
            case Input.Nick n -> c.nick(n.nick());
            case Input.Quit q -> finish(q.reason());
            case Input.Help h -> screen.show(lines.plain(texts.get("help")));
            case Input.Problem p ->
                screen.show(lines.error(texts.get(p.key(), p.args().toArray())));
        }
    }

    private <T> void answer(CompletableFuture<T> f, java.util.function.Consumer<T> then) {
        var unused = f.whenComplete((v, e) -> {
            if (e != null) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                screen.show(lines.error(texts.get("failed", String.valueOf(cause.getMessage()))));
            } else {
                then.accept(v);
            }
        });
    }

    private void showTopic(ClientView v, String room) {
        v.rooms().stream()
                .filter(r -> CaseMapping.fold(r.name()).equals(CaseMapping.fold(room)))
                .findFirst()
                .ifPresentOrElse(
                        r -> screen.show(
                                r.topic().isEmpty()
                                        ? lines.status("noTopic", r.name())
                                        : lines.status("topic", r.name(), r.topic())),
                        () -> screen.show(lines.error(texts.get("noRoom"))));
    }

    private void showWho(String mask, List<UserInfo> list) {
        if (list.isEmpty()) {
            screen.show(lines.status("whoNone", mask));
            return;
        }
        for (UserInfo u : list) {
            known.nick(u.nick());
            screen.show(lines.plain(texts.get(
                    "whoLine",
                    u.prefixes(),
                    u.nick(),
                    u.user(),
                    u.host(),
                    u.realName(),
                    u.away() ? texts.get("whoAway") : "")));
        }
    }

    private void showOnline(List<UserInfo> list) {
        List<String> nicks =
                list.stream().map(UserInfo::nick).distinct().sorted().toList();
        nicks.forEach(known::nick);
        screen.show(lines.status("online", nicks.size(), String.join(", ", nicks)));
    }

    private void showRooms(List<RoomInfo> list) {
        if (list.isEmpty()) {
            screen.show(lines.status("noRooms"));
            return;
        }
        screen.show(lines.plain(texts.get("rooms")));
        list.stream()
                .sorted(Comparator.comparing(RoomInfo::name))
                .forEach(r -> screen.show(lines.plain(texts.get("roomLine", r.name(), r.users(), r.topic()))));
    }

    private boolean isMe(String nick) {
        return CaseMapping.fold(nick).equals(CaseMapping.fold(me));
    }

    private static String because(String reason) {
        String r = reason.strip();
        return r.isEmpty() || r.equals("Quit:") ? "" : " (" + r + ")";
    }

    // --- what the client reports (on the client's thread) ---

    @Override
    public void connected(String nick) {
        me = nick;
        screen.show(lines.status("connected", nick));
    }

    @Override
    public void message(ChatMessage m) {
        known.nick(m.sender());
        screen.show(lines.message(m, false));
    }

    @Override
    public void history(String conversation, List<ChatMessage> older) {
        if (older.isEmpty()) {
            screen.show(lines.status("historyNone", conversation));
        }
        older.forEach(m -> screen.show(lines.message(m, true)));
    }

    @Override
    public void joined(String room, String nick) {
        if (isMe(nick)) {
            known.room(room);
            announce.add(CaseMapping.fold(room));
            if (current == null) {
                current = room;
            }
            screen.show(lines.status("youJoined", room));
        } else {
            known.nick(nick);
            screen.show(lines.status("joined", nick, room));
        }
    }

    private void left(String room) {
        known.leftRoom(room);
        String cur = current;
        if (cur != null && CaseMapping.fold(cur).equals(CaseMapping.fold(room))) {
            List<String> others = known.rooms();
            current = others.isEmpty() ? null : others.get(others.size() - 1);
        }
    }

    @Override
    public void parted(String room, String nick, String reason) {
        if (isMe(nick)) {
            left(room);
        }
        screen.show(lines.status("parted", nick, room, because(reason)));
    }

    @Override
    public void kicked(String room, String nick, String by, String reason) {
        if (isMe(nick)) {
            left(room);
        }
        screen.show(lines.status("kicked", nick, room, by, because(reason)));
    }

    @Override
    public void quit(String nick, String reason) {
        if (isMe(nick)) {
            return; // our own /quit: the program is ending
        }
        screen.show(lines.status("quit", nick, because(reason)));
    }

    @Override
    public void nickChanged(String oldNick, String newNick) {
        if (isMe(oldNick)) {
            me = newNick;
        }
        known.renamed(oldNick, newNick);
        screen.show(lines.status("nick", oldNick, newNick));
    }

    @Override
    public void topic(String room, String topic, @Nullable String by) {
        screen.show(
                by == null
                        ? lines.status(topic.isEmpty() ? "noTopic" : "topic", room, topic)
                        : lines.status("topicBy", room, topic, by));
    }

    @Override
    public void members(String room, List<Member> members) {
        members.forEach(m -> known.nick(m.nick()));
        if (announce.remove(CaseMapping.fold(room))) {
            screen.show(lines.status(
                    "members",
                    room,
                    members.stream().map(m -> m.prefixes() + m.nick()).sorted().collect(Collectors.joining(", "))));
        }
    }

    @Override
    public void away(String nick, @Nullable String message) {
        if (isMe(nick)) {
            screen.show(message == null ? lines.status("youBack") : lines.status("youAway", message));
        } else {
            screen.show(message == null ? lines.status("back", nick) : lines.status("away", nick, message));
        }
    }

    @Override
    public void error(String text) {
        screen.show(lines.error(text));
    }

    @Override
    public void disconnected(String reason, @Nullable Duration retryIn) {
        if (quitting) {
            return;
        }
        screen.show(lines.error(reason));
        if (retryIn != null) {
            screen.show(lines.status("retry", Math.max(1, (retryIn.toMillis() + 999) / 1000)));
        } else {
            screen.show(lines.status("gone"));
            exit.complete(1);
        }
    }
}
