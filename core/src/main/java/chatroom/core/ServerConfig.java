package chatroom.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chat rules and limits, immutable (STYLE.md §5.4). Every field has a default in {@link #defaults()} and a flag in
 * the server's command line.
 *
 * @param floodBurst lines a client may send at once before fake lag applies
 * @param floodLinesPerSecond sustained lines per second; 0 disables flood control
 * @param floodMaxLagSeconds fake lag beyond which the client is disconnected ("Excess Flood")
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
        @Nullable String serverPassword) {

    public ServerConfig {
        motd = List.copyOf(motd);
    }

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
                null);
    }

    public ServerConfig withFlood(int burst, double linesPerSecond) {
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
                burst,
                linesPerSecond,
                floodMaxLagSeconds,
                whowasLength,
                lobby,
                motd,
                adminName,
                adminEmail,
                serverPassword);
    }

    public ServerConfig withNames(String server, String network) {
        return new ServerConfig(
                server,
                network,
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
                serverPassword);
    }

    public ServerConfig withServerPassword(@Nullable String password) {
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
                password);
    }

    public ServerConfig withMotd(List<String> lines) {
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
                lines,
                adminName,
                adminEmail,
                serverPassword);
    }
}
