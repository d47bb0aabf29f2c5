package chatroom.server;

import java.nio.file.Path;

/**
 * Where logback writes, set before the first logger exists (logback.xml reads these properties): the server logs to
 * {@code <data-dir>/logs}; the one-shot tools ({@code export}, {@code add-account}) write there too, but only
 * problems, because their standard output is their result.
 */
final class LogSetup {
    private LogSetup() {}

    static void server(Path dataDir) {
        System.setProperty("chatroom.logDir", dataDir.resolve("logs").toString());
    }

    static void tool(Path dataDir) {
        System.setProperty("chatroom.logLevel", "WARN");
        server(dataDir);
    }
}
