package chatroom.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RecentLogTest {
    @Test
    void keepsTheLastLinesOfTheServerLogOldestFirst() {
        RecentLog recent = RecentLog.attach(3);
        try {
            org.slf4j.Logger log = LoggerFactory.getLogger("chatroom.test.Recent");
            for (int i = 1; i <= 5; i++) {
                log.warn("line {} 中文", i);
            }
            assertThat(recent.lines()).hasSize(3);
            assertThat(recent.lines().get(0)).endsWith("WARN  Recent - line 3 中文");
            assertThat(recent.lines().get(2)).endsWith("WARN  Recent - line 5 中文");
        } finally {
            ((LoggerContext) LoggerFactory.getILoggerFactory())
                    .getLogger(Logger.ROOT_LOGGER_NAME)
                    .detachAppender(recent);
        }
    }
}
