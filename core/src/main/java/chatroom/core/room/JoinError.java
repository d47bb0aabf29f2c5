package chatroom.core.room;

/** Why a JOIN was refused; mapped to numerics in one place ({@code JoinCommand}). */
public enum JoinError {
    INVITE_ONLY,
    BANNED,
    BAD_KEY,
    FULL,
    /** +R: only people logged in to an account may join. */
    REGISTERED_ONLY
}
