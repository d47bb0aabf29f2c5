package chatroom.core.room;

/** Outcome of {@link Room#checkJoin}. */
public sealed interface JoinResult {
    record Allowed() implements JoinResult {}

    record AlreadyMember() implements JoinResult {}

    record Rejected(JoinError error) implements JoinResult {}
}
