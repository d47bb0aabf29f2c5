package chatroom.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** FAIL UPLOAD codes become sentences in the client's language, naming the room whose own rule refused. */
class ShareExceptionTest {
    private static final Texts EN = new Texts(Locale.ENGLISH);
    private static final Texts ZH = new Texts(Locale.SIMPLIFIED_CHINESE);

    @Test
    void eachRefusalOfTheServerOrARoomIsASentence() {
        assertThat(ShareException.refused(EN, "DISABLED", null)).hasMessage("This server does not take files.");
        assertThat(ShareException.refused(EN, "ACCOUNT_REQUIRED", null))
                .hasMessage("Only people logged in to an account may share files on this server.");
        assertThat(ShareException.refused(EN, "ACCOUNT_REQUIRED", "#课堂"))
                .hasMessage("Only people logged in to an account may share files in #课堂.");
        assertThat(ShareException.refused(EN, "VOICE_REQUIRED", "#a"))
                .hasMessage("Only operators and voiced members may share files in #a.");
        assertThat(ShareException.refused(EN, "ROOM_DISABLED", "#a")).hasMessage("File sharing is off in #a.");
        assertThat(ShareException.refused(EN, "NOT_IN_ROOM", "#a")).hasMessage("Join #a to share files in it.");
        assertThat(ShareException.refused(EN, "SOMETHING_NEW", null))
                .hasMessage("The server refused the file (SOMETHING_NEW).");
        assertThat(ShareException.refused(EN, "NOT_IN_ROOM", null))
                .as("without the room it names, the code is shown")
                .hasMessage("The server refused the file (NOT_IN_ROOM).");
    }

    @Test
    void inSimplifiedChineseToo() {
        assertThat(ShareException.refused(ZH, "ROOM_DISABLED", "#a")).hasMessage("#a 已关闭文件分享。");
        assertThat(ShareException.refused(ZH, "VOICE_REQUIRED", "#a")).hasMessage("#a 只允许管理员和有发言权（+v）的成员分享文件。");
        assertThat(ShareException.refused(ZH, "NOT_IN_ROOM", "#a")).hasMessage("请先加入 #a 再在其中分享文件。");
        assertThat(ShareException.refused(ZH, "ACCOUNT_REQUIRED", "#a")).hasMessage("#a 只允许登录账号的用户分享文件。");
    }
}
