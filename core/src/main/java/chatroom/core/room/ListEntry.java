package chatroom.core.room;

import java.time.Instant;

/** One entry of a room's ban list: the mask, who set it and when. */
public record ListEntry(String mask, String setBy, Instant setAt) {}
