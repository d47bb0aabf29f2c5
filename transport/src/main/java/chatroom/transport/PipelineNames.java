package chatroom.transport;

/** Names of pipeline stages, in pipeline order (hivemq {@code ChannelHandlerNames}). */
public final class PipelineNames {
    public static final String CONNECTION_LIMIT = "connection-limit";
    public static final String TLS = "tls";
    public static final String FOREIGN_PROTOCOL = "foreign-protocol";
    public static final String TELNET_FILTER = "telnet-filter";
    public static final String HTTP_CODEC = "http-codec";
    public static final String HTTP_UPLOAD = "http-upload";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String HTTP_IDLE = "http-idle";
    public static final String HTTP_ROUTER = "http-router";
    public static final String WEBSOCKET = "websocket";
    public static final String WEBSOCKET_AGGREGATOR = "websocket-aggregator";
    public static final String WEBSOCKET_IRC = "websocket-irc";
    public static final String FRAMER = "line-framer";
    public static final String LINE_DECODER = "line-decoder";
    public static final String PLAIN = "plain-translator";
    public static final String SESSION = "session";
    public static final String EXCEPTIONS = "exceptions";

    private PipelineNames() {}
}
