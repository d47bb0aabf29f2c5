package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.ServerConfig;
import chatroom.core.upload.Upload;
import chatroom.core.upload.UploadGrants;
import chatroom.core.upload.UploadPolicy;
import chatroom.core.user.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadTest {
    private static ChatFixture withUploads(UploadPolicy.Who who) {
        ChatFixture f = new ChatFixture(ServerConfig.defaults()
                .withFlood(0, 0)
                .withUploads(new UploadPolicy(who, 1000, List.of("image/*"), Duration.ZERO)));
        f.state.fileHost("http://127.0.0.1:8080/upload");
        return f;
    }

    private static String token(List<String> replies) {
        assertThat(replies).singleElement().asString().startsWith(":chatroom.local NOTE UPLOAD TOKEN ");
        return replies.get(0).split(" ")[4];
    }

    @Test
    void aTokenActsForWhoAskedForItForTenMinutes() {
        ChatFixture f = withUploads(UploadPolicy.Who.EVERYONE);
        Session alice = f.register("alice");

        String token = token(f.ask(alice, "UPLOAD"));

        assertThat(f.state.uploadGrants().find(token, f.state.now()))
                .isEqualTo(new UploadGrants.Grant("alice", null, f.state.now().plus(UploadGrants.LIFETIME)));
        assertThat(f.state.uploadGrants().find("forged", f.state.now())).isNull();
        f.advance(UploadGrants.LIFETIME);
        assertThat(f.state.uploadGrants().find(token, f.state.now())).isNull();
    }

    @Test
    void byDefaultOnlyPeopleWithAnAccountMayUpload() {
        ChatFixture f = withUploads(UploadPolicy.Who.REGISTERED);
        Session guest = f.register("guest");
        Session member = f.register("member");
        f.logIn(member, "member");

        assertThat(f.ask(guest, "UPLOAD"))
                .containsExactly(":chatroom.local FAIL UPLOAD ACCOUNT_REQUIRED :Log in to an account to share files");
        String token = token(f.ask(member, "UPLOAD"));
        assertThat(f.state.uploadGrants().find(token, f.state.now()).account()).isEqualTo("member");
    }

    @Test
    void offOrWithoutAnHttpPortThereAreNoUploads() {
        ChatFixture off = withUploads(UploadPolicy.Who.OFF);
        assertThat(off.ask(off.register("alice"), "UPLOAD"))
                .containsExactly(":chatroom.local FAIL UPLOAD DISABLED :File sharing is off on this server");

        ChatFixture noHttp = withUploads(UploadPolicy.Who.EVERYONE);
        noHttp.state.fileHost(null);
        assertThat(noHttp.ask(noHttp.register("alice"), "UPLOAD"))
                .containsExactly(":chatroom.local FAIL UPLOAD DISABLED :File sharing is off on this server");
    }

    @Test
    void theUploadUrlIsAdvertisedAsFilehost() {
        ChatFixture f = withUploads(UploadPolicy.Who.EVERYONE);
        Session s = f.connect();
        f.send(s, "NICK alice");
        f.send(s, "USER alice 0 * :Alice");

        assertThat(f.got(s))
                .anySatisfy(line -> assertThat(line)
                        .startsWith(":chatroom.local 005 alice ")
                        .contains(" draft/FILEHOST=http://127.0.0.1:8080/upload "));
    }

    @Test
    void onlyTheUploaderOrAnOperatorDeletesAFile() throws IOException {
        ChatFixture f = withUploads(UploadPolicy.Who.EVERYONE);
        Session alice = f.register("alice");
        Session bob = f.register("bob");
        var content = new java.io.ByteArrayInputStream(new byte[] {'p', 'n', 'g'});
        f.state
                .uploads()
                .put(
                        new Upload("abc", "0".repeat(64), "cat.png", "image/png", 3, "alice", null, f.state.now()),
                        content);

        assertThat(f.ask(bob, "UPLOAD DELETE abc"))
                .containsExactly(
                        ":chatroom.local FAIL UPLOAD NOT_YOURS abc :Only its uploader or an operator may delete it");
        assertThat(f.ask(alice, "UPLOAD DELETE abc"))
                .containsExactly(":chatroom.local NOTE UPLOAD DELETED abc :The file is deleted");
        assertThat(f.state.uploads().find("abc")).isEmpty();
        assertThat(f.ask(alice, "UPLOAD DELETE abc"))
                .containsExactly(":chatroom.local FAIL UPLOAD NOT_FOUND abc :No such file");
    }
}
