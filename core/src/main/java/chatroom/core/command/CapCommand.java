package chatroom.core.command;

import chatroom.core.ServerConfig;
import chatroom.core.ServerConfig.Registration;
import chatroom.core.user.Capability;
import chatroom.core.user.Session;
import chatroom.protocol.Numeric;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code CAP LS [version] | LIST | REQ :<caps> | END} (https://ircv3.net/specs/extensions/capability-negotiation).
 * LS and REQ before registration suspend it until END.
 */
final class CapCommand {
    private CapCommand() {}

    static void handle(Context ctx) {
        Session s = ctx.session();
        String sub = ctx.param(0).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "LS" -> {
                if (!s.registered()) {
                    s.capNegotiating(true);
                }
                int version = parseVersion(ctx.param(1));
                if (version > s.capVersion()) {
                    s.capVersion(version);
                }
                if (s.capVersion() >= 302) {
                    s.caps().add(Capability.CAP_NOTIFY);
                }
                reply(ctx, "LS", all(ctx.state().config(), s.capVersion()) + sts(ctx, s));
            }
            case "LIST" ->
                reply(ctx, "LIST", s.caps().stream().map(Capability::wireName).collect(Collectors.joining(" ")));
            case "REQ" -> request(ctx, s);
            case "END" -> {
                if (!s.registered() && s.capNegotiating()) {
                    s.capNegotiating(false);
                    RegistrationCommands.tryComplete(ctx);
                }
            }
            default -> ctx.reply(Numeric.ERR_INVALIDCAPCMD, ctx.param(0), "Invalid CAP command");
        }
    }

    private static int parseVersion(String v) {
        try {
            return v.isEmpty() ? 301 : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 301;
        }
    }

    private static String all(ServerConfig config, int capVersion) {
        return EnumSet.allOf(Capability.class).stream()
                .filter(c -> c != Capability.ACCOUNT_REGISTRATION || config.registration() != Registration.OFF)
                .map(c -> c == Capability.ACCOUNT_REGISTRATION
                        ? registration(config, capVersion)
                        : c.advertised(capVersion))
                .collect(Collectors.joining(" "));
    }

    /**
     * The {@code sts} policy (https://ircv3.net/specs/extensions/sts), only with a configured certificate and CAP 302:
     * on a plain connection the TLS port to upgrade to, on a TLS one how long to insist on TLS. It is informational and
     * cannot be requested, so it is not a {@link Capability}.
     */
    private static String sts(Context ctx, Session s) {
        java.time.Duration duration = ctx.state().config().stsDuration();
        int port = ctx.state().tlsPort();
        if (duration.isZero() || port == 0 || s.capVersion() < 302) {
            return "";
        }
        return s.connection().secure() ? " sts=duration=" + duration.toSeconds() : " sts=port=" + port;
    }

    /** {@code draft/account-registration=before-connect,email-required} as configured. */
    private static String registration(ServerConfig config, int capVersion) {
        List<String> values = new ArrayList<>();
        if (config.registration() == Registration.BEFORE_CONNECT) {
            values.add("before-connect");
        }
        if (config.registrationNeedsEmail()) {
            values.add("email-required");
        }
        String name = Capability.ACCOUNT_REGISTRATION.wireName();
        return capVersion >= 302 && !values.isEmpty() ? name + "=" + String.join(",", values) : name;
    }

    private static void request(Context ctx, Session s) {
        if (!s.registered()) {
            s.capNegotiating(true);
        }
        String raw = ctx.param(1).trim();
        Set<Capability> add = EnumSet.noneOf(Capability.class);
        Set<Capability> remove = EnumSet.noneOf(Capability.class);
        List<String> names = new ArrayList<>();
        for (String token : raw.split(" +")) {
            if (token.isEmpty()) {
                continue;
            }
            names.add(token);
            boolean minus = token.startsWith("-");
            var cap = Capability.byName(minus ? token.substring(1) : token);
            if (cap.isEmpty()
                    || (minus && cap.get() == Capability.CAP_NOTIFY && s.capVersion() >= 302)
                    || (cap.get() == Capability.ACCOUNT_REGISTRATION
                            && ctx.state().config().registration() == Registration.OFF)) {
                reply(ctx, "NAK", raw);
                return;
            }
            (minus ? remove : add).add(cap.get());
        }
        s.caps().addAll(add);
        s.caps().removeAll(remove);
        reply(ctx, "ACK", String.join(" ", names));
    }

    private static void reply(Context ctx, String sub, String caps) {
        ctx.replyRaw(chatroom.protocol.IrcMessage.from(
                ctx.serverName(), "CAP", ctx.session().replyNick(), sub, caps));
    }
}
