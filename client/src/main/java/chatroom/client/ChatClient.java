package chatroom.client;

import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * A connection to an IRC server that keeps itself up: it registers (CAP 302, SASL PLAIN when there is a password),
 * keeps the client-side state (rooms, members, topics), reconnects with back-off after losing the server, rejoins
 * its rooms, and fills the gap from history ({@code draft/chathistory}) so the listener sees every line once, in
 * order. Lines sent while disconnected wait in a bounded queue.
 *
 * <p>Threading: all state lives on one thread of the client's own (a one-thread Netty event loop, {@code
 * chatroom-client-*}). The public methods may be called from any thread: they hand the work to that thread and
 * return at once. {@link ChatListener} methods are called on that thread.
 */
public final class ChatClient implements AutoCloseable {
    /** How long QUIT waits for the server to close the connection before closing it ourselves. */
    private static final Duration QUIT_GRACE = Duration.ofSeconds(2);

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final ChatListener listener;
    private final Texts texts;
    private final @Nullable SslContext ssl;
    private final Backoff backoff = new Backoff(RandomGenerator.getDefault());

    // everything below is touched on `loop` only
    private ClientConfig config;
    private String desiredNick;
    private final Map<String, RoomState> rooms = new HashMap<>();
    private final Map<String, String> wanted = new LinkedHashMap<>();
    private final Map<String, String> whispers = new LinkedHashMap<>();
    private final Conversations conversations;
    private final Deque<IrcMessage> queue = new ArrayDeque<>();
    private final List<IrcMessage> unsent = new ArrayList<>();
    private @Nullable Session session;
    /** Shares waiting for the token the server gives in answer to {@code UPLOAD}, oldest first. */
    private final Deque<CompletableFuture<String>> uploadTokens = new ArrayDeque<>();

    private @Nullable ScheduledFuture<?> retry;
    private boolean stopped;
    private @Nullable String stopReason;
    private @Nullable String awayMessage;
    /** {@link #sync} callers waiting for a connection, and those waiting for the PONG of a token. */
    private final List<CompletableFuture<Void>> syncsWaiting = new ArrayList<>();

    private final Map<String, List<CompletableFuture<Void>>> syncsInFlight = new HashMap<>();
    private long syncTokens;

    private ChatClient(ClientConfig config, ChatListener listener) throws SSLException {
        this.config = config;
        this.desiredNick = config.nick();
        this.listener = listener;
        this.texts = new Texts(config.locale());
        this.conversations = new Conversations(listener);
        this.ssl = config.tls() ? sslContext(config.trustSelfSigned()) : null;
        this.group = new MultiThreadIoEventLoopGroup(
                1, new DefaultThreadFactory("chatroom-client", true), NioIoHandler.newFactory());
        this.loop = group.next();
    }

    /** Starts connecting to the configured server; progress and failures arrive at {@code listener}. */
    public static ChatClient connect(ClientConfig config, ChatListener listener) throws SSLException {
        ChatClient c = new ChatClient(config, listener);
        c.loop.execute(c::connectNow);
        return c;
    }

    private static SslContext sslContext(boolean trustSelfSigned) throws SSLException {
        SslContextBuilder b = SslContextBuilder.forClient();
        if (trustSelfSigned) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            b.endpointIdentificationAlgorithm("HTTPS");
        }
        return b.build();
    }

    // --- the public commands: any thread ---

    /** Says {@code text} in a room or whispers it to a nick; long text goes out in several lines. */
    public void send(String target, String text) {
        onLoop(() -> submit(IrcMessage.of("PRIVMSG", target, text)));
    }

    /** Says {@code text} as an action ({@code /me text}, a CTCP ACTION) in a room or to a nick. */
    public void action(String target, String text) {
        onLoop(() -> submit(IrcMessage.of("PRIVMSG", target, ChatMessage.actionLine(text))));
    }

    /**
     * Marks us away with {@code message}, or back when it is null or blank; kept across reconnects. The server's
     * answer arrives as {@link ChatListener#away} for our own nick.
     */
    public void away(@Nullable String message) {
        onLoop(() -> {
            awayMessage = message == null || message.isBlank() ? null : message;
            if (registered()) {
                writeNow(awayMessage == null ? IrcMessage.of("AWAY") : IrcMessage.of("AWAY", awayMessage));
            }
        });
    }

    /** The rooms the server lists ({@code LIST}); fails when not connected or when the connection drops first. */
    public CompletableFuture<List<RoomInfo>> listRooms() {
        CompletableFuture<List<RoomInfo>> f = new CompletableFuture<>();
        onLoop(() -> {
            Session s = session;
            if (s == null || !s.registered) {
                f.completeExceptionally(new IllegalStateException(texts.get("notConnected")));
            } else {
                s.requestList(f);
            }
        });
        return f;
    }

    /** Who is in a room, or who matches a nick or mask ({@code WHO}); fails when not connected. */
    public CompletableFuture<List<UserInfo>> who(String mask) {
        CompletableFuture<List<UserInfo>> f = new CompletableFuture<>();
        onLoop(() -> {
            Session s = session;
            if (s == null || !s.registered) {
                f.completeExceptionally(new IllegalStateException(texts.get("notConnected")));
            } else {
                s.requestWho(mask, f);
            }
        });
        return f;
    }

    /**
     * Asks for up to {@code limit} lines of a room or whisper older than the oldest one shown (the latest lines when
     * none was shown); they arrive as {@link ChatListener#history}. Needs a server with {@code draft/chathistory};
     * otherwise, or when not connected, the listener gets an error.
     */
    public void history(String conversation, int limit) {
        onLoop(() -> {
            Session s = session;
            if (s == null || !s.registered) {
                listener.error(texts.get("notConnected"));
            } else if (!s.requestOlder(conversation, limit)) {
                listener.error(texts.get("noHistory"));
            }
        });
    }

    /**
     * Completes once everything sent before this call has reached the server and the server has answered a {@code
     * PING} sent after it (so it has handled those lines): what a script waits for before it quits. Waits through
     * reconnects; never completes after {@link #quit}, so wait with a timeout.
     */
    public CompletableFuture<Void> sync() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        onLoop(() -> {
            syncsWaiting.add(f);
            if (registered()) {
                pingForSyncs();
            }
        });
        return f;
    }

    private void pingForSyncs() {
        Session s = session;
        if (s == null || syncsWaiting.isEmpty()) {
            return;
        }
        String token = "chatroom-sync-" + ++syncTokens;
        syncsInFlight.put(token, List.copyOf(syncsWaiting));
        syncsWaiting.clear();
        s.write(IrcMessage.of("PING", token));
    }

    /** The server answered {@code PING token}. */
    void ponged(String token) {
        List<CompletableFuture<Void>> done = syncsInFlight.remove(token);
        if (done != null) {
            done.forEach(f -> f.complete(null));
        }
    }

    /**
     * Shares a file in a room or whisper: asks the server for an upload token ({@code UPLOAD <target>}), uploads the file to
     * the server's {@code draft/FILEHOST} URL, then says its link to {@code target}. Completes with the link, or
     * exceptionally with a {@link ShareException} whose message is a sentence for the user (no account, sharing
     * off, too large, not connected...).
     */
    public CompletableFuture<String> share(String target, Path file) {
        CompletableFuture<String> done = new CompletableFuture<>();
        onLoop(() -> {
            Session s = session;
            if (s == null || !registered()) {
                done.completeExceptionally(new ShareException(texts.get("notConnected")));
                return;
            }
            String fileHost = s.fileHost;
            if (fileHost == null) {
                done.completeExceptionally(new ShareException(texts.get("uploadOff")));
                return;
            }
            CompletableFuture<String> token = new CompletableFuture<>();
            uploadTokens.add(token);
            // the target lets a room's own rule decide (ChanServ SET <#room> UPLOADS)
            s.write(IrcMessage.of("UPLOAD", target));
            token.whenComplete((t, failure) -> {
                if (failure != null) {
                    done.completeExceptionally(failure);
                    return;
                }
                Thread.ofVirtual().name("chatroom-client-upload").start(() -> {
                    try {
                        String url = Uploads.post(fileHost, t, file);
                        send(target, url);
                        done.complete(url);
                    } catch (IOException e) {
                        done.completeExceptionally(
                                new ShareException(texts.get("uploadFailed", String.valueOf(e.getMessage()))));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        done.completeExceptionally(new ShareException(texts.get("uploadFailed", "interrupted")));
                    }
                });
            });
        });
        return done;
    }

    /** On the loop: the server's answer to {@code UPLOAD}, a token or a FAIL code (with the room it names, if any). */
    void uploadToken(@Nullable String token, @Nullable String failure, @Nullable String room) {
        CompletableFuture<String> waiting = uploadTokens.poll();
        if (waiting == null) {
            return;
        }
        if (token != null) {
            waiting.complete(token);
        } else {
            waiting.completeExceptionally(ShareException.refused(texts, String.valueOf(failure), room));
        }
    }

    /** Joins a room now, or on connecting; the client rejoins it after every reconnect until {@link #part}. */
    public void join(String room) {
        onLoop(() -> {
            wanted.put(CaseMapping.fold(room), room);
            if (registered()) {
                writeNow(IrcMessage.of("JOIN", room));
            }
        });
    }

    public void part(String room) {
        part(room, "");
    }

    /** Leaves a room, telling its members {@code reason} (none when blank). */
    public void part(String room, String reason) {
        onLoop(() -> {
            wanted.remove(CaseMapping.fold(room));
            if (registered()) {
                writeNow(reason.isBlank() ? IrcMessage.of("PART", room) : IrcMessage.of("PART", room, reason));
            }
        });
    }

    /** Changes nick now, or uses it when (re)connecting. */
    public void nick(String newNick) {
        onLoop(() -> {
            desiredNick = newNick;
            if (registered()) {
                writeNow(IrcMessage.of("NICK", newNick));
            }
        });
    }

    public void topic(String room, String topic) {
        onLoop(() -> submit(IrcMessage.of("TOPIC", room, topic)));
    }

    /** A snapshot of the client-side state; completes on the client's thread, so do not wait for it there. */
    public CompletableFuture<ClientView> view() {
        CompletableFuture<ClientView> f = new CompletableFuture<>();
        onLoop(() -> {
            Session s = session;
            List<ClientView.Room> list = rooms.values().stream()
                    .map(r -> new ClientView.Room(r.name, r.topic, r.members()))
                    .toList();
            f.complete(new ClientView(
                    s != null ? s.nick() : desiredNick,
                    registered(),
                    list,
                    List.copyOf(whispers.values()),
                    queue.size() + unsent.size()));
        });
        return f;
    }

    /** Connects to another address: at once when disconnected, else the next time the client connects. */
    public void server(String host, int port) {
        onLoop(() -> {
            config = config.withAddress(host, port);
            if (retry != null) {
                retry.cancel(false);
                connectNow();
            }
        });
    }

    /** Leaves the server with {@code reason}; the client does not reconnect and its thread ends. Idempotent. */
    public void quit(String reason) {
        try {
            loop.execute(() -> {
                if (stopped && session == null) {
                    return;
                }
                stop(texts.get("closed"));
                Session s = session;
                if (s != null) {
                    s.write(IrcMessage.of("QUIT", reason));
                    loop.schedule(s::close, QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        } catch (RejectedExecutionException e) {
            // already quit: its thread has ended
        }
    }

    /** {@link #quit} and waits (a few seconds at most) for the client's thread to end. */
    @Override
    public void close() {
        quit("");
        if (!loop.inEventLoop()) {
            group.terminationFuture()
                    .awaitUninterruptibly(QUIT_GRACE.plusSeconds(3).toMillis());
        }
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the client has quit", e);
        }
    }

    // --- connection lifecycle: on the loop ---

    private void connectNow() {
        retry = null;
        if (stopped) {
            return;
        }
        ClientConfig target = config;
        // name resolution blocks, so it runs on a virtual thread, never on the client's thread
        Thread.ofVirtual().name("chatroom-client-resolve").start(() -> {
            InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
            loop.execute(() -> open(target, address));
        });
    }

    private void open(ClientConfig target, InetSocketAddress address) {
        if (stopped) {
            finish();
            return;
        }
        if (address.isUnresolved()) {
            connectFailed(target, "unknown host");
            return;
        }
        new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ClientChannelInitializer(this, target, ssl))
                .connect(address)
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        Throwable cause = f.cause();
                        connectFailed(target, cause == null ? "?" : String.valueOf(cause.getMessage()));
                    }
                });
    }

    /** A new connection's session: called by the channel initializer, before any line arrives. */
    Session newSession(io.netty.channel.Channel channel) {
        Session s = new Session(this, channel, desiredNick, config.password());
        session = s;
        return s;
    }

    private void connectFailed(ClientConfig target, String why) {
        if (stopped) {
            finish();
        } else if (!target.equals(config)) {
            connectNow(); // pointed elsewhere meanwhile
        } else {
            retryLater(texts.get("unreachable", target.host() + ":" + target.port(), why));
        }
    }

    void closed(Session s) {
        if (s != session) {
            return;
        }
        session = null;
        rooms.clear();
        s.abandonRequests(texts.get("notConnected"));
        uploadTokens.forEach(f -> f.completeExceptionally(new ShareException(texts.get("notConnected"))));
        uploadTokens.clear();
        // lines in flight may be sent again after reconnecting: wait for a new round trip then
        syncsInFlight.values().forEach(syncsWaiting::addAll);
        syncsInFlight.clear();
        // held live lines are not shown: the next fill fetches them again from where the listener stopped
        conversations.abandonFills();
        if (stopped) {
            finish();
            return;
        }
        String reason =
                s.closingReason != null ? texts.get("disconnected", s.closingReason) : texts.get("connectionLost");
        retryLater(reason);
    }

    private void retryLater(String reason) {
        Duration delay = backoff.next();
        listener.disconnected(reason, delay);
        retry = loop.schedule(this::connectNow, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** No more reconnects; {@code reason} goes to the listener once the connection is closed. */
    void stop(String reason) {
        stopped = true;
        stopReason = reason;
        if (retry != null) {
            retry.cancel(false);
            retry = null;
            finish();
        } else if (session != null && !session.registered) {
            session.close();
        }
    }

    private void finish() {
        if (!group.isShuttingDown()) {
            listener.disconnected(stopReason == null ? texts.get("closed") : stopReason, null);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** Registration done: rejoin the rooms, then send what waited. */
    void registered(Session s) {
        backoff.reset();
        listener.connected(s.nick());
        if (awayMessage != null) {
            s.write(IrcMessage.of("AWAY", awayMessage));
        }
        s.rejoin(List.copyOf(wanted.values()));
        s.fillWhispers(List.copyOf(whispers.values()));
        List<IrcMessage> waiting = new ArrayList<>(unsent);
        waiting.addAll(queue);
        unsent.clear();
        queue.clear();
        waiting.forEach(this::sendNow);
        pingForSyncs();
    }

    boolean stopped() {
        return stopped;
    }

    private boolean registered() {
        return session != null && session.registered;
    }

    // --- sending: on the loop ---

    private void submit(IrcMessage m) {
        if (registered()) {
            sendNow(m);
        } else if (queue.size() >= config.queueLimit()) {
            listener.error(texts.get("queueFull", config.queueLimit(), m.param(m.paramCount() - 1)));
        } else {
            queue.add(m);
        }
    }

    private void sendNow(IrcMessage m) {
        Session s = session;
        if (s == null || !s.registered) {
            queue.add(m);
            return;
        }
        if (!m.command().equals("PRIVMSG")) {
            s.writeTracked(m, unsent);
            return;
        }
        String target = m.param(0);
        String text = m.param(1);
        boolean action = text.startsWith(ChatMessage.actionLine("").substring(0, 8)) && text.length() > 8;
        String body = action ? text.substring(8, text.length() - 1) : text;
        int budget = s.textBudget("PRIVMSG", target) - (action ? 9 : 0);
        for (String piece : MessageSplitter.split(body, budget)) {
            s.writeTracked(IrcMessage.of("PRIVMSG", target, action ? ChatMessage.actionLine(piece) : piece), unsent);
            boolean room = CaseMapping.isChannel(target);
            if (!room) {
                whispers.putIfAbsent(CaseMapping.fold(target), target);
            }
            if (!s.has("echo-message")) {
                conversations.arrived(
                        new ChatMessage(target, room, s.nick(), piece, Instant.now(), null, false, action), false);
            }
        }
    }

    private void writeNow(IrcMessage m) {
        Session s = session;
        if (s != null) {
            s.write(m);
        }
    }

    // --- for Session ---

    ClientConfig config() {
        return config;
    }

    String desiredNick() {
        return desiredNick;
    }

    @Nullable
    String awayMessage() {
        return awayMessage;
    }

    ChatListener listener() {
        return listener;
    }

    Texts texts() {
        return texts;
    }

    Map<String, RoomState> rooms() {
        return rooms;
    }

    Map<String, String> wanted() {
        return wanted;
    }

    /** Whisper partners by folded nick. */
    Map<String, String> whispers() {
        return whispers;
    }

    Conversations conversations() {
        return conversations;
    }
}
