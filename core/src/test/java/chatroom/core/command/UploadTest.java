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

    /** alice (account ann) registers #a, whose file sharing rule she sets to {@code rule}. */
    private static Session roomWithRule(ChatFixture f, String rule) {
        Session alice = f.register("alice");
        f.logIn(alice, "ann");
        f.ask(alice, "JOIN #a");
        f.ask(alice, "CS REGISTER #a");
        assertThat(f.ask(alice, "CS SET #a UPLOADS " + rule))
                .singleElement()
                .asString()
                .contains("Files may now");
        return alice;
    }

    @Test
    void aRoomOpenToEveryoneGivesGuestsATokenWhereTheServerWantsAnAccount() {
        ChatFixture f = withUploads(UploadPolicy.Who.REGISTERED);
        roomWithRule(f, "everyone");
        Session guest = f.register("guest");
        f.ask(guest, "JOIN #a");

        String token = token(f.ask(guest, "UPLOAD #A"));
        assertThat(f.state.uploadGrants().find(token, f.state.now()).nick()).isEqualTo("guest");
        assertThat(f.ask(guest, "UPLOAD"))
                .as("without a target the server's policy decides")
                .containsExactly(":chatroom.local FAIL UPLOAD ACCOUNT_REQUIRED :Log in to an account to share files");
        assertThat(f.ask(guest, "UPLOAD bob"))
                .containsExactly(":chatroom.local FAIL UPLOAD ACCOUNT_REQUIRED :Log in to an account to share files");
        f.ask(guest, "JOIN #b");
        assertThat(f.ask(guest, "UPLOAD #b"))
                .as("a room without a rule of its own follows the server")
                .containsExactly(":chatroom.local FAIL UPLOAD ACCOUNT_REQUIRED :Log in to an account to share files");
    }

    @Test
    void onlyMembersGetATokenForARoom() {
        ChatFixture f = withUploads(UploadPolicy.Who.EVERYONE);
        roomWithRule(f, "everyone");
        Session bob = f.register("bob");

        assertThat(f.ask(bob, "UPLOAD #a"))
                .containsExactly(":chatroom.local FAIL UPLOAD NOT_IN_ROOM #a :Join #a to share files in it");
        assertThat(f.ask(bob, "UPLOAD #nowhere"))
                .containsExactly(
                        ":chatroom.local FAIL UPLOAD NOT_IN_ROOM #nowhere :Join #nowhere to share files in it");
    }

    @Test
    void aRoomCanBeStricterThanTheServer() {
        ChatFixture f = withUploads(UploadPolicy.Who.EVERYONE);
        Session alice = roomWithRule(f, "off");
        Session bob = f.register("bob");
        f.logIn(bob, "bea");
        f.ask(bob, "JOIN #a");
        Session guest = f.register("guest");
        f.ask(guest, "JOIN #a");
        f.got(alice);
        f.got(bob);

        assertThat(f.ask(bob, "UPLOAD #a"))
                .containsExactly(":chatroom.local FAIL UPLOAD ROOM_DISABLED #a :File sharing is off in #a");
        assertThat(f.ask(alice, "UPLOAD #a"))
                .as("not even for its founder")
                .containsExactly(":chatroom.local FAIL UPLOAD ROOM_DISABLED #a :File sharing is off in #a");
        token(f.ask(bob, "UPLOAD"));

        f.ask(alice, "CS SET #a UPLOADS registered");
        assertThat(f.ask(guest, "UPLOAD #a"))
                .containsExactly(
                        ":chatroom.local FAIL UPLOAD ACCOUNT_REQUIRED #a :Log in to an account to share files in #a");
        token(f.ask(bob, "UPLOAD #a"));

        f.ask(alice, "CS SET #a UPLOADS voiced");
        assertThat(f.ask(bob, "UPLOAD #a"))
                .as("an account is not enough")
                .containsExactly(":chatroom.local FAIL UPLOAD VOICE_REQUIRED #a :Only operators and voiced members may"
                        + " share files in #a");
        token(f.ask(alice, "UPLOAD #a"));
        f.ask(alice, "MODE #a +v guest");
        f.got(bob);
        f.got(guest);
        token(f.ask(guest, "UPLOAD #a"));
        f.ask(alice, "MODE #a -v guest");
        f.got(bob);
        f.got(guest);
        assertThat(f.ask(guest, "UPLOAD #a")).singleElement().asString().contains(" VOICE_REQUIRED ");

        f.ask(alice, "CS SET #a UPLOADS default");
        token(f.ask(guest, "UPLOAD #a"));
    }

    @Test
    void theServerTurnedOffWinsOverARoomOpenToEveryone() {
        ChatFixture f = withUploads(UploadPolicy.Who.OFF);
        Session alice = roomWithRule(f, "everyone");

        assertThat(f.ask(alice, "UPLOAD #a"))
                .containsExactly(":chatroom.local FAIL UPLOAD DISABLED :File sharing is off on this server");
        ChatFixture noHttp = withUploads(UploadPolicy.Who.EVERYONE);
        noHttp.state.fileHost(null);
        Session founder = roomWithRule(noHttp, "everyone");
        assertThat(noHttp.ask(founder, "UPLOAD #a"))
                .containsExactly(":chatroom.local FAIL UPLOAD DISABLED :File sharing is off on this server");
    }

    @Test
    void aNickNamedDeleteIsATargetNotADeletion() {
        ChatFixture f = withUploads(UploadPolicy.Who.EVERYONE);
        token(f.ask(f.register("alice"), "UPLOAD DELETE"));
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
