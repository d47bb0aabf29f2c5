package chatroom.core.command;

/**
 * One row of the dispatch table (ergo {@code irc/commands.go}).
 *
 * @param minParams fewer parameters than this get ERR_NEEDMOREPARAMS without running the handler
 * @param beforeRegistration whether an unregistered session may use it (otherwise ERR_NOTREGISTERED)
 */
public record CommandSpec(String verb, CommandHandler handler, int minParams, boolean beforeRegistration) {}
