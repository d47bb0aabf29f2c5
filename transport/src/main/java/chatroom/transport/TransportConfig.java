package chatroom.transport;

import java.time.Duration;

/**
 * Limits the transports enforce (DESIGN.md rule 5), all configurable from the command line.
 *
 * @param maxLineBytes bytes of one inbound line (tags included) before ERR_INPUTTOOLONG
 * @param sendQueueBytes unwritten bytes a session may have queued before "SendQ exceeded"
 * @param pingInterval silence after which the server sends PING
 * @param pingTimeout further silence after the PING after which the connection is closed
 * @param maxConnectionsPerIp simultaneous connections from one address; 0 means unlimited
 * @param connectsPerIpPerMinute new connections one address may open per minute; 0 means unlimited
 * @param registrationTimeout time a connection has to register (IRC) or log in (telnet) before it is closed
 */
public record TransportConfig(
        int maxLineBytes,
        int sendQueueBytes,
        Duration pingInterval,
        Duration pingTimeout,
        int maxConnectionsPerIp,
        int connectsPerIpPerMinute,
        Duration registrationTimeout) {

    public static TransportConfig defaults() {
        return new TransportConfig(
                chatroom.protocol.Limits.MAX_FRAME_BYTES,
                1 << 20,
                Duration.ofSeconds(90),
                Duration.ofSeconds(60),
                20,
                60,
                Duration.ofMinutes(2));
    }

    public TransportConfig withConnectionLimits(int simultaneous, int perMinute) {
        return new TransportConfig(
                maxLineBytes, sendQueueBytes, pingInterval, pingTimeout, simultaneous, perMinute, registrationTimeout);
    }

    public TransportConfig withRegistrationTimeout(Duration timeout) {
        return new TransportConfig(
                maxLineBytes,
                sendQueueBytes,
                pingInterval,
                pingTimeout,
                maxConnectionsPerIp,
                connectsPerIpPerMinute,
                timeout);
    }
}
