package chatroom.core.command;

/** Runs one command after the dispatcher's generic checks passed. */
@FunctionalInterface
public interface CommandHandler {
    void handle(Context ctx);
}
