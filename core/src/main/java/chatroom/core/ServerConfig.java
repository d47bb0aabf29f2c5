package chatroom.core;

import chatroom.core.upload.UploadPolicy;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chat rules and limits, immutable (STYLE.md §5.4). Every field has a default in {@link #defaults()} and a flag in
 * the server's command line.
 *
 * @param floodBurst lines a client may send at once before fake lag applies
 * @param floodLinesPerSecond sustained lines per second; 0 disables flood control
 * @param floodMaxLagSeconds fake lag beyond which the client is disconnected ("Excess Flood")
 * @param historyReplayLines lines of a room replayed to a plain-text user on joining it (0 = none)
 * @param chathistoryLimit most events one CHATHISTORY request returns (ISUPPORT {@code CHATHISTORY=})
 * @param registration when people may register accounts themselves
 * @param registrationNeedsEmail whether REGISTER must carry an address that looks like email (checked for shape
 *     only: no mail is sent and the address is not kept)
 * @param minPasswordLength shortest password accepted for a new account
 * @param nickGrace how long someone not logged in may keep a registered nick before being renamed (zero: such a nick
 *     is refused at once, as on the plain-text port)
 * @param sessionsPerAccount connections one account may have at once sharing one nick (1: no sharing)
 * @param loginLimits failed-login throttling
 * @param stsDuration the {@code sts} policy's lifetime given to clients (https://ircv3.net/specs/extensions/sts);
 *     zero when no certificate is configured, so no policy is advertised
 * @param uploads who may share files, which ones, and where they are uploaded
 */
public record ServerConfig(
        String serverName,
        String networkName,
        String version,
        int nickLength,
        int channelLength,
        int topicLength,
        int awayLength,
        int kickLength,
        int maxTargets,
        int maxChannelsPerUser,
        int floodBurst,
        double floodLinesPerSecond,
        int floodMaxLagSeconds,
        int whowasLength,
        String lobby,
        List<String> motd,
        String adminName,
        String adminEmail,
        @Nullable String serverPassword,
        List<Oper> opers,
        int historyReplayLines,
        int chathistoryLimit,
        Registration registration,
        boolean registrationNeedsEmail,
        int minPasswordLength,
        Duration nickGrace,
        int sessionsPerAccount,
        LoginLimits loginLimits,
        Duration stsDuration,
        UploadPolicy uploads) {

    public ServerConfig {
        motd = List.copyOf(motd);
        opers = List.copyOf(opers);
    }

    /**
     * After {@code perAccount} wrong passwords for one account, or {@code perAddress} from one address, within
     * {@code window}, logins wait until the oldest failure ages out.
     */
    public record LoginLimits(int perAccount, int perAddress, Duration window) {
        public static final LoginLimits DEFAULT = new LoginLimits(5, 20, Duration.ofMinutes(10));
    }

    /** A server operator: a name for OPER and the bcrypt hash of its password ({@link Passwords#hash}). */
    public record Oper(String name, String passwordHash) {}

    public static ServerConfig defaults() {
        return new ServerConfig(
                "chatroom.local",
                "chatroom",
                "chatroom-0.1.0",
                30,
                64,
                390,
                390,
                390,
                8,
                50,
                20,
                4.0,
                10,
                200,
                "#lobby",
                List.of("Welcome to chatroom.", "Rooms start with #; everyone starts in #lobby."),
                "chatroom operators",
                "root@localhost",
                null,
                List.of(),
                20,
                1000,
                Registration.BEFORE_CONNECT,
                false,
                6,
                Duration.ofSeconds(30),
                5,
                LoginLimits.DEFAULT,
                Duration.ZERO,
                UploadPolicy.DEFAULT);
    }

    /**
     * Self-service account registration (https://ircv3.net/specs/extensions/account-registration): also while
     * connecting, only once connected, or not at all (operators would add accounts).
     */
    public enum Registration {
        BEFORE_CONNECT,
        AFTER_CONNECT,
        OFF
    }

    public ServerConfig withAccounts(Registration when, boolean needsEmail, int minPassword) {
        Builder b = toBuilder();
        b.registration = when;
        b.registrationNeedsEmail = needsEmail;
        b.minPasswordLength = minPassword;
        return b.build();
    }

    public ServerConfig withLimits(int targets, int roomsPerUser) {
        Builder b = toBuilder();
        b.maxTargets = targets;
        b.maxChannelsPerUser = roomsPerUser;
        return b.build();
    }

    public ServerConfig withUploads(UploadPolicy policy) {
        Builder b = toBuilder();
        b.uploads = policy;
        return b.build();
    }

    public ServerConfig withNickGrace(Duration grace) {
        Builder b = toBuilder();
        b.nickGrace = grace;
        return b.build();
    }

    public ServerConfig withSessionsPerAccount(int sessions) {
        Builder b = toBuilder();
        b.sessionsPerAccount = sessions;
        return b.build();
    }

    public ServerConfig withLoginLimits(LoginLimits limits) {
        Builder b = toBuilder();
        b.loginLimits = limits;
        return b.build();
    }

    public ServerConfig withStsDuration(Duration duration) {
        Builder b = toBuilder();
        b.stsDuration = duration;
        return b.build();
    }

    public ServerConfig withFlood(int burst, double linesPerSecond) {
        Builder b = toBuilder();
        b.floodBurst = burst;
        b.floodLinesPerSecond = linesPerSecond;
        return b.build();
    }

    public ServerConfig withFloodMaxLag(int seconds) {
        Builder b = toBuilder();
        b.floodMaxLagSeconds = seconds;
        return b.build();
    }

    public ServerConfig withNames(String server, String network) {
        Builder b = toBuilder();
        b.serverName = server;
        b.networkName = network;
        return b.build();
    }

    public ServerConfig withServerPassword(@Nullable String password) {
        Builder b = toBuilder();
        b.serverPassword = password;
        return b.build();
    }

    public ServerConfig withOpers(List<Oper> list) {
        Builder b = toBuilder();
        b.opers = list;
        return b.build();
    }

    public ServerConfig withHistoryReplayLines(int lines) {
        Builder b = toBuilder();
        b.historyReplayLines = lines;
        return b.build();
    }

    public ServerConfig withMotd(List<String> lines) {
        Builder b = toBuilder();
        b.motd = lines;
        return b.build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy for changing a few fields; {@link #build()} makes the record again. */
    public static final class Builder {
        public String serverName;
        public String networkName;
        public String version;
        public int nickLength;
        public int channelLength;
        public int topicLength;
        public int awayLength;
        public int kickLength;
        public int maxTargets;
        public int maxChannelsPerUser;
        public int floodBurst;
        public double floodLinesPerSecond;
        public int floodMaxLagSeconds;
        public int whowasLength;
        public String lobby;
        public List<String> motd;
        public String adminName;
        public String adminEmail;
        public @Nullable String serverPassword;
        public List<Oper> opers;
        public int historyReplayLines;
        public int chathistoryLimit;
        public Registration registration;
        public boolean registrationNeedsEmail;
        public int minPasswordLength;
        public Duration nickGrace;
        public int sessionsPerAccount;
        public LoginLimits loginLimits;
        public Duration stsDuration;
        public UploadPolicy uploads;

        Builder(ServerConfig c) {
            serverName = c.serverName;
            networkName = c.networkName;
            version = c.version;
            nickLength = c.nickLength;
            channelLength = c.channelLength;
            topicLength = c.topicLength;
            awayLength = c.awayLength;
            kickLength = c.kickLength;
            maxTargets = c.maxTargets;
            maxChannelsPerUser = c.maxChannelsPerUser;
            floodBurst = c.floodBurst;
            floodLinesPerSecond = c.floodLinesPerSecond;
            floodMaxLagSeconds = c.floodMaxLagSeconds;
            whowasLength = c.whowasLength;
            lobby = c.lobby;
            motd = c.motd;
            adminName = c.adminName;
            adminEmail = c.adminEmail;
            serverPassword = c.serverPassword;
            opers = c.opers;
            historyReplayLines = c.historyReplayLines;
            chathistoryLimit = c.chathistoryLimit;
            registration = c.registration;
            registrationNeedsEmail = c.registrationNeedsEmail;
            minPasswordLength = c.minPasswordLength;
            nickGrace = c.nickGrace;
            sessionsPerAccount = c.sessionsPerAccount;
            loginLimits = c.loginLimits;
            stsDuration = c.stsDuration;
            uploads = c.uploads;
        }

        public ServerConfig build() {
            return new ServerConfig(
                    serverName,
                    networkName,
                    version,
                    nickLength,
                    channelLength,
                    topicLength,
                    awayLength,
                    kickLength,
                    maxTargets,
                    maxChannelsPerUser,
                    floodBurst,
                    floodLinesPerSecond,
                    floodMaxLagSeconds,
                    whowasLength,
                    lobby,
                    motd,
                    adminName,
                    adminEmail,
                    serverPassword,
                    opers,
                    historyReplayLines,
                    chathistoryLimit,
                    registration,
                    registrationNeedsEmail,
                    minPasswordLength,
                    nickGrace,
                    sessionsPerAccount,
                    loginLimits,
                    stsDuration,
                    uploads);
        }
    }
}
