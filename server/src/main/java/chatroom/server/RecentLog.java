package chatroom.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The last lines of the server log, in memory, for the admin dashboard: a Logback appender on the root logger with a
 * bounded ring buffer. Appending formats the line and holds a lock only to add it (no I/O), so the hub and event
 * loops may log through it.
 */
final class RecentLog extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final int capacity;
    private final ArrayDeque<String> lines;
    private final PatternLayout layout = new PatternLayout();

    private RecentLog(int capacity) {
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
    }

    /** A started appender keeping {@code capacity} lines, attached to the root logger of Logback. */
    static RecentLog attach(int capacity) {
        RecentLog log = new RecentLog(capacity);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            log.layout.setContext(context);
            log.layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg");
            log.layout.start();
            log.setContext(context);
            log.setName("RECENT");
            log.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(log);
        }
        return log;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = layout.doLayout(event);
        synchronized (lines) {
            if (lines.size() == capacity) {
                lines.pollFirst();
            }
            lines.addLast(line);
        }
    }

    /** The lines kept, oldest first. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
