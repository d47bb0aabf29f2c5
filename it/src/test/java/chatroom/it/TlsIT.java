package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** IRC over TLS: same conversation as the plain port, a stable self-signed certificate, bad handshakes harmless. */
@Timeout(60)
class TlsIT {
    @TempDir
    Path dataDir;

    @Test
    void tlsAndPlainUsersShareARoom() {
        try (TestServer server = TestServer.startWithTls(dataDir);
                RawClient secure = RawClient.connectTls(server.ircTls(), cert -> {});
                RawClient plain = server.register("plainuser")) {
            secure.send("NICK tlsuser").send("USER t 0 * :T").expect(" 001 tlsuser ");
            secure.send("JOIN #mixed").expect(" 366 ");
            plain.send("JOIN #mixed").expect(" 366 ");
            plain.send("PRIVMSG #mixed :over plain, 你好");
            assertThat(secure.expect("PRIVMSG")).endsWith("PRIVMSG #mixed :over plain, 你好");
            secure.send("PRIVMSG #mixed :over tls");
            assertThat(plain.expect("over tls")).endsWith("PRIVMSG #mixed :over tls");
        }
    }

    @Test
    void theSelfSignedCertificateIsKeptAcrossRestarts() {
        AtomicReference<Certificate> first = new AtomicReference<>();
        AtomicReference<Certificate> second = new AtomicReference<>();
        try (TestServer server = TestServer.startWithTls(dataDir);
                RawClient c = RawClient.connectTls(server.ircTls(), first::set)) {
            c.send("PING :x").expect("PONG");
        }
        try (TestServer server = TestServer.startWithTls(dataDir);
                RawClient c = RawClient.connectTls(server.ircTls(), second::set)) {
            c.send("PING :x").expect("PONG");
        }
        assertThat(second.get()).isEqualTo(first.get());
    }

    @Test
    void plainTextOnTheTlsPortIsClosedAndOthersCarryOn() {
        try (TestServer server = TestServer.startWithTls(dataDir);
                RawClient secure = RawClient.connectTls(server.ircTls(), cert -> {});
                RawClient wrong = RawClient.connect(server.ircTls())) {
            wrong.send("NICK oops").send("USER o 0 * :O");
            wrong.readUntilClosed();
            secure.send("NICK fine").send("USER f 0 * :F").expect(" 001 fine ");
        }
    }
}
