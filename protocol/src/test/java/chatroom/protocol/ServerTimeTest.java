package chatroom.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class ServerTimeTest {
    @Test
    void alwaysWritesMillisecondsEvenWhenTheyAreZero() {
        // https://ircv3.net/specs/extensions/server-time: YYYY-MM-DDThh:mm:ss.sssZ
        assertThat(ServerTime.format(Instant.parse("2026-12-02T10:15:30Z"))).isEqualTo("2026-12-02T10:15:30.000Z");
        assertThat(ServerTime.format(Instant.parse("2026-12-02T10:15:30.120Z"))).isEqualTo("2026-12-02T10:15:30.120Z");
        assertThat(ServerTime.format(Instant.parse("2026-12-02T10:15:30.999999Z")))
                .isEqualTo("2026-12-02T10:15:30.999Z");
    }

    @Test
    void readsEachTextItsOwnWayAfterTheLastOneIsKept() {
        assertThat(ServerTime.parse("2026-12-02T10:15:30.120Z")).isEqualTo(Instant.parse("2026-12-02T10:15:30.120Z"));
        assertThat(ServerTime.parse("2026-12-02T10:15:30.120Z")).isEqualTo(Instant.parse("2026-12-02T10:15:30.120Z"));
        assertThat(ServerTime.parse("2026-12-02T10:15:31Z")).isEqualTo(Instant.parse("2026-12-02T10:15:31Z"));
        assertThatThrownBy(() -> ServerTime.parse("yesterday")).isInstanceOf(DateTimeParseException.class);
        assertThat(ServerTime.parse("2026-12-02T10:15:31Z")).isEqualTo(Instant.parse("2026-12-02T10:15:31Z"));
    }
}
