package chatroom.client;

import java.util.List;

/**
 * A snapshot of the client-side state, taken on the client's thread ({@link ChatClient#view()}).
 *
 * @param nick our nick (the one asked for while not connected)
 * @param connected registered with a server right now
 * @param rooms the rooms we are in on this connection
 * @param whispers everyone we have whispered with, in order of first whisper
 * @param queued lines waiting to be sent after reconnecting
 */
public record ClientView(String nick, boolean connected, List<Room> rooms, List<String> whispers, int queued) {
    public ClientView {
        rooms = List.copyOf(rooms);
        whispers = List.copyOf(whispers);
    }

    public record Room(String name, String topic, List<Member> members) {
        public Room {
            members = List.copyOf(members);
        }
    }
}
