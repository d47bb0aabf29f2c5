package chatroom.core.command;

import chatroom.core.ServerState;
import chatroom.core.room.Membership;
import chatroom.core.room.Registration;
import chatroom.core.room.Room;
import chatroom.core.upload.RoomUploads;
import chatroom.core.upload.Upload;
import chatroom.core.upload.UploadPolicy;
import chatroom.core.upload.UploadStore;
import chatroom.core.user.User;
import chatroom.protocol.CaseMapping;
import chatroom.protocol.IrcMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code UPLOAD [<target>]}: a token for sharing files over HTTP (ISUPPORT {@code draft/FILEHOST}) in a conversation;
 * {@code UPLOAD DELETE <id>}: the uploader or an operator removes a shared file. Answers are IRCv3 standard replies
 * (https://ircv3.net/specs/extensions/standard-replies): {@code NOTE UPLOAD TOKEN <token> <seconds>}, {@code FAIL
 * UPLOAD <code>}.
 *
 * <p>The server's {@link UploadPolicy#who()} decides, unless the target is a registered room with its own rule
 * (ChanServ {@code SET <#room> UPLOADS}), which then decides instead; the server's {@code OFF} always wins. Only
 * members of a room get a token for it. A token is not tied to the room: the rule gates asking, not the link.
 */
final class UploadCommand {
    private UploadCommand() {}

    static void handle(Context ctx) {
        // a target named DELETE (a nick) is still a target: only DELETE with an id deletes
        if (ctx.paramCount() > 1 && ctx.param(0).equalsIgnoreCase("DELETE")) {
            delete(ctx);
            return;
        }
        ServerState state = ctx.state();
        UploadPolicy policy = state.config().uploads();
        if (policy.who() == UploadPolicy.Who.OFF || state.fileHost() == null) {
            fail(ctx, "DISABLED", "File sharing is off on this server");
            return;
        }
        String target = ctx.paramCount() > 0 ? ctx.param(0) : "";
        if (CaseMapping.isChannel(target) ? roomAllows(ctx, target) : serverAllows(ctx, policy)) {
            grant(ctx);
        }
    }

    private static boolean serverAllows(Context ctx, UploadPolicy policy) {
        if (policy.who() == UploadPolicy.Who.REGISTERED && ctx.user().account() == null) {
            fail(ctx, "ACCOUNT_REQUIRED", "Log in to an account to share files");
            return false;
        }
        return true;
    }

    /** The rule of the room {@code target} for its members, or the server's when the room has none. */
    private static boolean roomAllows(Context ctx, String target) {
        User me = ctx.user();
        Room room = ctx.state().room(target);
        if (room == null || !room.has(me)) {
            fail(ctx, "NOT_IN_ROOM", target, "Join " + target + " to share files in it");
            return false;
        }
        Registration reg = room.registration();
        RoomUploads rule = reg == null ? RoomUploads.DEFAULT : reg.uploads();
        String name = room.name().display();
        return switch (rule) {
            case DEFAULT -> serverAllows(ctx, ctx.state().config().uploads());
            case EVERYONE -> true;
            case REGISTERED -> {
                if (me.account() == null) {
                    fail(ctx, "ACCOUNT_REQUIRED", name, "Log in to an account to share files in " + name);
                }
                yield me.account() != null;
            }
            case VOICED -> {
                Membership m = room.membership(me);
                boolean voiced = m != null && (m.op() || m.voice());
                if (!voiced) {
                    fail(ctx, "VOICE_REQUIRED", name, "Only operators and voiced members may share files in " + name);
                }
                yield voiced;
            }
            case OFF -> {
                fail(ctx, "ROOM_DISABLED", name, "File sharing is off in " + name);
                yield false;
            }
        };
    }

    private static void grant(Context ctx) {
        ServerState state = ctx.state();
        User me = ctx.user();
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

    /** {@code UPLOAD DELETE <id>}; {@link #handle} checked that the id is there. */
    private static void delete(Context ctx) {
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
