package chatroom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chatroom.testkit.RawClient;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The browser client in real headless Chromium against a real server: chat with IRC and telnet users in Chinese and
 * English, whispers, markup shown as text, history on reload and scroll-back, and gap fill after a server restart.
 * Screenshots go to target/screenshots.
 */
class WebClientIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String base() {
        InetSocketAddress http = server.http();
        return "http://127.0.0.1:" + http.getPort() + "/";
    }

    private static void awaitLines(Browser b, String... texts) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(b.messageTexts()).contains(texts));
    }

    @Test
    void browserUsersChatWithIrcAndTelnetUsersInChineseAndEnglish() {
        server = TestServer.startWithHttp(data, 0);
        try (Browser alice = Browser.open(1100, 720);
                Browser bob = Browser.open(390, 760);
                RawClient carol = server.register("carol");
                RawClient dave = server.plainLogin("dave")) {
            alice.login(base(), "alice", "en");
            bob.login(base(), "鲍勃", "zh");
            carol.send("JOIN #lobby").expect("366");

            // one after the other: lines from different connections have no order of their own
            alice.type("hello everyone");
            awaitLines(bob, "hello everyone");
            bob.type("大家好！");
            awaitLines(alice, "大家好！");
            carol.send("PRIVMSG #lobby :irc 用户 carol here");
            awaitLines(alice, "irc 用户 carol here");
            dave.send("say telnet 用户 dave here");

            List<String> all = List.of("hello everyone", "大家好！", "irc 用户 carol here", "telnet 用户 dave here");
            for (Browser b : List.of(alice, bob)) {
                await().atMost(WAIT)
                        .untilAsserted(() -> assertThat(b.messageTexts()).containsExactlyElementsOf(all));
            }
            carol.expect("大家好！");
            dave.expect("大家好！");
            assertThat(bob.find("send-button").getText()).isEqualTo("发送");
            alice.screenshot("web-chat-en");
            bob.screenshot("web-chat-zh-phone");
        }
    }

    @Test
    void aWhisperShowsOnlyToItsTarget() {
        server = TestServer.startWithHttp(data, 0);
        try (Browser alice = Browser.open(1100, 720);
                Browser bob = Browser.open(1100, 720);
                Browser carol = Browser.open(1100, 720)) {
            alice.login(base(), "alice", "en");
            bob.login(base(), "bob", "en");
            carol.login(base(), "carol", "en");
            await().atMost(WAIT)
                    .until(() -> !alice.driver
                            .findElements(By.cssSelector(".member-name[data-nick='bob']"))
                            .isEmpty());

            // the member list is redrawn as people come and go, so the double click is dispatched in the page
            alice.script("document.querySelector(\".member-name[data-nick='bob']\")"
                    + ".dispatchEvent(new MouseEvent('dblclick', {bubbles: true}))");
            await().atMost(WAIT)
                    .until(() -> alice.find("conversation-title").getText().contains("bob"));
            alice.type("just for bob, 只给你");
            alice.open("#lobby");
            alice.type("now everyone");

            await().atMost(WAIT)
                    .until(() -> !bob.driver
                            .findElements(By.cssSelector("button.conversation[data-name='alice'] .badge"))
                            .isEmpty());
            bob.open("alice");
            awaitLines(bob, "just for bob, 只给你");
            awaitLines(carol, "now everyone");
            assertThat(carol.driver.getPageSource()).doesNotContain("just for bob");
            assertThat(carol.driver.findElements(By.cssSelector("#whisper-list button")))
                    .isEmpty();
            bob.screenshot("web-whisper");
        }
    }

    @Test
    void aSharedImageShowsItsPreviewAndDownloadsByteForByte() throws Exception {
        server = TestServer.startWithHttp(data, 0);
        Path image = data.resolve("猫 cat.png");
        java.nio.file.Files.write(image, png());
        try (Browser alice = Browser.open(1100, 720);
                Browser bob = Browser.open(1100, 720)) {
            alice.login(base(), "alice", "en");
            bob.login(base(), "bob", "zh");
            alice.script("arguments[0].hidden = false", alice.find("file-input"));
            alice.find("file-input").sendKeys(image.toAbsolutePath().toString());

            await().atMost(WAIT)
                    .until(() -> bob.driver
                                    .findElements(By.cssSelector("#messages img.preview"))
                                    .size()
                            == 1);
            String src = bob.driver
                    .findElement(By.cssSelector("#messages img.preview"))
                    .getAttribute("src");
            assertThat(src).startsWith(base() + "files/").endsWith("/%E7%8C%AB%20cat.png");
            await().atMost(WAIT)
                    .until(() -> Long.valueOf(1)
                            .equals(bob.script("const i = document.querySelector('#messages img.preview');"
                                    + " return i.complete && i.naturalWidth === 40 ? 1 : 0")));
            var download = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(src))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.body()).isEqualTo(java.nio.file.Files.readAllBytes(image));
            bob.screenshot("web-image-preview-zh");
        }
    }

    @Test
    void theBrowserAsksForTheRoomSoItsOwnRuleDecides() throws Exception {
        server = TestServer.startWithHttp(data, 0, chatroom.core.upload.UploadPolicy.Who.REGISTERED);
        Path image = java.nio.file.Files.write(data.resolve("a.png"), png());
        Path again = java.nio.file.Files.write(data.resolve("b.png"), png());
        try (RawClient ann = server.register("ann");
                Browser guest = Browser.open(1100, 720)) {
            ann.send("REGISTER * * sesame123").expect("REGISTER SUCCESS");
            ann.send("JOIN #lobby").expect(" 366 ");
            ann.send("CS REGISTER #lobby").expect("is now registered to ann");
            ann.send("CS SET #lobby UPLOADS everyone").expect("Files may now");
            guest.login(base(), "guest", "zh");
            guest.script("arguments[0].hidden = false", guest.find("file-input"));
            guest.find("file-input").sendKeys(image.toAbsolutePath().toString());
            ann.expect(l -> l.contains(" PRIVMSG #lobby ") && l.contains(base() + "files/") && l.endsWith("/a.png"));

            ann.send("CS SET #lobby UPLOADS off").expect("Files may now");
            guest.find("file-input").sendKeys(again.toAbsolutePath().toString());
            await().atMost(WAIT)
                    .until(() -> guest.driver.findElements(By.cssSelector("#messages li.notice .text")).stream()
                            .anyMatch(e -> e.getText().equals("#lobby 已关闭文件分享。")));
            guest.screenshot("web-upload-room-off-zh");
        }
    }

    /** A 40 x 24 PNG with a gradient. */
    private static byte[] png() throws java.io.IOException {
        var img = new java.awt.image.BufferedImage(40, 24, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 24; y++) {
                img.setRGB(x, y, (x * 6) << 16 | (y * 10) << 8 | 180);
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void markupIsShownAsText() {
        server = TestServer.startWithHttp(data, 0);
        try (Browser alice = Browser.open(1100, 720);
                Browser bob = Browser.open(1100, 720)) {
            alice.login(base(), "alice", "en");
            bob.login(base(), "bob", "en");
            String script = "<script>window.pwned = 1</script>";
            String image = "<img src=x onerror=\"window.pwned = 2\">";
            alice.type(script);
            alice.type(image);

            awaitLines(bob, script, image);
            assertThat(bob.script("return window.pwned === undefined")).isEqualTo(true);
            assertThat(bob.driver.findElements(By.cssSelector("#messages img, #messages script")))
                    .isEmpty();
        }
    }

    @Test
    void historyOnOpenOnReloadAndByScrollingBack() {
        server = TestServer.startWithHttp(data, 0);
        List<String> sent = IntStream.range(0, 80)
                .mapToObj(i -> "line " + i + " 第" + i + "行")
                .toList();
        try (RawClient carol = server.register("carol");
                Browser alice = Browser.open(1100, 720)) {
            carol.send("JOIN #lobby").expect("366");
            sent.forEach(line -> carol.send("PRIVMSG #lobby :" + line));
            carol.sync();

            alice.login(base(), "alice", "en");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(alice.messageTexts()).endsWith(sent.get(79)));
            assertThat(alice.messageTexts()).hasSizeLessThan(80);

            await().atMost(WAIT).untilAsserted(() -> {
                alice.script("document.getElementById('scroller').scrollTop = 0;"
                        + "document.getElementById('scroller').dispatchEvent(new Event('scroll'))");
                assertThat(alice.messageTexts()).containsExactlyElementsOf(sent);
            });

            alice.driver.navigate().refresh();
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(alice.messageTexts()).endsWith(sent.get(79)));
        }
    }

    @Test
    void afterAServerRestartTheMissedLinesShowOnceInOrder() {
        server = TestServer.startWithHttp(data, 0);
        int port = server.http().getPort();
        try (Browser alice = Browser.open(1100, 720)) {
            alice.login(base(), "alice", "en");
            try (RawClient carol = server.register("carol")) {
                carol.send("JOIN #lobby").expect("366");
                carol.send("PRIVMSG #lobby :before the restart");
                awaitLines(alice, "before the restart");
            }
            server.close();
            server = null;
            // wait until the page waits 3 s or more before its next try, so the lines below are sent while it is away
            await().atMost(WAIT).until(() -> {
                Object retry = alice.script("return document.getElementById('status').dataset.retryMs");
                return retry instanceof String s && !s.isEmpty() && Integer.parseInt(s) >= 3000;
            });
            alice.screenshot("web-reconnecting");

            server = TestServer.startWithHttp(data, port);
            List<String> missed = List.of("missed 1", "missed 2 错过的", "missed 3");
            try (RawClient carol = server.register("carol")) {
                carol.send("JOIN #lobby").expect("366");
                missed.forEach(line -> carol.send("PRIVMSG #lobby :" + line));
                carol.sync();
                await().atMost(Duration.ofSeconds(40))
                        .untilAsserted(() -> assertThat(alice.messageTexts())
                                .containsSubsequence("before the restart", "missed 1", "missed 2 错过的", "missed 3"));
                carol.send("PRIVMSG #lobby :after the restart");
                awaitLines(alice, "after the restart");
            }
            assertThat(alice.messageTexts())
                    .containsExactly("before the restart", "missed 1", "missed 2 错过的", "missed 3", "after the restart");
        }
    }
}
