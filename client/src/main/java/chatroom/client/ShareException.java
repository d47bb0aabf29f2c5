package chatroom.client;

/** Why a file could not be shared, as a sentence for the user in the client's language. */
public final class ShareException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShareException(String sentence) {
        super(sentence);
    }
}
