package chatroom.core.command;

import chatroom.core.room.Mask;
import chatroom.core.room.Room;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.Numeric;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code LIST [<channel>{,<channel>} | <elistcond>{,<elistcond>}]}: rooms with member counts and topics. ELIST=MNU
 * conditions: {@code *mask*} (M), {@code !*mask*} (N), {@code >n} and {@code <n} members (U). Secret rooms are
 * listed only to their members. https://modern.ircdocs.horse/#list-message
 */
final class ListCommand {
    private ListCommand() {}

    static void handle(Context ctx) {
        List<Predicate<Room>> conditions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (ctx.paramCount() > 0 && !ctx.param(0).isEmpty()) {
            for (String c : ctx.param(0).split(",")) {
                if (c.isEmpty()) {
                    continue;
                }
                Predicate<Room> p = condition(c);
                if (p != null) {
                    conditions.add(p);
                } else {
                    names.add(c);
                }
            }
        }
        ctx.reply(Numeric.RPL_LISTSTART, "Channel", "Users  Name");
        for (Room r : ctx.state().rooms()) {
            if (r.secret() && !r.has(ctx.user())) {
                continue;
            }
            boolean named = names.isEmpty()
                    || names.stream()
                            .anyMatch(n -> CaseMapping.fold(n).equals(r.name().folded()));
            if (named && conditions.stream().allMatch(p -> p.test(r))) {
                ctx.reply(
                        Numeric.RPL_LIST,
                        r.name().display(),
                        Integer.toString(r.members().size()),
                        r.topic());
            }
        }
        ctx.reply(Numeric.RPL_LISTEND, "End of /LIST");
    }

    private static @org.jspecify.annotations.Nullable Predicate<Room> condition(String c) {
        if (c.startsWith(">") || c.startsWith("<")) {
            try {
                int n = Integer.parseInt(c.substring(1));
                return c.charAt(0) == '>'
                        ? r -> r.members().size() > n
                        : r -> r.members().size() < n;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (c.startsWith("!")) {
            String mask = c.substring(1);
            return r -> !Mask.matches(mask, r.name().display());
        }
        if (c.indexOf('*') >= 0 || c.indexOf('?') >= 0) {
            return r -> Mask.matches(c, r.name().display());
        }
        return null;
    }
}
