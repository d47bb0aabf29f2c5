package chatroom.transport;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's Prometheus metrics, one registry per server (tests run several in one JVM). Every update is a
 * lock-free adder increment on a data point resolved once per connection, so counting costs the hub and the event
 * loops next to nothing; {@link #scrape()} runs on an event loop and only reads.
 */
final class ServerMetrics {
    /** Label values of {@code protocol}: IRC over TCP (with or without TLS), IRC over WebSocket, plain text. */
    static final String IRC = "irc";

    static final String WEBSOCKET = "websocket";
    static final String PLAIN = "plain";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private final Gauge connections = Gauge.builder()
            .name("chatroom_connections")
            .help("Open client connections by protocol")
            .labelNames("protocol")
            .register(registry);
    private final Counter messagesIn = Counter.builder()
            .name("chatroom_messages_in_total")
            .help("Lines received from clients and handed to the hub, by protocol")
            .labelNames("protocol")
            .withoutExemplars()
            .register(registry);
    private final Counter deliveriesOut = Counter.builder()
            .name("chatroom_deliveries_out_total")
            .help("Lines the hub queued to client connections")
            .withoutExemplars()
            .register(registry);
    private final Histogram commitSeconds = Histogram.builder()
            .name("chatroom_store_commit_seconds")
            .help("Time to store one batch of history events (one transaction)")
            .classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .withoutExemplars()
            .register(registry);
    private final Counter sendQueueDisconnects = Counter.builder()
            .name("chatroom_sendq_disconnects_total")
            .help("Connections closed because their send queue was full (SendQ exceeded)")
            .withoutExemplars()
            .register(registry);

    private final Counter uploads = Counter.builder()
            .name("chatroom_uploads_total")
            .help("Files shared over HTTP")
            .withoutExemplars()
            .register(registry);
    private final Counter uploadBytes = Counter.builder()
            .name("chatroom_upload_bytes_total")
            .help("Bytes of the files shared over HTTP")
            .withoutExemplars()
            .register(registry);

    /** A connection's data points, looked up once when it opens. */
    record PerProtocol(GaugeDataPoint connections, CounterDataPoint messagesIn) {}

    ServerMetrics() {
        // every protocol shows up from the first scrape, at zero
        for (String p : new String[] {IRC, WEBSOCKET, PLAIN}) {
            forProtocol(p);
        }
    }

    /** One per protocol, shared by its connections. */
    private final Map<String, PerProtocol> perProtocol = new ConcurrentHashMap<>();

    PerProtocol forProtocol(String protocol) {
        return perProtocol.computeIfAbsent(
                protocol, p -> new PerProtocol(connections.labelValues(p), messagesIn.labelValues(p)));
    }

    /** On the hub: lines queued to connections, one per connection and line. */
    void delivered(long lines) {
        deliveriesOut.inc(lines);
    }

    /** After a file is stored. */
    void uploaded(long bytes) {
        uploads.inc();
        uploadBytes.inc(bytes);
    }

    /** On an event loop. */
    void sendQueueDisconnect() {
        sendQueueDisconnects.inc();
    }

    /** On the history writer's thread, after each batch. */
    void commitNanos(long nanos) {
        commitSeconds.observe(nanos / (double) TimeUnit.SECONDS.toNanos(1));
    }

    /** Open connections by protocol label, for the admin dashboard. */
    java.util.Map<String, Long> connectionsByProtocol() {
        var by = new java.util.LinkedHashMap<String, Long>();
        for (String p : new String[] {IRC, WEBSOCKET, PLAIN}) {
            by.put(p, (long) connections.labelValues(p).get());
        }
        return by;
    }

    /** Lines received so far, every protocol together. */
    long messagesIn() {
        double sum = 0;
        for (String p : new String[] {IRC, WEBSOCKET, PLAIN}) {
            sum += messagesIn.labelValues(p).get();
        }
        return (long) sum;
    }

    /** Lines queued to connections so far. */
    long deliveriesOut() {
        return (long) deliveriesOut.get();
    }

    String contentType() {
        return writer.getContentType();
    }

    /** Every metric in the Prometheus text format. */
    byte[] scrape() {
        var out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
