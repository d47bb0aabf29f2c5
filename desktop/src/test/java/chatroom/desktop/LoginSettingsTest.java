package chatroom.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginSettingsTest {
    @TempDir
    Path dir;

    @Test
    void whatWasSavedComesBackAndNothingSavedMeansTheDefaults() {
        assertThat(LoginSettings.load(dir)).isEqualTo(LoginSettings.DEFAULTS);
        LoginSettings s = new LoginSettings("chat.example.org:6697", "小明", true, false);
        s.save(dir.resolve("sub"));
        assertThat(LoginSettings.load(dir.resolve("sub"))).isEqualTo(s);
    }
}
