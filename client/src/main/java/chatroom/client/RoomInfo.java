package chatroom.client;

/**
 * A room as the server lists it ({@link ChatClient#listRooms()}).
 *
 * @param users how many people are in it (those the server lets us see)
 */
public record RoomInfo(String name, int users, String topic) {}
