package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.testkit.RawClient;
import chatroom.transport.IoTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server works the same on both kinds of event loop, and Linux x86-64 gets epoll (its native jar is shipped). */
@Timeout(30)
class IoTransportIT {

    @Test
    void linuxOnX8664UsesEpoll() {
        boolean linuxX64 =
                System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                        && System.getProperty("os.arch").equals("amd64");
        assertThat(IoTransport.best()).isEqualTo(linuxX64 ? IoTransport.EPOLL : IoTransport.NIO);
    }

    @ParameterizedTest
    @EnumSource(IoTransport.class)
    void roomsWhispersAndBadInputWork(IoTransport io) {
        try (TestServer server = TestServer.start(c -> c, t -> t.withIo(io));
                RawClient alice = server.register("alice");
                RawClient bob = server.register("bob")) {
            assertThat(server.server().io()).isEqualTo(io);
            alice.send("JOIN #io").expect(" 366 ");
            bob.send("JOIN #io").expect(" 366 ");
            alice.send("PRIVMSG #io :hello 你好");
            assertThat(bob.expect("PRIVMSG #io")).endsWith(":alice!u@127.0.0.1 PRIVMSG #io :hello 你好");
            bob.send("PRIVMSG alice :just you");
            assertThat(alice.expect("PRIVMSG alice")).endsWith("PRIVMSG alice :just you");
            alice.send("PRIVMSG #io :" + "x".repeat(100_000));
            alice.expect(" 417 ");
            assertThat(alice.sync()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(IoTransport.class)
    void aResetConnectionQuitsWithoutHurtingOthers(IoTransport io) throws IOException {
        try (TestServer server = TestServer.start(c -> c, t -> t.withIo(io));
                RawClient bob = server.register("bob")) {
            bob.send("JOIN #io").expect(" 366 ");
            try (Socket s = new Socket(server.irc().getAddress(), server.irc().getPort())) {
                OutputStream out = s.getOutputStream();
                out.write("NICK gone\r\nUSER g 0 * :G\r\nJOIN #io\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                bob.expect(":gone!");
                s.setSoLinger(true, 0); // close sends a reset, not a FIN
            }
            assertThat(bob.expect("QUIT")).startsWith(":gone!");
            bob.send("PRIVMSG #io :still here");
            assertThat(bob.sync()).isEmpty();
        }
    }
}
