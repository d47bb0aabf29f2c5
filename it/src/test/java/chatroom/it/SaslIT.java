package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import com.ongres.scram.client.ScramClient;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SASL over real sockets: EXTERNAL with a TLS client certificate, SCRAM-SHA-256, and password changes. */
@Timeout(90)
class SaslIT {
    @TempDir
    Path dataDir;

    /** A self-signed client certificate and its key, as a client would load them. */
    private record ClientCert(KeyManager[] keys, String fingerprint) {}

    private static ClientCert clientCert(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                subject,
                                new BigInteger(64, new SecureRandom()),
                                Date.from(now.minus(Duration.ofDays(1))),
                                Date.from(now.plus(Duration.ofDays(30))),
                                subject,
                                pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "changeit".toCharArray();
        store.setKeyEntry("client", pair.getPrivate(), password, new X509Certificate[] {cert});
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        String fingerprint =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        return new ClientCert(factory.getKeyManagers(), fingerprint);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String line) {
        String payload = line.substring(line.indexOf("AUTHENTICATE ") + 13);
        return new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
    }

    /** A SCRAM-SHA-256 exchange before registration; returns the line that ends it (903 or 904). */
    static String scram(RawClient c, String user, String password) throws Exception {
        ScramClient client = ScramClient.builder()
                .advertisedMechanisms(List.of("SCRAM-SHA-256"))
                .username(user)
                .password(password.toCharArray())
                .build();
        c.send("AUTHENTICATE SCRAM-SHA-256").expect("AUTHENTICATE +");
        c.send("AUTHENTICATE " + b64(client.clientFirstMessage().toString()));
        String serverFirst = c.expect(l -> l.startsWith("AUTHENTICATE ") || l.contains(" 904 "));
        if (serverFirst.contains(" 904 ")) {
            return serverFirst;
        }
        client.serverFirstMessage(unb64(serverFirst));
        c.send("AUTHENTICATE " + b64(client.clientFinalMessage().toString()));
        String serverFinal = c.expect(l -> l.startsWith("AUTHENTICATE ") || l.contains(" 904 "));
        if (serverFinal.contains(" 904 ")) {
            return serverFinal;
        }
        client.serverFinalMessage(unb64(serverFinal));
        c.send("AUTHENTICATE +");
        return c.expect(l -> l.contains(" 903 ") || l.contains(" 904 "));
    }

    private static String plain(RawClient c, String user, String password) {
        c.send("AUTHENTICATE PLAIN").expect("AUTHENTICATE +");
        c.send("AUTHENTICATE " + b64("\0" + user + "\0" + password));
        return c.expect(l -> l.contains(" 903 ") || l.contains(" 904 "));
    }

    @Test
    void externalLogsInWithARegisteredClientCertificateOverRealTls() throws Exception {
        ClientCert cert = clientCert("sasl_cert");
        try (TestServer server = TestServer.startWithTls(dataDir)) {
            try (RawClient owner = RawClient.connectTls(server.ircTls(), cert.keys(), c -> {})) {
                owner.timeout(Duration.ofSeconds(20));
                owner.send("NICK cert_owner").send("USER c 0 * :C").expect(" 001 cert_owner ");
                owner.send("REGISTER * * sesame123").expect("REGISTER SUCCESS");
                owner.send("PRIVMSG NickServ :CERT ADD");
                assertThat(owner.expect("NOTICE cert_owner :"))
                        .endsWith(":Certificate fingerprint " + cert.fingerprint() + " added to your account");
                owner.send("WHOIS cert_owner");
                assertThat(owner.expect(" 276 ")).endsWith(":has client certificate fingerprint " + cert.fingerprint());
            }
            try (RawClient again = RawClient.connectTls(server.ircTls(), cert.keys(), c -> {})) {
                again.send("CAP LS 302").expect("sasl=PLAIN,SCRAM-SHA-256,EXTERNAL");
                again.send("CAP REQ :sasl").expect(" ACK ");
                again.send("AUTHENTICATE EXTERNAL").expect("AUTHENTICATE +");
                again.send("AUTHENTICATE +");
                assertThat(again.expect(" 900 ")).endsWith(":You are now logged in as cert_owner");
                again.expect(" 903 ");
                again.send("NICK cert_owner")
                        .send("USER c 0 * :C")
                        .send("CAP END")
                        .expect(" 001 cert_owner ");
            }
            try (RawClient stranger = RawClient.connectTls(
                            server.ircTls(), clientCert("other").keys(), c -> {});
                    RawClient noCert = RawClient.connectTls(server.ircTls(), c -> {});
                    RawClient cleartext = RawClient.connect(server.irc())) {
                stranger.send("AUTHENTICATE EXTERNAL").expect("AUTHENTICATE +");
                stranger.send("AUTHENTICATE +");
                assertThat(stranger.expect(" 904 ")).contains("no account has this certificate");
                for (RawClient c : List.of(noCert, cleartext)) {
                    c.send("AUTHENTICATE EXTERNAL");
                    assertThat(c.expect(" 904 ")).contains("EXTERNAL needs a TLS connection with a client certificate");
                }
            }
        }
    }

    @Test
    void scramOverARealSocketAndAPasswordChangeForPlainScramAndTelnet() throws Exception {
        try (TestServer server = TestServer.startIn(dataDir, null)) {
            try (RawClient owner = server.register("scram_user")) {
                owner.timeout(Duration.ofSeconds(20));
                owner.send("REGISTER * * sesame123").expect("REGISTER SUCCESS");
            }
            try (RawClient c = RawClient.connect(server.irc()).timeout(Duration.ofSeconds(20))) {
                assertThat(scram(c, "scram_user", "sesame123")).contains(" 903 ");
                c.send("NICK scram_user").send("USER s 0 * :S").expect(" 001 scram_user ");
                c.send("PRIVMSG NickServ :SET PASSWORD newsecret1");
                assertThat(c.expect("NOTICE scram_user :")).endsWith(":Password changed");
            }
            for (String[] attempt :
                    List.of(new String[] {"sesame123", " 904 "}, new String[] {"newsecret1", " 903 "})) {
                try (RawClient c = RawClient.connect(server.irc()).timeout(Duration.ofSeconds(20))) {
                    assertThat(scram(c, "scram_user", attempt[0])).contains(attempt[1]);
                }
                try (RawClient c = RawClient.connect(server.irc()).timeout(Duration.ofSeconds(20))) {
                    assertThat(plain(c, "scram_user", attempt[0])).contains(attempt[1]);
                }
            }
            try (RawClient telnet = RawClient.connect(server.plain()).timeout(Duration.ofSeconds(20))) {
                telnet.expect("login NAME");
                telnet.send("login scram_user newsecret1").expect("Welcome, scram_user!");
                telnet.send("lang zh").expect("语言");
                telnet.send("password third-one");
                assertThat(telnet.expect("密码")).endsWith("* 密码已修改；下次请用新密码登录");
            }
            try (RawClient c = RawClient.connect(server.irc()).timeout(Duration.ofSeconds(20))) {
                assertThat(scram(c, "scram_user", "third-one")).contains(" 903 ");
            }
        }
    }
}
