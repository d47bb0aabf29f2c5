package chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomModesTest {
    @Test
    void prefixesStayInRankOrder() {
        assertThat(RoomModes.withPrefix("+", '@', true, "~&@%+")).isEqualTo("@+");
        assertThat(RoomModes.withPrefix("@+", '@', false, "~&@%+")).isEqualTo("+");
        assertThat(RoomModes.withPrefix("", '+', false, "@+")).isEmpty();
    }
}
