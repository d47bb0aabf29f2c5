package chatroom.core.room;

/** A member's status in one room: operator ({@code @}, +o) and voice ({@code +}, +v). */
public final class Membership {
    private boolean op;
    private boolean voice;

    public boolean op() {
        return op;
    }

    public void op(boolean v) {
        op = v;
    }

    public boolean voice() {
        return voice;
    }

    public void voice(boolean v) {
        voice = v;
    }

    /** Highest prefix, or all of them with multi-prefix (https://ircv3.net/specs/extensions/multi-prefix). */
    public String prefix(boolean multi) {
        if (multi) {
            return (op ? "@" : "") + (voice ? "+" : "");
        }
        return op ? "@" : voice ? "+" : "";
    }
}
