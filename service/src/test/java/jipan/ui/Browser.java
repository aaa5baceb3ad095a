package jipan.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, both from Debian's packages ({@code apt-get install chromium
 * chromium-driver}, which {@code .ci/run} does): Selenium is given their paths, so it never downloads a browser
 * or a driver. Paths can be changed with {@code -Djipan.chromium} and {@code -Djipan.chromedriver}.
 */
public final class Browser {
    private static final Path CHROMIUM = Path.of(System.getProperty("jipan.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("jipan.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /**
     * A wait of at most {@code seconds} on the console. A page drawn again (a job's progress, a list after an action)
     * replaces the elements a wait may be reading, so a stale element means "look again", not a failure.
     */
    public static WebDriverWait waitOn(ChromeDriver browser, int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** The element {@code css} names, once it is visible. */
    public static WebElement visible(WebDriverWait wait, String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** The console at {@code home} with no key kept: the sign-in page. */
    public static void signedOut(ChromeDriver browser, String home) {
        browser.get(home);
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        browser.get(home);
    }

    /** Types {@code key} into the sign-in form and sends it (what follows depends on the key). */
    public static void signIn(WebDriverWait wait, String key) {
        WebElement input = visible(wait, "#api-key");
        input.clear();
        input.sendKeys(key);
        visible(wait, "#sign-in button[type=submit]").click();
    }

    /**
     * Whether the dashboards show at least {@code atLeast} charts and each is drawn, or says why it cannot be (one
     * run: no migration).
     */
    public static boolean everyChartDrawn(ChromeDriver browser, int atLeast) {
        return (Boolean) browser.executeScript("const charts = document.querySelectorAll('.chart');"
                + "return charts.length >= arguments[0]"
                + " && [...charts].every(c => c.dataset.drawn === 'true' || c.querySelector('.error-card'))", atLeast);
    }

    public static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver (" + CHROMIUM
                    + ", " + DRIVER + "): apt-get install -y chromium chromium-driver, as .ci/run does");
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
