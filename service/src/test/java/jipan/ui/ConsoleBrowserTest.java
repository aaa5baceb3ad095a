package jipan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jipan.ShippedRules;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.core.TableEdit;
import jipan.reports.ReportRegistry;
import org.assertj.core.api.Assertions;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser, as an analyst and a viewer use it: signing in, what a role sees, the whole
 * rule loop in Chinese without writing DRL — change a threshold in the settings form, validate, run the
 * fixtures, see the impact, publish, see a customer's tier change, roll back — data shown as text, and the
 * language switch. Screenshots go to {@code target/console-screenshots/}.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConsoleBrowserTest {
    private static final Path RULES = ShippedRules.copy();
    private static final Path GATE = ShippedRules.copyFixtures();
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-keys.yml"),
            ConfigOverride.config("rules.directory", RULES.toString()),
            ConfigOverride.config("rules.fixtureGate", GATE.toString()),
            ConfigOverride.config("database.url", "jdbc:h2:mem:console-browser;DB_CLOSE_DELAY=-1"));
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final String XSS_ID = "<img src=x onerror=alert(1)>";
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    private static String url(String path) {
        return "http://localhost:" + APP.getLocalPort() + path;
    }

    private static Response api(String method, String path, Object body) {
        var request = APP.client().target(url("/api/v1" + path)).request().header("X-Api-Key", "demo-analyst");
        return body == null ? request.method(method) : request.method(method, Entity.json(body));
    }

    @BeforeAll
    static void start() throws Exception {
        try (Response put = api("PUT", "/customers", TestRequests.JSON.readTree(
                ConsoleBrowserTest.class.getResourceAsStream("/console/customers.json")))) {
            assertThat(put.getStatus()).isEqualTo(200);
        }
        try (Response run = api("POST", "/classification-runs", "{\"asOf\": \"2012-09-30\"}")) {
            assertThat(run.getStatus()).isEqualTo(202);
        }
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

    private static void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void signIn(String key) {
        Browser.signIn(wait, key);
    }

    private static String tierOf(String customer) throws Exception {
        try (Response response = api("GET", "/customers/" + customer + "/classification?asOf=2012-09-30", null)) {
            return TestRequests.JSON.readTree(response.readEntity(String.class)).at("/results/0/tier").asText();
        }
    }

    @Test
    void anUnknownKeyIsRefusedAndAViewerSeesDashboardsButNoRules() throws Exception {
        signIn("not-a-key");
        assertThat(find("#sign-in-error").getText()).isEqualTo("密钥无效");
        screenshot("sign-in");
        signIn("demo-viewer");
        assertThat(find("#who").getText()).contains("test viewer", "只读");
        assertThat(browser.findElements(By.id("nav-rules"))).isEmpty();
        assertThat(find("#nav-dashboards").getText()).isEqualTo("看板");
        assertThat(find("main h1").getText()).isEqualTo("看板");
        browser.get(url("/#/rules")); // asking for the page by its address does not show it either
        assertThat(find("main h1").getText()).isEqualTo("看板");
        assertThat(browser.executeScript("return document.location.href")).asString().doesNotContain("demo-viewer");
    }

    /** The numbers a chart draws, read from the chart (ECharts' option), not from its pixels. */
    @SuppressWarnings("unchecked")
    private static List<Object> chartData(String report, int series) {
        find("#chart-" + report + "[data-drawn]");
        return (List<Object>) browser.executeScript("return echarts.getInstanceByDom("
                + "document.getElementById('chart-" + report + "')).getOption().series[" + series + "].data", new Object[0]);
    }

    @Test
    void eachDashboardChartDrawsTheNumbersOfItsReport() throws Exception {
        signIn("demo-viewer");
        everyChartDrawn();
        screenshot("dashboards");
        JsonNode tiers;
        try (Response report = APP.client().target(url("/api/v1/reports/tier-distribution")).request()
                .header("X-Api-Key", "demo-viewer").get()) {
            tiers = TestRequests.JSON.readTree(report.readEntity(String.class));
        }
        List<Long> customers = new ArrayList<>();
        tiers.forEach(row -> customers.add(row.get("customers").asLong()));
        assertThat(customers).isNotEmpty();
        assertThat(chartData("tier-distribution", 0)).map(n -> ((Number) n).longValue()).isEqualTo(customers);

        JsonNode churn;
        try (Response report = APP.client().target(url("/api/v1/reports/churn/monthly-series?to=2012-09")).request()
                .header("X-Api-Key", "demo-viewer").get()) {
            churn = TestRequests.JSON.readTree(report.readEntity(String.class));
        }
        List<Object> drawn = chartData("churn-series", 0);
        assertThat(drawn).hasSize(churn.size()).hasSize(12);
        for (int i = 0; i < churn.size(); i++) {
            JsonNode value = churn.get(i).get("churn");
            if (value.isNull()) {
                assertThat(drawn.get(i)).isNull();
            } else {
                assertThat(((Number) drawn.get(i)).doubleValue()).isEqualTo(value.decimalValue().doubleValue() * 100,
                        Assertions.within(0.005));
            }
        }
        assertThat(find("#card-tier-distribution table.rows").getText()).contains("售后等级", "B 类");
        assertThat(find("#card-structure-yoy-industry h2").getText()).endsWith("按行业");
        assertThat(find("#card-structure-yoy-region h2").getText()).endsWith("按区域");
        assertThat(browser.findElements(By.id("chart-grade-structure"))).as("on the customer-base page").isEmpty();

        // the customer base, a page of its own: nine charts
        find("#nav-base").click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/base"));
        wait.until(d -> Browser.everyChartDrawn(browser, 9)
                && !d.findElements(By.cssSelector("#chart-grade-structure[data-drawn]")).isEmpty());
        assertThat(find("main h1").getText()).isEqualTo("基盘看板");
        assertThat(browser.findElements(By.cssSelector(".chart"))).hasSize(9);

        // the grade structure: a bar per region and run, stacked by grade; a bar's customers listed under the chart
        JsonNode grades;
        try (Response report = APP.client().target(url("/api/v1/reports/grade-structure?by=region")).request()
                .header("X-Api-Key", "demo-viewer").get()) {
            grades = TestRequests.JSON.readTree(report.readEntity(String.class));
        }
        JsonNode cell = null;
        for (JsonNode line : grades) {
            if (!line.get("group").asText().equals("TOTAL") && !line.get("baseGrade").asText().equals("TOTAL")
                    && line.get("laterCustomers").asInt() > 0) {
                cell = line;
                break;
            }
        }
        assertThat(cell).as("a cell with customers").isNotNull();
        String grade = jipan.core.Labels.label(cell.get("baseGrade").asText(), jipan.core.Lang.ZH);
        String group = cell.get("group").asText().isEmpty() ? "（未填写）" : cell.get("group").asText();
        // one run only: one bar per region, as of that run
        assertThat(chartData("grade-structure", 0)).hasSize((int) java.util.stream.StreamSupport.stream(
                grades.spliterator(), false).map(line -> line.get("group").asText()).filter(g -> !g.equals("TOTAL"))
                .distinct().count());
        assertThat(browser.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-grade-structure'))"
                + ".getOption().series.length")).isEqualTo((long) java.util.stream.StreamSupport.stream(
                grades.spliterator(), false).map(line -> line.get("baseGrade").asText())
                .filter(g -> !g.equals("TOTAL")).distinct().count());
        browser.executeScript("document.getElementById('chart-grade-structure').cellOf({name: arguments[0], "
                + "seriesName: arguments[2] + ' · ' + arguments[1]})", group, cell.get("laterAsOf").asText(), grade);
        wait.until(d -> !d.findElements(By.cssSelector("#cell-grade-structure table.rows tbody tr, "
                + "#cell-grade-structure .error-card")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#cell-grade-structure .error-card"))).as(find(
                "#cell-grade-structure").getText()).isEmpty();
        assertThat(find("#cell-grade-structure h3").getText()).contains(group, grade)
                .endsWith(" · " + String.format(java.util.Locale.ROOT, "%,d", cell.get("laterCustomers").asInt()));
        assertThat(browser.findElements(By.cssSelector("#cell-grade-structure table.rows tbody tr")))
                .hasSize(Math.min(200, cell.get("laterCustomers").asInt()));
        screenshot("base");

        // data quality: a bar's records listed under the chart
        JsonNode quality;
        try (Response report = APP.client().target(url("/api/v1/reports/data-quality")).request()
                .header("X-Api-Key", "demo-viewer").get()) {
            quality = TestRequests.JSON.readTree(report.readEntity(String.class));
        }
        JsonNode check = null;
        for (JsonNode line : quality) {
            if (line.get("count").asInt() > 0) {
                check = line;
                break;
            }
        }
        assertThat(check).as("the test customers have no phone").isNotNull();
        String name = jipan.core.Labels.label(check.get("check").asText(), jipan.core.Lang.ZH);
        browser.executeScript("document.getElementById('chart-data-quality').cellOf({name: arguments[0]})", name);
        wait.until(d -> !d.findElements(By.cssSelector("#cell-data-quality table.rows tbody tr")).isEmpty());
        assertThat(find("#cell-data-quality h3").getText()).startsWith(name).endsWith(" · "
                + String.format(java.util.Locale.ROOT, "%,d", check.get("count").asInt()));

        // another period: the charts follow it
        find("#nav-dashboards").click();
        everyChartDrawn();
        WebElement from = find("#period-from");
        browser.executeScript("arguments[0].value = '2012-01-01'", from);
        find("#period-apply").click();
        wait.until(d -> d.getCurrentUrl().endsWith("#/dashboards/2012-01-01..2012-09-30"));
        everyChartDrawn();
        assertThat(find("#period-from").getAttribute("value")).isEqualTo("2012-01-01");
    }

    /** Waits until every chart of the dashboards is drawn, or says why it cannot be (one run: no migration). */
    private static void everyChartDrawn() {
        wait.until(d -> Browser.everyChartDrawn(browser, 13));
    }

    @Test
    void aCustomerIsFoundByPartOfItsNameWithReasonsGroupedByTopicAndMarkupShownAsText() throws Exception {
        signIn("demo-analyst");
        find("#nav-customers").click();
        WebElement query = find("#customer-query");
        query.sendKeys("script");
        find("#customer-search button[type=submit]").click();
        WebElement link = find("a.customer-link");
        assertThat(link.getText()).isEqualTo(XSS_ID);
        link.click();
        assertThat(find("#customer-name").getText()).isEqualTo("<script>alert(2)</script>");
        assertThat(find("#customer-id").getText()).isEqualTo(XSS_ID);
        assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
        assertThat(find("#result-tier").getText()).isEqualTo("B 类");
        assertThat(browser.findElements(By.cssSelector("section.reasons")).stream()
                .map(section -> section.getAttribute("data-topic")).toList())
                .containsExactly("tiers", "churn", "loyalty", "grade", "lifecycle", "window");
        assertThat(browser.findElements(By.id("follow-ups"))).as("an ACTIVE customer has no follow-up").isEmpty();
        assertThat(find("section.reasons[data-topic='tiers']").getText()).startsWith("售后等级")
                .contains("B 类：定期自费回厂").contains("→ B 类");
        assertThat(find("#visits").getText()).contains("2012-08-01", "维修", "客户付费");
        browser.executeScript("document.getElementById('classification').scrollIntoView()");
        screenshot("customer");

        query = find("#customer-query");
        query.clear();
        query.sendKeys("LVIN0000000000003");
        find("#customer-search button[type=submit]").click();
        wait.until(d -> d.findElements(By.cssSelector("a.customer-link")).size() == 1
                && d.findElement(By.cssSelector("a.customer-link")).getText().equals("C3"));
    }

    @Test
    void anUploadShowsItsRejectedRowAndTheHistory() throws Exception {
        signIn("demo-analyst");
        find("#nav-data").click();
        new Select(find("#import-kind")).selectByValue("repair-orders");
        Path csv = Path.of("src/test/resources/console/repair-orders-one-bad-row.csv").toAbsolutePath();
        find("#import-file").sendKeys(csv.toString());
        find("#import-start").click();
        wait.until(d -> {
            var job = d.findElements(By.id("import-job"));
            return !job.isEmpty() && !List.of("QUEUED", "RUNNING").contains(job.get(0).getAttribute("data-status"));
        });
        assertThat(find("#import-counts").getText()).contains("读取行数 2", "已导入 1 (新增 1", "拒绝 1");
        assertThat(find("#rejected-download").getText()).isEqualTo("下载被拒绝的行");
        WebElement rejected = find("#rejected-rows");
        assertThat(rejected.getText()).contains("3", "2012-13-40");
        screenshot("data-import");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-history"),
                "repair-orders-one-bad-row.csv"));
        // no webhook endpoint is configured here: the page says where to set one up
        assertThat(find("#webhooks h2").getText()).isEqualTo("推送记录（Webhook）");
        assertThat(find("#no-webhooks").getText()).startsWith("还没有推送");
    }

    @Test
    void aBrokenEditInTheRuleEditorIsShownAtItsLineAndNothingGoesLive() throws Exception {
        signIn("demo-analyst");
        find("#nav-rules").click();
        String live = find("#live-version").getText();
        find("button.file-button[data-file='tiers.drl']").click();
        find("#editor .CodeMirror");
        String text = (String) browser.executeScript(
                "return document.querySelector('#editor .editor-area').CodeMirrorEditor.getValue()");
        int line = Arrays.asList(text.split("\n", -1)).indexOf("    minVisitsForA : int = 4") + 1;
        assertThat(line).isPositive();
        browser.executeScript("const e = document.querySelector('#editor .editor-area').CodeMirrorEditor;"
                + "e.replaceRange('    minVisitsForA : int = = 4', {line: arguments[0] - 1, ch: 0}, {line: arguments[0] - 1});",
                line);
        find("#editor-validate").click();
        WebElement problem = find("#editor-problems li.problem");
        assertThat(problem.getAttribute("data-line")).isEqualTo(String.valueOf(line));
        assertThat(problem.getText()).startsWith("tiers.drl:" + line + ":");
        // the marked line is the broken one
        assertThat(browser.findElements(By.cssSelector("#editor .CodeMirror .error-line"))).hasSize(1);
        assertThat(find("#editor .CodeMirror .error-line").getText()).contains("minVisitsForA : int = = 4");
        browser.executeScript("document.getElementById('editor').scrollIntoView()");
        screenshot("rules-editor");
        find("#editor-publish").click();
        find("#editor-problems li.problem");
        assertThat(find("#live-version").getText()).isEqualTo(live);
    }

    @Test
    void anAnalystChangesADefeatActionInExcelUploadsItAndItGoesLiveAndABrokenCellIsNamed() throws Exception {
        signIn("demo-analyst");
        find("#nav-rules").click();
        String live = find("#live-version").getText();
        find("button.file-button[data-file='defeat.drl.xlsx']").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table-drl"), "rule \"Defeat: price\""));

        Path broken = Files.createTempFile("defeat-broken", ".drl.xlsx");
        Files.write(broken, TableEdit.shipped("defeat.drl.xlsx").set("Categories!B11", "PRODUCT, BRANDS").bytes());
        find("#table-upload").sendKeys(broken.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table-chosen"), broken.getFileName().toString()));
        find("#editor-validate").click();
        WebElement problem = find("#editor-problems li.problem");
        assertThat(problem.getText()).startsWith("defeat.drl.xlsx!Categories!B11").contains("BRANDS");
        browser.executeScript("document.getElementById('editor').scrollIntoView()");
        screenshot("rules-decision-table");

        Path edited = Files.createTempFile("defeat-edited", ".drl.xlsx");
        Files.write(edited, TableEdit.shipped("defeat.drl.xlsx")
                .set("Categories!C29", "call within 7 days and record the real reason").bytes());
        find("#table-upload").sendKeys(edited.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("table-chosen"), edited.getFileName().toString()));
        find("#editor-test").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "0 失败"));
        find("#editor-comment").sendKeys("unanalysed defeats: call within 7 days");
        find("#editor-publish").click();
        assertThat(find("#publish-result").getText()).startsWith("已发布");
        assertThat(find("#live-version").getText()).isNotEqualTo(live);
        try (Response answer = api("POST", "/classify", TestRequests.JSON.readTree(
                "{\"asOf\": \"2012-09-30\", \"customers\": [{\"id\": \"P\", \"leads\": [{\"leadId\": \"L\", "
                        + "\"createdOn\": \"2012-05-01\", \"closedOn\": \"2012-06-01\", \"status\": \"DEFEATED\"}]}]}"))) {
            assertThat(TestRequests.JSON.readTree(answer.readEntity(String.class)).at("/results/0/leads/0/action").asText())
                    .isEqualTo("call within 7 days and record the real reason");
        }
    }

    @Test
    void aServiceManagerWorksTheCallListAndRecordsAnOutcome() throws Exception {
        signIn("demo-service");
        assertThat(browser.findElements(By.id("nav-rules"))).isEmpty();
        find("#nav-calls").click();
        WebElement table = find("#calls-table");
        assertThat(table.getText()).contains("挽留回访", "C1", "C 类 流失预警客户");
        assertThat(find("#calls-summary").getText()).contains("2012-09-30", "1 项任务");
        screenshot("call-list");
        new Select(find("#calls-kind")).selectByValue("FIRST_MAINTENANCE_REMINDER");
        find("#calls-apply").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calls-summary"), "0 项任务"));

        // the call is made: a note, why the customer stayed away, their satisfaction, DONE — and the task leaves
        // the open list for the handled one
        new Select(find("#calls-kind")).selectByValue("RETENTION_CALL");
        find("#calls-apply").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calls-summary"), "1 项任务"));
        find("#calls-table .outcome-note").sendKeys("<b>周一</b> 来保养");
        new Select(find("#calls-table .outcome-churn-reason")).selectByValue("PRICE");
        new Select(find("#calls-table .outcome-satisfaction")).selectByValue("4");
        find("#calls-table .outcome-DONE").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calls-summary"), "0 项任务"));
        new Select(find("#calls-state")).selectByValue("handled");
        find("#calls-apply").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("calls-summary"), "1 项任务"));
        assertThat(find("#calls-table .outcome").getText())
                .isEqualTo("完成 · 价格 · 满意度 4 · <b>周一</b> 来保养 · test service manager");
    }

    /** The texts of a table's column, by its header. */
    @SuppressWarnings("unchecked")
    private static List<String> column(String tableCss, String header) {
        return (List<String>) browser.executeScript("""
                const table = document.querySelector(arguments[0]);
                if (!table) return [];
                const index = [...table.querySelectorAll('thead th')].findIndex(th => th.textContent === arguments[1]);
                if (index < 0) return [];
                return [...table.querySelectorAll('tbody tr')].map(tr => tr.children[index].textContent);
                """, tableCss, header);
    }

    /**
     * Every reason, task and setting explanation a user reads (issue 26): in the console's language; the language
     * switch redraws the page in the other one.
     */
    @Test
    void everyReasonTaskAndSettingExplanationReadsInTheConsolesLanguage() throws Exception {
        java.util.regex.Pattern chinese = java.util.regex.Pattern.compile("\\p{IsHan}");
        // words of the rules' Chinese sentences; the data (names, regions, models) may be Chinese in English too
        java.util.regex.Pattern sentenceWords = java.util.regex.Pattern.compile("截至|个月|回厂|客户|分：|保修|线索|→ [\\p{IsHan}]");
        signIn("demo-analyst");
        for (String language : List.of("zh", "en")) {
            browser.get(url("/#/customers/C1"));
            wait.until(d -> !d.findElements(By.cssSelector("section.reasons li")).isEmpty()
                    && !d.findElements(By.cssSelector("#follow-ups table")).isEmpty());
            List<String> reasons = browser.findElements(By.cssSelector("section.reasons li")).stream()
                    .map(WebElement::getText).toList();
            List<String> tasks = column("#follow-ups table", language.equals("zh") ? "原因" : "Reason");
            browser.get(url("/#/calls"));
            find("#calls-table");
            // open and handled alike (another test may have handled the task)
            new Select(find("#calls-state")).selectByValue("all");
            find("#calls-apply").click();
            wait.until(d -> !column("#calls-table", language.equals("zh") ? "原因" : "Reason").isEmpty());
            List<String> calls = column("#calls-table", language.equals("zh") ? "原因" : "Reason");
            browser.get(url("/#/rules"));
            find("table.settings");
            // the analyst's guide in the console's language, served from the jar
            String guide = find("#rules-guide").getAttribute("href");
            assertThat(guide).endsWith(language.equals("zh") ? "/console/docs/rules.zh-CN.md" : "/console/docs/rules.md");
            try (Response text = APP.client().target(guide).request().get()) {
                assertThat(text.getStatus()).isEqualTo(200);
                assertThat(text.readEntity(String.class)).startsWith(language.equals("zh") ? "# 规则编写指南" : "# Rules for analysts");
            }
            List<String> settings = browser.findElements(By.cssSelector("table.settings tbody td:nth-child(3)")).stream()
                    .map(WebElement::getText).toList();
            assertThat(reasons).as("reasons").hasSizeGreaterThan(10);
            assertThat(tasks).as("tasks").isNotEmpty();
            assertThat(calls).as("call list").isNotEmpty();
            assertThat(settings).as("settings").hasSizeGreaterThan(40);
            for (List<String> texts : List.of(reasons, tasks, calls, settings)) {
                if (language.equals("zh")) {
                    assertThat(texts).allSatisfy(text -> assertThat(text).containsPattern(chinese));
                } else {
                    assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContainPattern(sentenceWords));
                }
            }
            if (language.equals("zh")) {
                screenshot("rules-zh");
                find("#language").click(); // the language switch: the page is drawn again in English
                wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Rules"));
                assertThat(find("#validate").getText()).isEqualTo("Validate");
            }
        }
        find("#language").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "规则"));
    }

    @Test
    void anAnalystChangesAThresholdSeesTheImpactPublishesAndRollsBack() throws Exception {
        signIn("demo-analyst");
        find("#nav-rules").click();
        String before = find("#live-version").getText();
        assertThat(tierOf("C3")).isEqualTo("B");
        WebElement threshold = find("#setting-TierSettings-minVisitsForA");
        assertThat(threshold.getAttribute("value")).isEqualTo("4");
        threshold.clear();
        threshold.sendKeys("3");
        browser.executeScript("window.scrollTo(0, 0)");
        screenshot("rules-settings");

        find("#validate").click();
        assertThat(find("#validate-result").getText()).startsWith("校验通过");

        find("#test").click();
        WebElement tests = find("#test-result");
        assertThat(tests.getText()).contains("1 失败", "customer-pay-visit-counts");

        find("#impact").click();
        WebElement moved = find("#impact-tier td[data-from='B'][data-to='A']");
        assertThat(moved.getText()).isEqualTo("2");
        moved.click();
        // the customer id is markup, shown as text: no element made of it, no script run
        assertThat(find("#impact-examples").getText()).contains(XSS_ID);
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        browser.executeScript("document.getElementById('impact-result').scrollIntoView()");
        screenshot("rules-impact");

        // the backtest: the live rules and the candidate side by side, judged by what the customers did afterwards
        find("#backtest").click();
        WebElement backtest = find("#backtest-result");
        assertThat(backtest.getText()).contains("回测 #", "现行规则", "候选规则", "精确率", "提升度", "按流失状态");
        browser.executeScript("document.getElementById('backtest-result').scrollIntoView()");
        screenshot("rules-backtest");

        // the fixture gate refuses: a fixture pins A at four visits
        find("#publish-comment").sendKeys("A from three visits");
        find("#publish").click();
        assertThat(find(".error-card").getText()).contains("409", "customer-pay-visit-counts");
        assertThat(tierOf("C3")).isEqualTo("B");

        // the analyst updates the fixture in the console: at three visits, A is now expected
        find("#test").click();
        find("#test-result button.edit-fixture[data-path='tiers/customer-pay-visit-counts.yml']").click();
        find("#fixture-area .CodeMirror");
        browser.executeScript("const e = document.getElementById('fixture-area').CodeMirrorEditor;"
                + "e.setValue(e.getValue().replace('THREE: {tier: B,', 'THREE: {tier: A,'));");
        assertThat(find("#pending-fixtures").getText()).contains("tiers/customer-pay-visit-counts.yml");
        find("#test").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("test-result"), "0 失败"));
        find("#publish").click();
        assertThat(find("#publish-result").getText()).startsWith("已发布");
        String after = find("#live-version").getText();
        assertThat(after).isNotEqualTo(before);
        assertThat(find("#setting-TierSettings-minVisitsForA").getAttribute("value")).isEqualTo("3");
        assertThat(tierOf("C3")).isEqualTo("A");
        assertThat(Files.readString(GATE.resolve("tiers/customer-pay-visit-counts.yml")))
                .as("the changed fixture went live with the rules").contains("THREE: {tier: A,");
        screenshot("rules-published");

        // the two versions side by side, and the activation log
        find("#diff-show").click();
        assertThat(find("#diff pre.removed").getText()).contains("minVisitsForA : int = 4");
        assertThat(find("#diff pre.added").getText()).contains("minVisitsForA : int = 3");
        assertThat(find("#activations-table").getText()).contains("发布", "A from three visits");

        // roll back to the version that was live before
        JsonNode versions;
        try (Response list = api("GET", "/rules/versions", null)) {
            versions = TestRequests.JSON.readTree(list.readEntity(String.class));
        }
        String previous = null;
        for (JsonNode version : versions) {
            if (version.get("hash").asText().equals(before)) {
                previous = version.get("seq").asText();
            }
        }
        assertThat(previous).as("the version before is listed").isNotNull();
        find("button.rollback[data-seq='" + previous + "']").click();
        wait.until(ExpectedConditions.textToBe(By.id("live-version"), before));
        assertThat(tierOf("C3")).isEqualTo("B");
        assertThat(find("#activations-table tbody tr").getText()).contains("回滚");

        // an impact cell's customers open on the customers page (the rules page is drawn again after the
        // rollback: the change is typed into the new form, and checked there, before impact is asked for)
        wait.until(d -> "4".equals(browser.executeScript(
                "const f = document.getElementById('setting-TierSettings-minVisitsForA'); return f && f.value")));
        wait.until(d -> {
            WebElement field = d.findElement(By.id("setting-TierSettings-minVisitsForA"));
            field.clear();
            field.sendKeys("3");
            return "3".equals(browser.executeScript(
                    "return document.getElementById('setting-TierSettings-minVisitsForA').value"));
        });
        find("#impact").click();
        find("#impact-tier td[data-from='B'][data-to='A']").click();
        find("#impact-examples a.example[href='#/customers/C3']").click();
        wait.until(ExpectedConditions.textToBe(By.id("customer-id"), "C3"));
        assertThat(find("#result-tier").getText()).isEqualTo("B 类");
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

    /**
     * Swagger UI in a real browser: the page loads the service's OpenAPI document, a demo key is entered under
     * "Authorize", and "Try it out" on an endpoint gets a real answer — 401 before the key, 200 with it.
     */
    @Test
    void swaggerUiTryItOutWorksWithADemoKey() {
        browser.get(url("/api/docs"));
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
