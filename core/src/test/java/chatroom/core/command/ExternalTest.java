package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.Connection;
import chatroom.core.history.InMemoryHistoryStore;
import chatroom.core.user.Session;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** AUTHENTICATE EXTERNAL by TLS client certificate, and NickServ CERT. */
class ExternalTest {
    static final String FP = "ab".repeat(32);
    static final String OTHER = "cd".repeat(32);

    final ChatFixture f = new ChatFixture(new InMemoryHistoryStore());

    record TlsConnection(
            String remoteAddress,
            Protocol protocol,
            @Nullable String certificateFingerprint) implements Connection {
        @Override
        public boolean secure() {
            return true;
        }
    }

    private Session connect(@Nullable String fingerprint) {
        return f.dispatcher.connected(new TlsConnection("10.0.0.2", Connection.Protocol.IRC, fingerprint), List.of());
    }

    private Session registered(String nick, @Nullable String fingerprint) {
        Session s = connect(fingerprint);
        f.send(s, "NICK " + nick);
        f.send(s, "USER " + nick + " 0 * :" + nick);
        f.got(s);
        assertThat(f.ask(s, "REGISTER * * sesame123")).first().asString().contains("SUCCESS");
        return s;
    }

    private static String ns(String nick, String text) {
        return ":NickServ!NickServ@services.chatroom.local NOTICE " + nick + " :" + text;
    }

    @Test
    void aRegisteredCertificateLogsInWithExternal() {
        Session hana = registered("hana", FP);
        assertThat(f.ask(hana, "NS CERT ADD"))
                .containsExactly(ns("hana", "Certificate fingerprint " + FP + " added to your account"));
        assertThat(f.ask(hana, "NS CERT LIST")).containsExactly(ns("hana", "Certificate fingerprint: " + FP));
        assertThat(f.ask(hana, "WHOIS hana"))
                .contains(":chatroom.local 276 hana hana :has client certificate fingerprint " + FP);
        Session stranger = f.register("stranger");
        assertThat(f.ask(stranger, "WHOIS hana")).noneMatch(l -> l.contains(" 276 "));

        Session again = connect(FP);
        assertThat(f.ask(again, "AUTHENTICATE EXTERNAL")).containsExactly("AUTHENTICATE +");
        assertThat(f.ask(again, "AUTHENTICATE +"))
                .containsExactly(
                        ":chatroom.local 900 * *!*@10.0.0.2 hana :You are now logged in as hana",
                        ":chatroom.local 903 * :SASL authentication successful");
        Session named = connect(FP);
        f.ask(named, "AUTHENTICATE EXTERNAL");
        String authzid = Base64.getEncoder().encodeToString("HANA".getBytes(StandardCharsets.UTF_8));
        assertThat(f.ask(named, "AUTHENTICATE " + authzid)).last().asString().contains(" 903 ");
    }

    @Test
    void externalFailsWithoutAKnownCertificateOrForAnotherAccount() {
        Session plain = connect(null);
        assertThat(f.ask(plain, "AUTHENTICATE EXTERNAL"))
                .containsExactly(":chatroom.local 904 * :SASL authentication failed: EXTERNAL needs a TLS connection"
                        + " with a client certificate");
        Session unknown = connect(OTHER);
        assertThat(f.ask(unknown, "AUTHENTICATE EXTERNAL")).containsExactly("AUTHENTICATE +");
        assertThat(f.ask(unknown, "AUTHENTICATE +"))
                .containsExactly(":chatroom.local 904 * :SASL authentication failed: no account has this certificate"
                        + " (NickServ CERT ADD adds it)");

        Session ivan = registered("ivan", null);
        assertThat(f.ask(ivan, "NS CERT ADD"))
                .singleElement()
                .asString()
                .contains("This connection has no TLS client certificate");
        assertThat(f.ask(ivan, "NS CERT ADD nonsense"))
                .singleElement()
                .asString()
                .contains("Usage: CERT ADD");
        String colons =
                String.join(":", OTHER.toUpperCase(java.util.Locale.ROOT).split("(?<=\\G..)"));
        assertThat(f.ask(ivan, "NS CERT ADD " + colons))
                .containsExactly(ns("ivan", "Certificate fingerprint " + OTHER + " added to your account"));
        Session jane = registered("jane", null);
        assertThat(f.ask(jane, "NS CERT ADD " + OTHER))
                .containsExactly(ns("jane", "That certificate fingerprint is already on an account"));

        Session wrongName = connect(OTHER);
        f.ask(wrongName, "AUTHENTICATE EXTERNAL");
        String janeB64 = Base64.getEncoder().encodeToString("jane".getBytes(StandardCharsets.UTF_8));
        assertThat(f.ask(wrongName, "AUTHENTICATE " + janeB64))
                .containsExactly(
                        ":chatroom.local 904 * :SASL authentication failed: the certificate belongs to another account");

        assertThat(f.ask(ivan, "NS CERT DEL " + OTHER))
                .containsExactly(ns("ivan", "Certificate fingerprint " + OTHER + " removed from your account"));
        assertThat(f.ask(ivan, "NS CERT LIST"))
                .containsExactly(ns("ivan", "No certificate fingerprints on the account ivan"));
        Session removed = connect(OTHER);
        f.ask(removed, "AUTHENTICATE EXTERNAL");
        assertThat(f.ask(removed, "AUTHENTICATE +")).singleElement().asString().contains(" 904 ");
        assertThat(f.ask(f.register("kate"), "NS CERT LIST")).containsExactly(ns("kate", "You are not logged in"));
    }
}
