package chatroom.client;

import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import chatroom.protocol.IrcWriter;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One connection: registration, then every line from the server turned into client-side state and listener events.
 * Lives on the client's thread only; state that outlives the connection (rooms wanted, conversations, the queue) is
 * the {@link ChatClient}'s.
 */
final class Session {
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

    private record Batch(
            String type, String target, int count, @Nullable String lastMsgid) {}

    private final Map<String, Batch> batches = new HashMap<>();
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
            case "ERROR" -> closingReason = m.param(0);
            default -> numericError(m);
        }
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

    private void quit(String who, String reason) {
        client.listener().quit(who, reason);
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
        boolean inRoom = !target.isEmpty() && "#&".indexOf(target.charAt(0)) >= 0;
        String conversation = inRoom ? target : isMe(from) ? target : from;
        if (!inRoom) {
            client.whispers().putIfAbsent(CaseMapping.fold(conversation), conversation);
        }
        String batchId = m.tag("batch");
        Batch batch = batchId == null ? null : batches.get(batchId);
        boolean history = batch != null && batch.type().equals("chathistory");
        if (batch != null) {
            batches.put(batchId, new Batch(batch.type(), batch.target(), batch.count() + 1, m.tag("msgid")));
        }
        client.conversations()
                .arrived(
                        new ChatMessage(
                                conversation,
                                inRoom,
                                from,
                                m.param(1),
                                timeOf(m),
                                m.tag("msgid"),
                                m.command().equals("NOTICE")),
                        history);
    }

    private void batch(IrcMessage m) {
        String ref = m.param(0);
        if (ref.startsWith("+") && ref.length() > 1) {
            batches.put(ref.substring(1), new Batch(m.param(1), m.param(2), 0, null));
            return;
        }
        Batch done = batches.remove(ref.substring(Math.min(1, ref.length())));
        if (done == null || !done.type().equals("chathistory")) {
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

    private void fail(IrcMessage m) {
        if (m.param(0).equals("CHATHISTORY")) {
            for (String p : m.params()) {
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
