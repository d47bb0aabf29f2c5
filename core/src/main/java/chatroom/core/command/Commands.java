package chatroom.core.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dispatch table, built once. One row per verb; see each handler's javadoc for its syntax. */
final class Commands {
    /** Verbs whose last required parameter may not be the empty string. */
    static final Set<String> EMPTY_NOT_ALLOWED = Set.of("NICK", "USER", "JOIN", "PART", "KICK", "INVITE");

    private Commands() {}

    static Map<String, CommandSpec> table() {
        Map<String, CommandSpec> t = new HashMap<>();
        List<CommandSpec> specs = List.of(
                new CommandSpec("CAP", CapCommand::handle, 1, true),
                new CommandSpec("PASS", RegistrationCommands::pass, 1, true),
                new CommandSpec("NICK", NickCommand::handle, 0, true),
                new CommandSpec("USER", RegistrationCommands::user, 4, true),
                new CommandSpec("PING", RegistrationCommands::ping, 1, true),
                new CommandSpec("PONG", ctx -> {}, 0, true),
                new CommandSpec("QUIT", QuitCommand::handle, 0, true),
                new CommandSpec("JOIN", JoinCommand::handle, 1, false),
                new CommandSpec("PART", PartCommand::handle, 1, false),
                new CommandSpec("PRIVMSG", ctx -> MessageCommand.handle(ctx, MessageCommand.Kind.PRIVMSG), 0, false),
                new CommandSpec("NOTICE", ctx -> MessageCommand.handle(ctx, MessageCommand.Kind.NOTICE), 0, false),
                new CommandSpec("TAGMSG", ctx -> MessageCommand.handle(ctx, MessageCommand.Kind.TAGMSG), 0, false),
                new CommandSpec("NAMES", NamesCommand::handle, 0, false),
                new CommandSpec("TOPIC", TopicCommand::handle, 1, false),
                new CommandSpec("ISON", InfoCommands::ison, 1, false),
                new CommandSpec("USERHOST", InfoCommands::userhost, 1, false),
                new CommandSpec("TIME", InfoCommands::time, 0, false),
                new CommandSpec("VERSION", InfoCommands::version, 0, false),
                new CommandSpec("INFO", InfoCommands::info, 0, false),
                new CommandSpec("ADMIN", InfoCommands::admin, 0, false),
                new CommandSpec("MOTD", InfoCommands::motd, 0, false),
                new CommandSpec("LUSERS", InfoCommands::lusers, 0, false),
                new CommandSpec("LIST", ListCommand::handle, 0, false),
                new CommandSpec("KICK", KickCommand::handle, 2, false),
                new CommandSpec("INVITE", InviteCommand::handle, 0, false),
                new CommandSpec("MODE", ModeCommand::handle, 1, false),
                new CommandSpec("WHO", WhoCommand::handle, 0, false),
                new CommandSpec("WHOIS", WhoisCommand::handle, 1, false),
                new CommandSpec("WHOWAS", WhoisCommand::whowas, 1, false),
                new CommandSpec("AWAY", AwayCommand::handle, 0, false),
                new CommandSpec("SETNAME", AwayCommand::setname, 1, false),
                new CommandSpec("CREATE", CreateCommand::handle, 1, false),
                new CommandSpec("CHATHISTORY", ChathistoryCommand::handle, 0, false),
                new CommandSpec("UPLOAD", UploadCommand::handle, 0, false),
                new CommandSpec("AUTHENTICATE", SaslCommand::handle, 1, true),
                new CommandSpec("REGISTER", AccountCommands::register, 3, true),
                new CommandSpec(
                        "NS",
                        ctx -> AccountCommands.nickserv(
                                ctx, String.join(" ", ctx.message().params())),
                        0,
                        false),
                new CommandSpec(
                        "NICKSERV",
                        ctx -> AccountCommands.nickserv(
                                ctx, String.join(" ", ctx.message().params())),
                        0,
                        false),
                new CommandSpec(
                        "CS",
                        ctx -> ChanServCommands.chanserv(
                                ctx, String.join(" ", ctx.message().params())),
                        0,
                        false),
                new CommandSpec(
                        "CHANSERV",
                        ctx -> ChanServCommands.chanserv(
                                ctx, String.join(" ", ctx.message().params())),
                        0,
                        false),
                new CommandSpec("OPER", OperCommands::oper, 2, false),
                new CommandSpec("KILL", OperCommands::kill, 1, false),
                new CommandSpec("WALLOPS", OperCommands::wallops, 1, false),
                new CommandSpec("KLINE", KlineCommands::kline, 1, false),
                new CommandSpec("UNKLINE", KlineCommands::unkline, 1, false),
                new CommandSpec("STATS", KlineCommands::stats, 1, false));
        for (CommandSpec s : specs) {
            t.put(s.verb(), s);
        }
        return Map.copyOf(t);
    }
}
