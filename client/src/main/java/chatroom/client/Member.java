package chatroom.client;

/** A member of a room with its status prefixes, highest first (e.g. {@code "@+"} for an op who has voice). */
public record Member(String nick, String prefixes) {}
