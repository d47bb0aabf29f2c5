package chatroom.core.room;

import chatroom.core.upload.RoomUploads;
import chatroom.protocol.CaseMapping;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is kept of a registered room (a snapshot taken on the hub): owner, topic, modes ({@code imnstR} flags, key,
 * limit), the +b/+e/+I lists, the access list and who may share files. Members, invitations and +o/+v of people present are not kept.
 */
public record RegisteredRoom(
        String name,
        String founder,
        Instant registeredAt,
        String topic,
        String topicSetBy,
        Instant topicSetAt,
        String flags,
        @Nullable String key,
        int limit,
        List<Listed> lists,
        List<Registration.Access> access,
        RoomUploads uploads) {

    public RegisteredRoom {
        lists = List.copyOf(lists);
        access = List.copyOf(access);
    }

    /** One entry of the list for mode {@code b}, {@code e} or {@code I}. */
    public record Listed(char mode, ListEntry entry) {}

    /** The name under the server's case mapping: the key rooms are kept under. */
    public String folded() {
        return CaseMapping.fold(name);
    }
}
