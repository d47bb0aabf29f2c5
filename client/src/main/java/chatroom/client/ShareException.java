package chatroom.client;

import org.jspecify.annotations.Nullable;

/** Why a file could not be shared, as a sentence for the user in the client's language. */
public final class ShareException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShareException(String sentence) {
        super(sentence);
    }

    /**
     * The server's {@code FAIL UPLOAD <code> [<room>] :<text>} as a sentence; {@code room} is the context the server
     * named (a room whose own rule refused), or null.
     */
    static ShareException refused(Texts texts, String code, @Nullable String room) {
        String inRoom = switch (code) {
            case "ACCOUNT_REQUIRED" -> "uploadNeedsAccountIn";
            case "ROOM_DISABLED" -> "uploadOffIn";
            case "VOICE_REQUIRED" -> "uploadNeedsVoice";
            case "NOT_IN_ROOM" -> "uploadNotInRoom";
            default -> null;
        };
        if (inRoom != null && room != null) {
            return new ShareException(texts.get(inRoom, room));
        }
        String key = switch (code) {
            case "DISABLED" -> "uploadOff";
            case "ACCOUNT_REQUIRED" -> "uploadNeedsAccount";
            default -> "uploadRefused";
        };
        return new ShareException(texts.get(key, code));
    }
}
