package jipan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Duration;
import jipan.TestApp;
import jipan.reports.ReportRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI in a real browser: the page loads the service's OpenAPI document, a demo key is entered under
 * "Authorize", and "Try it out" on an endpoint gets a real answer — 401 before the key, 200 with it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SwaggerUiBrowserTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-keys.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:swagger-ui-browser;DB_CLOSE_DELAY=-1"));
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void open() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String tryRulesStatus() {
        WebElement operation = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                ".opblock-summary-path[data-path='/api/v1/rules/status']")));
        WebElement block = operation.findElement(By.xpath("ancestor::div[contains(@class,'opblock ')]"));
        if (block.findElements(By.cssSelector("button.execute")).isEmpty()) {
            if (block.findElements(By.cssSelector("button.try-out__btn")).isEmpty()) {
                operation.click();
            }
            wait.until(d -> !block.findElements(By.cssSelector("button.try-out__btn")).isEmpty());
            block.findElement(By.cssSelector("button.try-out__btn")).click();
        }
        // a previous answer is cleared first, so the status read below is the new request's
        block.findElements(By.cssSelector("button.btn-clear")).forEach(WebElement::click);
        wait.until(d -> block.findElements(By.cssSelector(".live-responses-table tr.response")).isEmpty());
        WebElement execute = wait.until(d -> block.findElements(By.cssSelector("button.execute")).stream().findFirst()
                .orElse(null));
        execute.click();
        WebElement status = wait.until(d -> block.findElements(By.cssSelector(
                ".live-responses-table tr.response .response-col_status")).stream()
                .filter(cell -> !cell.getText().isBlank()).findFirst().orElse(null));
        return status.getText().trim();
    }

    @Test
    void tryItOutWorksWithADemoKey() {
        browser.get("http://localhost:" + APP.getLocalPort() + "/api/docs");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).contains("jipan");
        // every report of the registry is listed under its own path
        int reports = wait.until(d -> {
            int listed = d.findElements(By.cssSelector(".opblock-summary-path[data-path^='/api/v1/reports/']")).size();
            return listed >= 12 ? listed : null;
        });
        assertThat(reports).isEqualTo(ReportRegistry.ALL.size());

        assertThat(tryRulesStatus()).startsWith("401");

        browser.findElement(By.cssSelector("button.btn.authorize")).click();
        WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input")));
        key.sendKeys("demo-analyst");
        browser.findElement(By.cssSelector(".auth-btn-wrapper button.authorize")).click();
        browser.findElement(By.cssSelector(".auth-btn-wrapper button.btn-done")).click();

        assertThat(tryRulesStatus()).startsWith("200");
        assertThat(browser.findElement(By.cssSelector(".live-responses-table tr.response .response-col_description")).getText())
                .contains("liveVersion");
    }
}
