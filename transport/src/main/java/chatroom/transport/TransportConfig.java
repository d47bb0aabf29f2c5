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
 * @param ioThreads event-loop threads for the connections ({@link #defaultIoThreads()} unless set)
 * @param io how the event loops do I/O ({@link IoTransport#best()} unless set)
 */
public record TransportConfig(
        int maxLineBytes,
        int sendQueueBytes,
        Duration pingInterval,
        Duration pingTimeout,
        int maxConnectionsPerIp,
        int connectsPerIpPerMinute,
        Duration registrationTimeout,
        int ioThreads,
        IoTransport io) {

    public TransportConfig {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
    }

    /** With {@link #defaultIoThreads()} event loops and the {@link IoTransport#best()} I/O. */
    public TransportConfig(
            int maxLineBytes,
            int sendQueueBytes,
            Duration pingInterval,
            Duration pingTimeout,
            int maxConnectionsPerIp,
            int connectsPerIpPerMinute,
            Duration registrationTimeout) {
        this(
                maxLineBytes,
                sendQueueBytes,
                pingInterval,
                pingTimeout,
                maxConnectionsPerIp,
                connectsPerIpPerMinute,
                registrationTimeout,
                defaultIoThreads(),
                IoTransport.best());
    }

    /**
     * Half the processors, at least one: the hub and the history writer are threads of their own, and fewer event
     * loops drain bigger batches (on 2 cores, one event loop delivered 1.2 to 1.6 times what Netty's default of four
     * did in the fan-out benchmark, docs/performance.md).
     */
    public static int defaultIoThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

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
                maxLineBytes,
                sendQueueBytes,
                pingInterval,
                pingTimeout,
                simultaneous,
                perMinute,
                registrationTimeout,
                ioThreads,
                io);
    }

    public TransportConfig withPing(Duration interval, Duration timeout) {
        return new TransportConfig(
                maxLineBytes,
                sendQueueBytes,
                interval,
                timeout,
                maxConnectionsPerIp,
                connectsPerIpPerMinute,
                registrationTimeout,
                ioThreads,
                io);
    }

    public TransportConfig withRegistrationTimeout(Duration timeout) {
        return new TransportConfig(
                maxLineBytes,
                sendQueueBytes,
                pingInterval,
                pingTimeout,
                maxConnectionsPerIp,
                connectsPerIpPerMinute,
                timeout,
                ioThreads,
                io);
    }

    public TransportConfig withIo(IoTransport io) {
        return new TransportConfig(
                maxLineBytes,
                sendQueueBytes,
                pingInterval,
                pingTimeout,
                maxConnectionsPerIp,
                connectsPerIpPerMinute,
                registrationTimeout,
                ioThreads,
                io);
    }
}
