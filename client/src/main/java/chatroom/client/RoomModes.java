package chatroom.client;

import chatroom.protocol.IrcMessage;

/** Applies a room {@code MODE} line to the members' status prefixes (RFC 2811 §4; ISUPPORT PREFIX and CHANMODES). */
final class RoomModes {
    private RoomModes() {}

    static void apply(
            Session s, IrcMessage m, String prefixModes, String prefixChars, String alwaysParam, String setParam) {
        RoomState room = s.room(m.param(0));
        if (room == null || m.paramCount() < 2) {
            return;
        }
        boolean adding = true;
        int arg = 2;
        boolean changed = false;
        String modes = m.param(1);
        for (int i = 0; i < modes.length(); i++) {
            char c = modes.charAt(i);
            if (c == '+' || c == '-') {
                adding = c == '+';
                continue;
            }
            int rank = prefixModes.indexOf(c);
            if (rank >= 0) {
                String nick = m.param(arg++);
                Member member = room.get(nick);
                if (member != null) {
                    room.put(new Member(
                            member.nick(),
                            withPrefix(member.prefixes(), prefixChars.charAt(rank), adding, prefixChars)));
                    changed = true;
                }
            } else if (alwaysParam.indexOf(c) >= 0 || (adding && setParam.indexOf(c) >= 0)) {
                arg++; // a mode with a parameter that is not a member's status
            }
        }
        if (changed) {
            s.client.listener().members(room.name, room.members());
        }
    }

    /** {@code prefixes} with {@code p} added or removed, kept in rank order (highest first). */
    static String withPrefix(String prefixes, char p, boolean add, String ranked) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ranked.length(); i++) {
            char c = ranked.charAt(i);
            boolean has = c == p ? add : prefixes.indexOf(c) >= 0;
            if (has) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
