package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.core.Passwords;
import chatroom.testkit.RawClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The admin dashboard in headless Chromium: log in, see the users, kick one; screenshots in target/screenshots. */
class AdminBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anOperatorLogsInSeesTheUsersAndKicksOne() {
        server = TestServer.startWithAdmin("root", Passwords.hash("cup of tea"));
        server.server().recentLog(() -> List.of("12:00:00.000 INFO  ChatServer - 3 registered rooms loaded"));
        try (Browser b = Browser.open(1280, 1400);
                RawClient alice = server.register("alice");
                RawClient bob = server.register("bob")) {
            alice.send("JOIN #tea").expect("366");
            bob.send("JOIN #tea").expect("366");
            alice.send("TOPIC #tea :<b>Earl Grey</b> 伯爵茶").expect("TOPIC");
            b.driver.get("http://127.0.0.1:" + server.http().getPort() + "/admin");
            // the API refuses a page that has not logged in
            assertThat(b.find("dash-view").isDisplayed()).isFalse();
            b.find("login-name").sendKeys("root");
            b.find("login-password").sendKeys("wrong");
            b.find("login").submit();
            await().atMost(WAIT).until(() -> !b.find("login-error").getText().isEmpty());
            assertThat(b.find("login-error").getText()).isEqualTo("Wrong name or password.");
            b.find("login-password").sendKeys("cup of tea");
            b.find("login").submit();

            await().atMost(WAIT)
                    .until(() -> !b.driver
                            .findElements(By.cssSelector("#users tr[data-nick='bob']"))
                            .isEmpty());
            for (int i = 0; i < 5; i++) {
                alice.send("PRIVMSG #tea :message " + i);
            }
            // markup in a topic is text on the page
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(b.find("rooms").getText()).contains("<b>Earl Grey</b> 伯爵茶"));
            assertThat(b.driver.findElements(By.cssSelector("#rooms b"))).isEmpty();

            WebElement kick = b.driver.findElement(By.cssSelector("#users tr[data-nick='bob'] button.kick"));
            kick.click();
            WebElement reason = b.driver.findElement(By.cssSelector("#kick input[name='reason']"));
            reason.sendKeys("too loud");
            b.driver.findElement(By.cssSelector("#kick button[type='submit']")).click();
            bob.expect(l -> l.contains("KICK #tea bob :too loud"));
            await().atMost(WAIT).until(() -> b.find("result").getText().equals("bob removed from #tea"));
            // the next poll shows bob in no room
            await().atMost(WAIT)
                    .until(() -> b.driver
                            .findElement(By.cssSelector("#users tr[data-nick='bob'] td:nth-child(5)"))
                            .getText()
                            .isEmpty());
            // a quiet poll after the traffic: the chart has a line from the burst down to zero
            await().atMost(WAIT).until(() -> b.find("rates").getText().startsWith("0.0 in"));
            b.script("window.scrollTo(0, 0)");
            b.screenshot("admin");
            b.script("arguments[0].value = 'zh'; arguments[0].dispatchEvent(new Event('change'))", b.find("lang"));
            assertThat(b.find("logout").getText()).isEqualTo("退出");
            await().atMost(WAIT).until(() -> b.find("who").getText().equals("管理员：root"));
            b.screenshot("admin-zh");
        }
    }
}
