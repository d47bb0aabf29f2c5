package chatroom.it;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) showing the web client. Missing
 * programs skip the test on a developer machine and fail it in CI ({@code CI=true}), where {@code .ci/run} installs
 * them.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser with a window of {@code width} x {@code height} CSS pixels and an empty profile. */
    static Browser open(int width, int height) {
        Path chromium = program("chromium");
        Path chromedriver = program("chromedriver");
        try {
            Path profile = Files.createTempDirectory("chatroom-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            // no background traffic to the internet, which this machine's network refuses (and CI has none)
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-quic",
                    "--no-first-run",
                    "--lang=en-US",
                    "--window-size=" + width + "," + height,
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path program(String name) {
        Path found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, name))
                .filter(Files::isExecutable)
                .findFirst()
                .orElse(null);
        if (found == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(
                        name + " is not installed (CI installs the Debian packages chromium and " + "chromium-driver)");
            }
            Assumptions.abort(name + " is not installed");
        }
        return Objects.requireNonNull(found);
    }

    /** Opens the web client at {@code base} and logs in as {@code nick}, in English or Chinese ("en", "zh"). */
    Browser login(String base, String nick, String language) {
        driver.get(base);
        script(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                find("lang-select"),
                language);
        find("login-nick").clear();
        find("login-nick").sendKeys(nick);
        find("login-button").click();
        // joined: the member list shows at least ourselves
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !driver.findElements(By.cssSelector("#member-list .member-name"))
                        .isEmpty());
        return this;
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    /** Types a line into the input and presses Enter. */
    void type(String line) {
        WebElement input = find("input");
        input.sendKeys(line);
        input.sendKeys(org.openqa.selenium.Keys.ENTER);
    }

    /**
     * The text of each message line shown in the open conversation, in order (pending lines excluded). Read in one
     * script call: element by element, a line the page re-renders meanwhile would be a stale element.
     */
    List<String> messageTexts() {
        Object texts = script("return Array.from(document.querySelectorAll('#messages li.message:not(.pending) .text'))"
                + ".map(e => e.innerText)");
        return ((List<?>) texts).stream().map(String::valueOf).toList();
    }

    /** Opens a conversation by its name in the sidebar. */
    void open(String name) {
        driver.findElement(By.cssSelector("button.conversation[data-name='" + name + "']"))
                .click();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a PNG of the page under target/screenshots and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
