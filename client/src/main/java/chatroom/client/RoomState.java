package chatroom.client;

import chatroom.protocol.CaseMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A room we are in, as far as this connection knows it: members with their prefixes, and the topic. */
final class RoomState {
    final String name;
    String topic = "";
    private final Map<String, Member> members = new LinkedHashMap<>();
    /** Names collected from 353 replies until the 366 that ends them. */
    @Nullable
    List<Member> incomingNames;

    RoomState(String name) {
        this.name = name;
    }

    void put(Member m) {
        members.put(CaseMapping.fold(m.nick()), m);
    }

    boolean remove(String nick) {
        return members.remove(CaseMapping.fold(nick)) != null;
    }

    @Nullable
    Member get(String nick) {
        return members.get(CaseMapping.fold(nick));
    }

    boolean rename(String oldNick, String newNick) {
        Member m = members.remove(CaseMapping.fold(oldNick));
        if (m == null) {
            return false;
        }
        put(new Member(newNick, m.prefixes()));
        return true;
    }

    void replaceAll(List<Member> list) {
        members.clear();
        list.forEach(this::put);
    }

    List<Member> members() {
        return List.copyOf(new ArrayList<>(members.values()));
    }
}
