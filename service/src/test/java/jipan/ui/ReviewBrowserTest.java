package jipan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import jipan.ShippedRules;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Four eyes in a real browser, in Chinese: the author sees their request but no approve button; the approver sees the
 * pending count in the top bar, opens the request with its change and evidence, and approves it; a request is
 * rejected with a reason, another withdrawn by its author.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReviewBrowserTest {
    private static final Path RULES = ShippedRules.copy();
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-approval.yml"),
            ConfigOverride.config("rules.directory", RULES.toString()),
            ConfigOverride.config("rules.fixtureGate", ShippedRules.copyFixtures().toString()),
            ConfigOverride.config("database.url", "jdbc:h2:mem:review-browser;DB_CLOSE_DELAY=-1"));
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    private static String url(String path) {
        return "http://localhost:" + APP.getLocalPort() + path;
    }

    private static long request(String key, String file, String note) throws Exception {
        ObjectNode body = TestRequests.JSON.createObjectNode();
        body.putObject("files").put(file, Files.readString(RULES.resolve(file)) + "\n// " + note + "\n");
        body.put("comment", note);
        try (Response made = APP.client().target(url("/api/v1/rules/requests")).request().header("X-Api-Key", key)
                .post(Entity.json(body))) {
            String text = made.readEntity(String.class);
            assertThat(made.getStatus()).as(text).isEqualTo(201);
            return TestRequests.JSON.readTree(text).get("id").asLong();
        }
    }

    private static JsonNode stored(long id) throws Exception {
        try (Response response = APP.client().target(url("/api/v1/rules/requests/" + id)).request()
                .header("X-Api-Key", "wangfang-key").get()) {
            return TestRequests.JSON.readTree(response.readEntity(String.class));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        browser = Browser.start();
        wait = Browser.waitOn(browser, 30);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        Browser.signedOut(browser, url("/"));
    }

    private static WebElement find(String css) {
        return Browser.visible(wait, css);
    }

    private static void signIn(String key) {
        Browser.signIn(wait, key);
        find("#who");
    }

    private static void open(long id) {
        browser.get(url("/#/review/" + id));
        wait.until(d -> d.findElement(By.id("request-title")).getText().contains("#" + id));
    }

    @Test
    void theApproverSeesThePendingCountOpensTheRequestWithItsEvidenceAndApprovesIt() throws Exception {
        long id = request("lilei-key", "tiers.drl", "四眼审批");

        signIn("lilei-laptop"); // the author, on another key: sees the request, may withdraw, may not approve
        open(id);
        assertThat(find("#why-not").getText()).startsWith("发布申请 #" + id + " 是你提交的").contains("须由他人批准或驳回");
        assertThat(browser.findElements(By.id("approve"))).isEmpty();
        assertThat(find("#withdraw").getText()).isEqualTo("撤回申请");

        signedOut();
        signIn("wangfang-key");
        assertThat(find("#who").getText()).contains("审批人");
        WebElement pending = find("#pending-requests");
        int waiting;
        try (Response list = APP.client().target(url("/api/v1/rules/requests?state=pending")).request()
                .header("X-Api-Key", "wangfang-key").get()) {
            waiting = TestRequests.JSON.readTree(list.readEntity(String.class)).size();
        }
        assertThat(pending.getText()).isEqualTo(waiting + " 份待审批");
        pending.click();
        find("#requests-table a.request-link[href='#/review/" + id + "']").click();
        wait.until(d -> d.findElement(By.id("request-title")).getText().contains("待审批"));
        assertThat(find("#request-diff pre.added").getText()).contains("// 四眼审批");
        assertThat(find("#evidence-fixtures").getText()).contains("通过", "规则覆盖率 100 %");
        assertThat(find("#request-author").getText()).isEqualTo("lilei");
        assertThat(find("#evidence-no-backtest").getText()).startsWith("没有回测： 库中没有维修工单");
        find("#decision-comment").sendKeys("影响已核对");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve("review.png"),
                StandardCopyOption.REPLACE_EXISTING);
        find("#approve").click();

        wait.until(d -> d.findElement(By.id("request-title")).getText().contains("已生效"));
        assertThat(find("#request-decided-by").getText()).isEqualTo("wangfang · 影响已核对");
        assertThat(find("#history-table").getText()).contains("提交发布申请", "批准", "审批通过后发布");
        assertThat(stored(id).get("state").asText()).isEqualTo("live");
        browser.navigate().refresh();
        find("#request-title");
        assertThat(browser.findElements(By.cssSelector("#pending-requests:not([hidden])"))).isEmpty();
    }

    @Test
    void theAuthorBringsAStaleRequestUpToDateAndTheApproverSchedulesIt() throws Exception {
        long stale = request("lilei-key", "lifecycle.drl", "过时后更新");
        long other = request("hanmeimei-key", "window.drl", "先生效");
        try (Response approved = APP.client().target(url("/api/v1/rules/requests/" + other + "/approve")).request()
                .header("X-Api-Key", "wangfang-key").post(Entity.json("{}"))) {
            assertThat(approved.getStatus()).isEqualTo(200);
        }

        signIn("lilei-key");
        open(stale);
        assertThat(find("#request-stale").getText()).contains("作者先按现行规则更新");
        find("#update-request").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("request-stale")));
        assertThat(stored(stale).get("upToDate").asBoolean()).isTrue();
        assertThat(find("#history-table").getText()).contains("申请已按现行规则更新");

        signedOut();
        signIn("wangfang-key");
        open(stale);
        // the first of next month: it waits, approved, for its time
        java.time.LocalDateTime firstOfNextMonth = java.time.LocalDate.now().plusMonths(1).withDayOfMonth(1).atStartOfDay();
        browser.executeScript("document.getElementById('effective-at').value = arguments[0]", firstOfNextMonth
                .toString());
        find("#decision-comment").sendKeys("下月一日生效");
        find("#approve").click();
        wait.until(d -> d.findElement(By.id("request-title")).getText().contains("已批准，待生效"));
        assertThat(find("#request-effective").getText()).contains(String.valueOf(firstOfNextMonth.getYear()));
        JsonNode scheduled = stored(stale);
        assertThat(scheduled.get("state").asText()).isEqualTo("scheduled");
        assertThat(java.time.Instant.parse(scheduled.get("effectiveAt").asText()))
                .isEqualTo(firstOfNextMonth.atZone(java.time.ZoneId.systemDefault()).toInstant());
        assertThat(browser.findElements(By.id("approve"))).as("approved already").isEmpty();
        find("#reject"); // a scheduled request can still be rejected before its time
        find("#decision-comment").sendKeys("改期");
        find("#reject").click();
        wait.until(d -> d.findElement(By.id("request-title")).getText().contains("已驳回"));
    }

    @Test
    void aRequestIsRejectedWithAReasonAndAnotherWithdrawnByItsAuthor() throws Exception {
        // the same change twice (compiled once): one request is rejected, the other withdrawn
        long rejected = request("hanmeimei-key", "churn.drl", "两人都提交了");
        long withdrawn = request("lilei-key", "churn.drl", "两人都提交了");

        signIn("wangfang-key");
        open(rejected);
        find("#reject").click();
        assertThat(find("#decision-result .error-card").getText()).contains("comment");
        find("#decision-comment").sendKeys("依据不足");
        find("#reject").click();
        wait.until(d -> d.findElement(By.id("request-title")).getText().contains("已驳回"));
        assertThat(stored(rejected).get("decisionComment").asText()).isEqualTo("依据不足");

        signedOut();
        signIn("lilei-key");
        open(withdrawn);
        find("#withdraw").click();
        wait.until(d -> d.findElement(By.id("request-title")).getText().contains("已撤回"));
        assertThat(stored(withdrawn).get("state").asText()).isEqualTo("withdrawn");
    }
}
