package chatroom.client;

import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcWriter;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * One connection: registration, then every line from the server turned into client-side state and listener events.
 * Lives on the client's thread only; state that outlives the connection (rooms wanted, conversations, the queue) is
 * the {@link ChatClient}'s.
 */
final class Session {
    /** Where files are uploaded (ISUPPORT {@code draft/FILEHOST}), or null when the server takes none. */
    @Nullable
    String fileHost;

    /** Page size for CHATHISTORY when the server names no maximum (ISUPPORT {@code CHATHISTORY=0} or absent). */
    static final int DEFAULT_HISTORY_PAGE = 100;

    final ChatClient client;
    private final Channel channel;
    final Registration registration;
    boolean registered;
    /** The {@code ERROR} text the server closed with, if any. */
    @Nullable
    String closingReason;

    private String prefixModes = "ov";
    private String prefixChars = "@+";
    private String alwaysParam = "beIk"; // CHANMODES groups A and B: modes that always take a parameter
    private String setParam = "l"; // CHANMODES group C: a parameter only when set
    private int historyPage = DEFAULT_HISTORY_PAGE;
    /** Our {@code nick!user@host} as others see it, once a JOIN shows it; sizes split messages. */
    private @Nullable String self;

    /** An open BATCH; {@code older} collects the lines of a chathistory batch asked for by {@link #requestOlder}. */
    private record Batch(
            String type,
            String target,
            int count,
            @Nullable String lastMsgid,
            @Nullable List<ChatMessage> older) {}

    private final Map<String, Batch> batches = new HashMap<>();
    /** Per folded target, one entry per CHATHISTORY sent: true when it asked for older lines, false for a fill. */
    private final Map<String, Deque<Boolean>> historyAsked = new HashMap<>();
    /** LIST and WHO answers being collected, in the order asked (the server answers in order). */
    private final Deque<CompletableFuture<List<RoomInfo>>> lists = new ArrayDeque<>();

    private final List<RoomInfo> listed = new ArrayList<>();
    private final Deque<CompletableFuture<List<UserInfo>>> whos = new ArrayDeque<>();
    private final List<UserInfo> whoed = new ArrayList<>();
    /** Rooms to fill from history when our JOIN for them comes back. */
    private final Set<String> fillOnJoin = new HashSet<>();

    Session(ChatClient client, Channel channel, String nick, @Nullable String password) {
        this.client = client;
        this.channel = channel;
        this.registration = new Registration(this, nick, password);
    }

    String nick() {
        return registration.nick;
    }

    String accountName() {
        return client.config().nick();
    }

    boolean has(String cap) {
        return registration.enabled.contains(cap);
    }

    void write(IrcMessage m) {
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), IrcWriter.write(m) + "\r\n"));
    }

    /** Writes a line the user typed; if the connection is already gone it lands in {@code unsent}, to go again. */
    void writeTracked(IrcMessage m, List<IrcMessage> unsent) {
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), IrcWriter.write(m) + "\r\n"))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        unsent.add(m);
                    }
                });
    }

    void close() {
        channel.close();
    }

    /** The connection is gone: questions still waiting for an answer get none. */
    void abandonRequests(String why) {
        IllegalStateException e = new IllegalStateException(why);
        lists.forEach(f -> f.completeExceptionally(e));
        whos.forEach(f -> f.completeExceptionally(e));
        lists.clear();
        whos.clear();
    }

    void requestList(CompletableFuture<List<RoomInfo>> answer) {
        lists.add(answer);
        write(IrcMessage.of("LIST"));
    }

    void requestWho(String mask, CompletableFuture<List<UserInfo>> answer) {
        whos.add(answer);
        write(IrcMessage.of("WHO", mask));
    }

    /** Asks for up to {@code limit} lines before the oldest shown (the latest when none was); false without history. */
    boolean requestOlder(String target, int limit) {
        if (!has("draft/chathistory") || !has("batch")) {
            return false;
        }
        String ref = client.conversations().olderRef(target);
        int n = Math.max(1, Math.min(limit, historyPage));
        historyAsked
                .computeIfAbsent(CaseMapping.fold(target), k -> new ArrayDeque<>())
                .add(true);
        write(
                ref == null
                        ? IrcMessage.of("CHATHISTORY", "LATEST", target, "*", Integer.toString(n))
                        : IrcMessage.of("CHATHISTORY", "BEFORE", target, ref, Integer.toString(n)));
        return true;
    }

    /** Bytes a PRIVMSG's text may take so that the line the server relays stays within 512 bytes. */
    int textBudget(String command, String target) {
        String source = self != null ? self : nick() + "!" + "x".repeat(10) + "@" + "x".repeat(63);
        String overhead = ":" + source + " " + command + " " + target + " :\r\n";
        return Math.max(64, 512 - MessageSplitter.utf8Length(overhead));
    }

    // --- registration outcomes (called by Registration) ---

    void nameTaken(String taken, String next) {
        client.listener().error(client.texts().get("nameTaken", taken, next));
    }

    void nickRefused(String nick, String why) {
        client.listener().error(client.texts().get("nameInvalid", nick, why));
        if (!registered) {
            client.stop(client.texts().get("nameInvalid", nick, why));
        }
    }

    void wrongPassword() {
        client.stop(client.texts().get("wrongPassword", accountName()));
    }

    void saslUnsupported() {
        client.stop(client.texts().get("saslUnsupported", client.config().host()));
    }

    // --- inbound ---

    void handle(IrcMessage m) {
        if (m.command().equals("PING")) {
            write(IrcMessage.of("PONG", m.param(0)));
            return;
        }
        if (!registered && registration.handle(m)) {
            return;
        }
        switch (m.command()) {
            case "001" -> welcome(m);
            case "005" -> isupport(m);
            case "433" -> client.listener().error(client.texts().get("nameTakenNow", m.param(1), nick()));
            case "JOIN" -> join(m);
            case "PART" -> left(m.param(0), nickOf(m), m.param(1), null);
            case "KICK" -> left(m.param(0), m.param(1), m.param(2), nickOf(m));
            case "QUIT" -> quit(nickOf(m), m.param(0));
            case "NICK" -> nick(nickOf(m), m.param(0));
            case "TOPIC" -> topic(m.param(0), m.param(1), nickOf(m));
            case "332" -> topic(m.param(1), m.param(2), null);
            case "353" -> names(m.param(2), m.param(3));
            case "366" -> namesEnd(m.param(1));
            case "MODE" -> RoomModes.apply(this, m, prefixModes, prefixChars, alwaysParam, setParam);
            case "PRIVMSG", "NOTICE" -> message(m);
            case "BATCH" -> batch(m);
            case "FAIL" -> fail(m);
            case "NOTE" -> {
                if (m.paramCount() >= 3
                        && m.param(0).equals("UPLOAD")
                        && m.param(1).equals("TOKEN")) {
                    client.uploadToken(m.param(2), null, null);
                }
            }
            case "ERROR" -> closingReason = m.param(0);
            case "PONG" -> client.ponged(m.param(m.paramCount() - 1));
            case "AWAY" -> client.listener().away(nickOf(m), m.paramCount() > 0 ? m.param(0) : null);
            case "301" -> client.listener().away(m.param(1), m.param(2));
            case "305" -> client.listener().away(nick(), null);
            case "306" -> client.listener().away(nick(), client.awayMessage());
            case "322" -> listed.add(new RoomInfo(m.param(1), parseCount(m.param(2)), m.param(3)));
            case "323" -> answer(lists, listed);
            case "352" -> whoReply(m);
            case "315" -> answer(whos, whoed);
            default -> numericError(m);
        }
    }

    private static int parseCount(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static <T> void answer(Deque<CompletableFuture<List<T>>> waiting, List<T> collected) {
        CompletableFuture<List<T>> f = waiting.poll();
        if (f != null) {
            f.complete(List.copyOf(collected));
        }
        collected.clear();
    }

    /** {@code 352 <me> <room> <user> <host> <server> <nick> <flags> :<hops> <real name>}. */
    private void whoReply(IrcMessage m) {
        if (m.paramCount() < 8) {
            return;
        }
        String flags = m.param(6);
        String real = m.param(7);
        int space = real.indexOf(' ');
        StringBuilder prefixes = new StringBuilder();
        flags.chars().filter(c -> prefixChars.indexOf(c) >= 0).forEach(c -> prefixes.append((char) c));
        whoed.add(new UserInfo(
                m.param(5),
                m.param(2),
                m.param(3),
                space < 0 ? "" : real.substring(space + 1),
                m.param(1),
                flags.startsWith("G"),
                prefixes.toString()));
    }

    private void welcome(IrcMessage m) {
        registered = true;
        registration.nick = m.param(0);
        client.registered(this);
    }

    /**
     * Rejoins {@code rooms}, filling each from history after our JOIN when the server keeps history. The fill needs
     * {@code batch} too: the end of the chathistory batch is how the client knows the fill is complete.
     */
    void rejoin(List<String> rooms) {
        if (has("draft/chathistory") && has("batch")) {
            rooms.forEach(r -> fillOnJoin.add(CaseMapping.fold(r)));
        }
        for (String room : rooms) {
            write(IrcMessage.of("JOIN", room));
        }
    }

    /**
     * Fills each whisper conversation from history after reconnecting ({@code CHATHISTORY AFTER <nick>}): lines
     * delivered to a dead connection just before it was noticed are not lost.
     */
    void fillWhispers(List<String> partners) {
        if (!has("draft/chathistory") || !has("batch")) {
            return;
        }
        for (String nick : partners) {
            requestAfter(nick, client.conversations().startFill(nick));
        }
    }

    private void isupport(IrcMessage m) {
        for (int i = 1; i < m.paramCount() - 1; i++) {
            String token = m.param(i);
            if (token.startsWith("PREFIX=(") && token.indexOf(')') > 0) {
                prefixModes = token.substring(8, token.indexOf(')'));
                prefixChars = token.substring(token.indexOf(')') + 1);
            } else if (token.startsWith("CHANMODES=")) {
                String[] groups = token.substring(10).split(",", -1);
                if (groups.length >= 3) {
                    alwaysParam = groups[0] + groups[1];
                    setParam = groups[2];
                }
            } else if (token.startsWith("draft/FILEHOST=")) {
                // https://github.com/progval/ircv3-specifications/blob/filehost/extensions/filehost.md
                String url = token.substring(15).split(" ")[0];
                fileHost = url.startsWith("http://") || url.startsWith("https://") ? url : null;
            } else if (token.startsWith("CHATHISTORY=")) {
                try {
                    int n = Integer.parseInt(token.substring(12));
                    historyPage = n > 0 ? n : DEFAULT_HISTORY_PAGE;
                } catch (NumberFormatException e) {
                    historyPage = DEFAULT_HISTORY_PAGE;
                }
            }
        }
    }

    private static String nickOf(IrcMessage m) {
        String source = m.source() == null ? "" : m.source();
        int bang = source.indexOf('!');
        return bang < 0 ? source : source.substring(0, bang);
    }

    boolean isMe(String nick) {
        return CaseMapping.fold(nick).equals(CaseMapping.fold(nick()));
    }

    private static Instant timeOf(IrcMessage m) {
        String t = m.tag("time");
        if (t != null) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                // a malformed server-time tag: use the arrival time
            }
        }
        return Instant.now();
    }

    @Nullable
    RoomState room(String name) {
        return client.rooms().get(CaseMapping.fold(name));
    }

    private void join(IrcMessage m) {
        String who = nickOf(m);
        String name = m.param(0);
        if (isMe(who)) {
            self = m.source();
            RoomState room = new RoomState(name);
            client.rooms().put(CaseMapping.fold(name), room);
            client.wanted().put(CaseMapping.fold(name), name);
            client.listener().joined(name, who);
            if (fillOnJoin.remove(CaseMapping.fold(name))) {
                requestAfter(name, client.conversations().startFill(name));
            }
            client.conversations().present(name, timeOf(m));
            return;
        }
        RoomState room = room(name);
        if (room != null) {
            room.put(new Member(who, ""));
            client.listener().joined(room.name, who);
            client.listener().members(room.name, room.members());
        }
    }

    private void requestAfter(String target, @Nullable String ref) {
        if (ref != null) {
            historyAsked
                    .computeIfAbsent(CaseMapping.fold(target), k -> new ArrayDeque<>())
                    .add(false);
            write(IrcMessage.of("CHATHISTORY", "AFTER", target, ref, Integer.toString(historyPage)));
        }
    }

    private void left(String name, String who, String reason, @Nullable String by) {
        RoomState room = room(name);
        if (room == null) {
            return;
        }
        if (isMe(who)) {
            client.rooms().remove(CaseMapping.fold(name));
            client.wanted().remove(CaseMapping.fold(name));
        } else {
            room.remove(who);
        }
        if (by == null) {
            client.listener().parted(room.name, who, reason);
        } else {
            client.listener().kicked(room.name, who, by, reason);
        }
        if (!isMe(who)) {
            client.listener().members(room.name, room.members());
        }
    }

    /** Fell back to {@code nick_}: when the nick we want frees up, take it. */
    private void regainIfFreed(String who) {
        String wanted = client.desiredNick();
        if (!isMe(wanted) && CaseMapping.fold(who).equals(CaseMapping.fold(wanted))) {
            write(IrcMessage.of("NICK", wanted));
        }
    }

    private void quit(String who, String reason) {
        client.listener().quit(who, reason);
        regainIfFreed(who);
        for (RoomState room : client.rooms().values()) {
            if (room.remove(who)) {
                client.listener().members(room.name, room.members());
            }
        }
    }

    private void nick(String from, String to) {
        if (isMe(from)) {
            registration.nick = to;
            self = self == null ? null : to + self.substring(self.indexOf('!'));
        }
        client.listener().nickChanged(from, to);
        regainIfFreed(from);
        for (RoomState room : client.rooms().values()) {
            if (room.rename(from, to)) {
                client.listener().members(room.name, room.members());
            }
        }
    }

    private void topic(String name, String text, @Nullable String by) {
        RoomState room = room(name);
        if (room != null) {
            room.topic = text;
            client.listener().topic(room.name, text, by);
        }
    }

    private void names(String name, String list) {
        RoomState room = room(name);
        if (room == null) {
            return;
        }
        if (room.incomingNames == null) {
            room.incomingNames = new java.util.ArrayList<>();
        }
        for (String entry : list.split(" ")) {
            int i = 0;
            while (i < entry.length() && prefixChars.indexOf(entry.charAt(i)) >= 0) {
                i++;
            }
            if (i < entry.length()) {
                String nick = entry.substring(i).split("!", 2)[0]; // userhost-in-names is not requested
                room.incomingNames.add(new Member(nick, entry.substring(0, i)));
            }
        }
    }

    private void namesEnd(String name) {
        RoomState room = room(name);
        if (room != null && room.incomingNames != null) {
            room.replaceAll(room.incomingNames);
            room.incomingNames = null;
            client.listener().members(room.name, room.members());
        }
    }

    private void message(IrcMessage m) {
        String from = nickOf(m);
        String target = m.param(0);
        if (m.source() == null || (m.source().indexOf('!') < 0 && !target.startsWith("#"))) {
            return; // a server notice to us, not a conversation
        }
        String text = m.param(1);
        boolean action = false;
        if (!text.isEmpty() && text.charAt(0) == ChatMessage.CTCP) {
            boolean closed = text.length() > 1 && text.charAt(text.length() - 1) == ChatMessage.CTCP;
            String body = text.substring(1, closed ? text.length() - 1 : text.length());
            if (!body.startsWith("ACTION ") || m.command().equals("NOTICE")) {
                return; // other CTCP requests and replies (VERSION, PING...) are not conversation
            }
            action = true;
            text = body.substring("ACTION ".length());
        }
        boolean inRoom = !target.isEmpty() && "#&".indexOf(target.charAt(0)) >= 0;
        String conversation = inRoom ? target : isMe(from) ? target : from;
        if (!inRoom) {
            client.whispers().putIfAbsent(CaseMapping.fold(conversation), conversation);
        }
        String batchId = m.tag("batch");
        Batch batch = batchId == null ? null : batches.get(batchId);
        boolean history = batch != null && batch.type().equals("chathistory");
        ChatMessage line = new ChatMessage(
                conversation,
                inRoom,
                from,
                text,
                timeOf(m),
                m.tag("msgid"),
                m.command().equals("NOTICE"),
                action);
        if (batch != null) {
            batches.put(
                    batchId, new Batch(batch.type(), batch.target(), batch.count() + 1, m.tag("msgid"), batch.older()));
            if (batch.older() != null) {
                batch.older().add(line);
                return;
            }
        }
        client.conversations().arrived(line, history);
    }

    private void batch(IrcMessage m) {
        String ref = m.param(0);
        if (ref.startsWith("+") && ref.length() > 1) {
            boolean older = m.param(1).equals("chathistory") && m.paramCount() > 2 && askedOlder(m.param(2));
            batches.put(ref.substring(1), new Batch(m.param(1), m.param(2), 0, null, older ? new ArrayList<>() : null));
            return;
        }
        Batch done = batches.remove(ref.substring(Math.min(1, ref.length())));
        if (done == null || !done.type().equals("chathistory")) {
            return;
        }
        if (done.older() != null) {
            client.conversations().older(done.target(), done.older());
            return;
        }
        String retry = done.count() == 0 ? client.conversations().retryByTime(done.target()) : null;
        if (done.count() >= historyPage && done.lastMsgid() != null) {
            // a full page means there may be more: ask again after the last line of this page
            requestAfter(done.target(), "msgid=" + done.lastMsgid());
        } else if (retry != null) {
            requestAfter(done.target(), retry);
        } else {
            client.conversations().finishFill(done.target());
        }
    }

    /** Whether the CHATHISTORY answered now (the oldest one unanswered for {@code target}) asked for older lines. */
    private boolean askedOlder(String target) {
        Deque<Boolean> asked = historyAsked.get(CaseMapping.fold(target));
        Boolean older = asked == null ? null : asked.poll();
        return older != null && older;
    }

    private void fail(IrcMessage m) {
        if (m.param(0).equals("UPLOAD") && m.paramCount() >= 2) {
            client.uploadToken(null, m.param(1), m.paramCount() >= 4 ? m.param(2) : null);
            return;
        }
        if (m.param(0).equals("CHATHISTORY")) {
            for (String p : m.params()) {
                if (askedOlder(p)) {
                    client.conversations().older(p, List.of());
                    continue;
                }
                if (client.conversations().filling(p)) {
                    client.conversations().finishFill(p);
                }
            }
            return;
        }
        client.listener().error(client.texts().get("serverError", m.param(m.paramCount() - 1)));
    }

    private void numericError(IrcMessage m) {
        String c = m.command();
        if (c.length() == 3 && (c.charAt(0) == '4' || c.charAt(0) == '5') && m.paramCount() >= 2) {
            String text = m.param(m.paramCount() - 1);
            client.listener().error(m.paramCount() >= 3 ? client.texts().get("refused", m.param(1), text) : text);
        }
    }
}
