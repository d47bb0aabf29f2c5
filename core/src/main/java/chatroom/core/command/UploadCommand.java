package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.upload.Upload;
import chatroom.core.upload.UploadPolicy;
import chatroom.core.upload.UploadStore;
import chatroom.core.user.User;
import chatroom.protocol.IrcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code UPLOAD}: a token for sharing files over HTTP (ISUPPORT {@code draft/FILEHOST}); {@code UPLOAD DELETE <id>}:
 * the uploader or an operator removes a shared file. Answers are IRCv3 standard replies
 * (https://ircv3.net/specs/extensions/standard-replies): {@code NOTE UPLOAD TOKEN <token> <seconds>}, {@code FAIL
 * UPLOAD <code>}.
 */
final class UploadCommand {
    private UploadCommand() {}

    static void handle(Context ctx) {
        if (ctx.paramCount() > 0 && ctx.param(0).equalsIgnoreCase("DELETE")) {
            delete(ctx);
            return;
        }
        ServerState state = ctx.state();
        User me = ctx.user();
        UploadPolicy policy = state.config().uploads();
        if (policy.who() == UploadPolicy.Who.OFF || state.fileHost() == null) {
            fail(ctx, "DISABLED", "File sharing is off on this server");
            return;
        }
        if (policy.who() == UploadPolicy.Who.REGISTERED && me.account() == null) {
            fail(ctx, "ACCOUNT_REQUIRED", "Log in to an account to share files");
            return;
        }
        String token = state.uploadGrants().grant(me.nick().display(), me.account(), state.now());
        ctx.replyRaw(IrcMessage.from(
                ctx.serverName(),
                "NOTE",
                "UPLOAD",
                "TOKEN",
                token,
                Long.toString(chatroom.core.upload.UploadGrants.LIFETIME.toSeconds()),
                "Upload to " + state.fileHost() + " with the header Authorization: Bearer <token>"));
    }

    private static void delete(Context ctx) {
        if (ctx.paramCount() < 2) {
            fail(ctx, "NEED_MORE_PARAMS", "Usage: UPLOAD DELETE <id>");
            return;
        }
        String id = ctx.param(1);
        User me = ctx.user();
        String nick = me.nick().display();
        String account = me.account();
        boolean oper = me.oper();
        UploadStore store = ctx.state().uploads();
        ctx.offload(
                () -> {
                    Optional<Upload> found = store.find(id);
                    if (found.isEmpty()) {
                        return "NOT_FOUND";
                    }
                    if (!oper && !found.get().uploadedBy(nick, account)) {
                        return "NOT_YOURS";
                    }
                    try {
                        store.delete(id);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return "DELETED";
                },
                (c, outcome) -> {
                    switch (outcome) {
                        case "DELETED" ->
                            c.replyRaw(IrcMessage.from(
                                    c.serverName(), "NOTE", "UPLOAD", "DELETED", id, "The file is deleted"));
                        case "NOT_YOURS" -> fail(c, "NOT_YOURS", id, "Only its uploader or an operator may delete it");
                        default -> fail(c, "NOT_FOUND", id, "No such file");
                    }
                });
    }

    private static void fail(Context ctx, String code, String... rest) {
        List<String> params = new ArrayList<>(List.of("UPLOAD", code));
        params.addAll(List.of(rest));
        ctx.replyRaw(IrcMessage.from(ctx.serverName(), "FAIL", params));
    }
}
