package chatroom.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import chatroom.core.ChatFixture;
import chatroom.core.Offload;
import chatroom.core.Passwords;
import chatroom.core.ServerConfig;
import chatroom.core.user.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperTest {
    static String hash;

    @BeforeAll
    static void hashOnce() {
        hash = Passwords.hash("s3cret");
    }

    private static ServerConfig withOper() {
        return ServerConfig.defaults().withFlood(0, 0).withOpers(List.of(new ServerConfig.Oper("admin", hash)));
    }

    @Test
    void operWithTheRightPasswordGivesPlusO() {
        ChatFixture f = new ChatFixture(withOper());
        Session a = f.register("alice");
        assertThat(f.ask(a, "OPER admin s3cret"))
                .containsExactly(":alice MODE alice +o", ":chatroom.local 381 alice :You are now an IRC operator");
        assertThat(f.ask(a, "MODE alice")).containsExactly(":chatroom.local 221 alice +o");
    }

    @Test
    void wrongPasswordAndUnknownNameAreRefused() {
        ChatFixture f = new ChatFixture(withOper());
        Session a = f.register("alice");
        assertThat(f.ask(a, "OPER admin nope")).containsExactly(":chatroom.local 464 alice :Password incorrect");
        assertThat(f.ask(a, "OPER nobody s3cret"))
                .containsExactly(":chatroom.local 491 alice :No O-lines for your host");
        assertThat(f.ask(a, "OPER admin")).containsExactly(":chatroom.local 461 alice OPER :Not enough parameters");
    }

    @Test
    void linesSentWhileThePasswordIsCheckedWaitSoRepliesKeepTheirOrder() {
        List<Runnable> pending = new ArrayList<>();
        Offload deferred = new Offload() {
            @Override
            public <T> void call(Supplier<T> work, Consumer<T> onHub) {
                pending.add(() -> onHub.accept(work.get()));
            }
        };
        ChatFixture f = new ChatFixture(withOper(), deferred);
        Session a = f.connect();
        f.send(a, "NICK alice");
        f.send(a, "USER alice 0 * :Alice");
        runAll(pending); // registration looks up whether the nick is registered, off the hub
        f.got(a);
        f.send(a, "OPER admin s3cret");
        f.send(a, "PING :after");
        assertThat(f.got(a)).isEmpty();
        runAll(pending);
        assertThat(f.got(a))
                .containsExactly(
                        ":alice MODE alice +o",
                        ":chatroom.local 381 alice :You are now an IRC operator",
                        ":chatroom.local PONG chatroom.local after");
    }

    private static void runAll(List<Runnable> pending) {
        while (!pending.isEmpty()) {
            pending.removeFirst().run();
        }
    }

    @Test
    void killNeedsOperatorAndDisconnectsTheVictimWithAReason() {
        ChatFixture f = new ChatFixture(withOper());
        Session op = f.register("op");
        Session bob = f.register("bob");
        Session carol = f.register("carol");
        f.send(bob, "JOIN #r");
        f.send(carol, "JOIN #r");
        f.got(bob);
        f.got(carol);
        assertThat(f.ask(carol, "KILL bob :bye"))
                .containsExactly(":chatroom.local 481 carol :Permission Denied- You're not an IRC operator");
        f.send(op, "OPER admin s3cret");
        f.got(op);
        f.send(op, "KILL bob :spamming");
        assertThat(f.outbox.disconnects.get(bob)).isEqualTo("Closing link: 10.0.0.1 (Killed (op (spamming)))");
        assertThat(f.got(carol)).containsExactly(":bob!bob@10.0.0.1 QUIT :Killed (op (spamming))");
        assertThat(f.state.user("bob")).isNull();
        f.send(op, "KILL carol");
        assertThat(f.outbox.disconnects.get(carol)).isEqualTo("Closing link: 10.0.0.1 (Killed (op (No reason given)))");
    }

    @Test
    void wallopsReachUsersWithPlusW() {
        ChatFixture f = new ChatFixture(withOper());
        Session op = f.register("op");
        Session w = f.register("watcher");
        Session other = f.register("other");
        assertThat(f.ask(w, "MODE watcher +w")).containsExactly(":watcher MODE watcher +w");
        f.send(op, "OPER admin s3cret");
        f.got(op);
        assertThat(f.ask(op, "WALLOPS :maintenance at noon"))
                .containsExactly(":op!op@10.0.0.1 WALLOPS :maintenance at noon");
        assertThat(f.got(w)).containsExactly(":op!op@10.0.0.1 WALLOPS :maintenance at noon");
        assertThat(f.got(other)).isEmpty();
    }
}
