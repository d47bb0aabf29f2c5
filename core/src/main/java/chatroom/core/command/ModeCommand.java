package chatroom.core.command;

/** {@code MODE <target> [<modestring> [<mode arguments>...]]}: user and channel modes. */
final class ModeCommand {
    static final int MAX_BANS = 100;
    static final int MAX_MODES = 4;

    private ModeCommand() {}
}
