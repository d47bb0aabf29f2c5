package chatroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.room.ListEntry;
import chatroom.core.room.RegisteredRoom;
import chatroom.core.room.RegisteredRoom.Listed;
import chatroom.core.room.Registration.Access;
import chatroom.core.room.RoomStore;
import chatroom.core.upload.RoomUploads;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One suite, every backend: registered rooms are kept whole, replaced whole and forgotten the same way. */
abstract class RoomStoreContract {
    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    Database db;
    RoomStore store;

    /** Opens the database; a second call in the same test opens the same one again, as a restart does. */
    abstract Database open();

    @BeforeEach
    void setUp() {
        db = open();
        store = new JdbcRoomStore(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static RegisteredRoom room(String name, String topic, List<Listed> lists, List<Access> access) {
        return new RegisteredRoom(
                name,
                "小明",
                T0,
                topic,
                "ann!ann@h",
                T0.plusSeconds(5),
                "nst",
                "sesame",
                10,
                lists,
                access,
                RoomUploads.DEFAULT);
    }

    @Test
    void aRoomComesBackWithItsTopicModesListsInOrderAndAccessList() {
        RegisteredRoom r = room(
                "#Café",
                "话题 topic",
                List.of(
                        new Listed('b', new ListEntry("*!*@bad.example", "ann!ann@h", T0.plusSeconds(1))),
                        new Listed('I', new ListEntry("$a:bob", "ann!ann@h", T0.plusSeconds(2))),
                        new Listed('b', new ListEntry("eve!*@*", "ann!ann@h", T0.plusSeconds(3))),
                        new Listed('e', new ListEntry("carol!*@*", "ann!ann@h", T0.plusSeconds(4)))),
                List.of(new Access("Bob", 'o'), new Access("carol", 'v')));
        assertThat(store.loadAll()).isEmpty();
        store.save(r);
        assertThat(store.loadAll()).containsExactly(r);
    }

    @Test
    void savingAgainReplacesTheWholeRoomAndOtherRoomsAreUntouched() {
        store.save(room(
                "#a",
                "old",
                List.of(new Listed('b', new ListEntry("x!*@*", "ann", T0))),
                List.of(new Access("bob", 'o'))));
        RegisteredRoom other = room("#b", "other", List.of(), List.of());
        store.save(other);
        RegisteredRoom newer = new RegisteredRoom(
                "#a",
                "小明",
                T0,
                "new",
                "bob!b@h",
                T0.plusSeconds(9),
                "imR",
                null,
                0,
                List.of(),
                List.of(),
                RoomUploads.VOICED);
        store.save(newer);
        assertThat(store.loadAll()).containsExactly(newer, other);
    }

    @Test
    void whoMayShareFilesInARoomSurvivesARestart() {
        for (RoomUploads rule : RoomUploads.values()) {
            store.save(withUploads(room("#" + rule.word(), "t", List.of(), List.of()), rule));
        }
        db.close();
        db = open();
        store = new JdbcRoomStore(db);

        assertThat(store.loadAll())
                .extracting(r -> r.name() + "=" + r.uploads())
                .containsExactlyInAnyOrder(
                        "#default=DEFAULT",
                        "#everyone=EVERYONE",
                        "#registered=REGISTERED",
                        "#voiced=VOICED",
                        "#off=OFF");
        store.delete("#everyone");
        store.save(room("#everyone", "registered again", List.of(), List.of()));
        assertThat(store.loadAll())
                .filteredOn(r -> r.name().equals("#everyone"))
                .singleElement()
                .extracting(RegisteredRoom::uploads)
                .as("a room registered again starts from the server's policy")
                .isEqualTo(RoomUploads.DEFAULT);
    }

    private static RegisteredRoom withUploads(RegisteredRoom r, RoomUploads uploads) {
        return new RegisteredRoom(
                r.name(),
                r.founder(),
                r.registeredAt(),
                r.topic(),
                r.topicSetBy(),
                r.topicSetAt(),
                r.flags(),
                r.key(),
                r.limit(),
                r.lists(),
                r.access(),
                uploads);
    }

    @Test
    void deleteForgetsTheRoomAndItsLists() {
        store.save(room(
                "#a",
                "t",
                List.of(new Listed('e', new ListEntry("x!*@*", "ann", T0))),
                List.of(new Access("bob", 'v'))));
        store.delete("#a");
        store.delete("#never-registered");
        assertThat(store.loadAll()).isEmpty();
        RegisteredRoom again = room("#a", "again", List.of(), List.of());
        store.save(again);
        assertThat(store.loadAll()).containsExactly(again);
    }
}
