package chatroom.core;

import chatroom.core.account.AccountStore;
import chatroom.core.account.InMemoryAccountStore;
import chatroom.core.ban.InMemoryKlineStore;
import chatroom.core.ban.KlineStore;
import chatroom.core.history.HistoryLog;
import chatroom.core.history.ImmediateHistoryLog;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.room.ImmediateRoomLog;
import chatroom.core.room.InMemoryRoomStore;
import chatroom.core.room.RoomLog;
import chatroom.core.upload.InMemoryUploadStore;
import chatroom.core.upload.UploadStore;

/**
 * Where the server keeps what outlives it: history, accounts, K-lines, registered rooms, shared files (ports; the
 * store module
 * implements them).
 */
public record Stores(HistoryLog history, AccountStore accounts, KlineStore klines, RoomLog rooms, UploadStore uploads) {
    /** Everything in memory, history committed at once: for unit tests. */
    public static Stores inMemory() {
        return new Stores(
                new ImmediateHistoryLog(new InMemoryHistoryStore()),
                new InMemoryAccountStore(),
                new InMemoryKlineStore(),
                new ImmediateRoomLog(new InMemoryRoomStore()),
                new InMemoryUploadStore());
    }
}
