package chatroom.core.history;

/** The store could not do what was asked (database gone, file read-only, disk full). */
public final class HistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
