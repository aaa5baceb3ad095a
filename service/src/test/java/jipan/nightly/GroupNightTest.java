package jipan.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jipan.ShippedRules;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.auth.ApiKeyFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A group of two stores runs a night by itself (issue 31's "done when"): the DMS exports dropped in each store's inbox
 * are imported and moved to done/ (a file of no known kind to failed/, rejected rows beside their file), each store's
 * customers are classified as of the night and its call list is there; the night is recorded once per store; a
 * webhook receiver gets a signed run.finished for each store's run; the store manager's key sees its store only; the
 * league table ranks both stores.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class GroupNightTest {
    private static final String SECRET = "the group's webhook secret";
    private static final String GROUP_KEY = "group-analyst-key";
    private static final String S1_KEY = "s1-manager-key";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer RECEIVER = receiver();
    private static final Path ROOT = inboxes();
    private static final TestApp APP = new TestApp(config(),
            ConfigOverride.config("rules.directory", ShippedRules.copy().toString()),
            ConfigOverride.config("rules.fixtureGate", ShippedRules.copyFixtures().toString()));

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(new String[]{exchange.getRequestHeaders().getFirst("X-Jipan-Event"),
                        exchange.getRequestHeaders().getFirst("X-Jipan-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Jipan-Signature"), body});
                exchange.sendResponseHeaders(200, 2);
                exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each store's exports, dropped before the service starts (dated a minute ago: settled, not being written). */
    private static Path inboxes() {
        try {
            Path root = Files.createTempDirectory("jipan-group");
            String visit = LocalDate.now(ZONE).minusMonths(2).toString();
            drop(root.resolve("S1"), "customers_nightly.csv", "客户编号,客户名称,电话,区域,行业,出生年份,客户类型\n"
                    + "A1,王先生,13800000001,惠城区,制造业,1975,个人\nA2,李女士,13800000002,惠阳区,,1980,个人\n");
            drop(root.resolve("S1"), "vehicles_nightly.csv", "车架号,客户编号,车型,购车日期,保修截止日期,本店购车\n"
                    + "LSGPC54U8AF000A11,A1,科鲁兹,2020-05-01,2023-05-01,是\nLSGPC54U8AF000A21,A2,英朗,2021-03-12,2024-03-12,否\n");
            drop(root.resolve("S1"), "repair-orders_nightly.csv", "工单号,车架号,进厂日期,进厂里程,付费类型,维修类型,结算金额\n"
                    + "RO-A1,LSGPC54U8AF000A11," + visit + ",13000,自费,保养,500\n");
            // the same person is a customer of S2 too, under S2's own id; S1's id in S2's file is refused
            drop(root.resolve("S2"), "customers.csv", "客户编号,客户名称,电话,区域,行业,出生年份,客户类型\n"
                    + "S2-ONLY-1,二店独有客户,13800000001,惠城区,制造业,1975,个人\nA2,李女士,13800000002,惠阳区,,1980,个人\n"
                    + "S2-CAR,李女士（二店）,13900000002,惠阳区,,1980,个人\n");
            // A2's car (bought at S1) is serviced at S2 too, where its owner has S2's own record and another phone:
            // the VIN is S2's vehicle as well, and links the two for the group
            drop(root.resolve("S2"), "vehicles.csv", "车架号,客户编号,车型,购车日期,保修截止日期,本店购车\n"
                    + "LSGPC54U8AF000A21,S2-CAR,英朗,2021-03-12,2024-03-12,否\n");
            drop(root.resolve("S2"), "repair-orders.csv", "工单号,车架号,进厂日期,进厂里程,付费类型,维修类型,结算金额\n"
                    + "S2-RO-1,LSGPC54U8AF000A21," + visit + ",42000,自费,保养,380\n");
            drop(root.resolve("S2"), "notes.txt", "not an export\n");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drop(Path inbox, String name, String text) throws IOException {
        Files.createDirectories(inbox);
        Path file = Files.writeString(inbox.resolve(name), "\uFEFF" + text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static String config() {
        try {
            String text = """
                    auth:
                      mode: keys
                      keys:
                        - name: group analyst
                          role: ANALYST
                          sha256: %s
                        - name: S1 store analyst
                          role: ANALYST
                          stores: [S1]
                          sha256: %s
                    stores:
                      - {code: S1, name: 惠城店, nameEn: Huicheng, inbox: "%s"}
                      - {code: S2, name: 惠阳店, nameEn: Huiyang, inbox: "%s"}
                    nightly:
                      cron: "* * * * *"
                      timeZone: Asia/Shanghai
                      pollSeconds: 1
                    webhooks:
                      endpoints:
                        - name: group crm
                          url: http://127.0.0.1:%d/hook
                          secret: "%s"
                          events: [run.finished]
                    rules:
                      approval: optional
                      watch: false
                      maxMillisPerCustomer: 10000
                    database:
                      url: "jdbc:h2:mem:group-night;DB_CLOSE_DELAY=-1"
                    classify:
                      warmUpCustomers: 0
                    server:
                      applicationConnectors:
                        - type: http
                          port: 0
                      adminConnectors:
                        - type: http
                          port: 0
                      requestLog:
                        appenders: []
                    logging:
                      level: WARN
                    """.formatted(ApiKeyFilter.sha256(GROUP_KEY), ApiKeyFilter.sha256(S1_KEY),
                    ROOT.resolve("S1").toString().replace("\\", "/"), ROOT.resolve("S2").toString().replace("\\", "/"),
                    RECEIVER.getAddress().getPort(), SECRET);
            return Files.writeString(Files.createTempFile("jipan-group", ".yml"), text).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop(0);
    }

    private static JsonNode get(String key, String path) throws IOException {
        try (Response answer = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path)
                .request().header("X-Api-Key", key).get()) {
            String body = answer.readEntity(String.class);
            assertThat(answer.getStatus()).as(path + ": " + body).isEqualTo(200);
            return TestRequests.JSON.readTree(body);
        }
    }

    private static int status(String key, String path) {
        try (Response answer = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path)
                .request().header("X-Api-Key", key).get()) {
            return answer.getStatus();
        }
    }

    private static void await(String what, java.util.concurrent.Callable<Boolean> done) throws Exception {
        long until = System.nanoTime() + 120_000_000_000L;
        while (!done.call()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(250);
        }
    }

    private static String hmac(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static void nightsDone() throws Exception {
        await("both stores' nights done", () -> {
            JsonNode nights = get(GROUP_KEY, "/nightly").get("nights");
            return nights.size() == 2 && nights.findValuesAsText("state").stream().allMatch("DONE"::equals);
        });
    }

    /**
     * Every GET endpoint, and every report (JSON and CSV), asked by S1's key with S2's ids in the path (S2's run, its
     * import, its customer, a tier-migration cell of S2's runs) and as lists: nothing of S2 is answered — its
     * customer's name never appears, and what is refused is refused as unknown (404) or forbidden (403).
     */
    @Test
    void aStoreKeyIsNeverAnsweredAnotherStoresData() throws Exception {
        nightsDone();
        long s2Run = -1;
        for (JsonNode run : get(GROUP_KEY, "/classification-runs")) {
            if (run.get("store").asText().equals("S2")) {
                s2Run = run.get("id").asLong();
            }
        }
        long s2Import = -1;
        for (JsonNode job : get(GROUP_KEY, "/imports")) {
            if (job.get("store").asText().equals("S2") && s2Import < 0) {
                s2Import = job.get("id").asLong();
            }
        }
        assertThat(s2Run).isPositive();
        assertThat(s2Import).isPositive();
        // the group key sees S2's customer in S2's run: the marker is there to be found
        assertThat(get(GROUP_KEY, "/call-lists?state=all&run=" + s2Run + "&dueBy=2099-12-31").toString()
                + get(GROUP_KEY, "/customers/S2-ONLY-1")).contains("二店独有");
        String today = LocalDate.now(ZONE).toString();
        String month = java.time.YearMonth.now(ZONE).toString();
        java.util.Map<String, String> values = java.util.Map.of("{id}", "S2-ONLY-1", "{fromRun}", "" + s2Run,
                "{toRun}", "" + s2Run, "{fromTier}", "NONE", "{toTier}", "NONE", "{report}", "stores/league");
        List<String> asked = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            java.util.regex.Matcher row = java.util.regex.Pattern
                    .compile("^\\| GET \\| `/api/v1([^`]+)` \\| ([A-Z, ]+) \\|$").matcher(line.strip());
            if (!row.matches() || !row.group(2).contains("ANALYST")) {
                continue;
            }
            String path = row.group(1);
            if (path.startsWith("/imports/{id}")) {
                path = path.replace("{id}", "" + s2Import);
            } else if (path.startsWith("/classification-runs/{id}")) {
                path = path.replace("{id}", "" + s2Run);
            }
            for (var value : values.entrySet()) {
                path = path.replace(value.getKey(), value.getValue());
            }
            path = path.replaceAll("\\{[^}]+}", "1"); // the group's endpoints (rules, versions): refused anyway
            asked.add(path);
            asked.add(path + (path.contains("?") ? "&" : "?") + "run=" + s2Run + "&q=S2-ONLY&asOf=" + today);
        }
        for (jipan.reports.ReportDefinition report : jipan.reports.ReportRegistry.ALL) {
            StringBuilder query = new StringBuilder();
            for (jipan.reports.ReportParameter parameter : report.parameters()) {
                String value = switch (parameter.kind()) {
                    case DATE -> parameter.name().equals("from") ? "2000-01-01" : today;
                    case MONTH -> month;
                    case RUN -> "" + s2Run;
                    case CHOICE -> parameter.defaultValue() == null ? parameter.choices().get(0)
                            : parameter.defaultValue();
                    case TEXT -> "";
                };
                query.append(query.length() == 0 ? "?" : "&").append(parameter.name()).append('=').append(value);
            }
            asked.add("/reports/" + report.path() + query);
            asked.add("/reports/" + report.path() + query + (query.length() == 0 ? "?" : "&") + "format=csv");
        }
        asked.add("/call-lists?state=all&dueBy=2099-12-31&run=" + s2Run + "&format=csv");
        asked.add("/call-lists/tier-migration/" + s2Run + "/" + s2Run + "/NONE/NONE?format=csv");
        assertThat(asked).hasSizeGreaterThan(60);
        for (String path : asked) {
            try (Response answer = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path)
                    .request().header("X-Api-Key", S1_KEY).get()) {
                String body = answer.readEntity(String.class);
                assertThat(answer.getStatus()).as(path + ": " + body).isIn(200, 400, 403, 404, 422);
                // (an id the caller sent may be echoed in a 404; S2's customer's name never is)
                assertThat(body).as(path).doesNotContain("二店独有");
            }
        }
        // writing is bounded too: S1's key cannot record an outcome on S2's customer, nor write into S2
        try (Response outcome = APP.client().target("http://localhost:" + APP.getLocalPort()
                        + "/api/v1/call-lists/outcomes").request().header("X-Api-Key", S1_KEY)
                .post(jakarta.ws.rs.client.Entity.json("{\"run\": " + s2Run + ", \"customerId\": \"S2-ONLY-1\", "
                        + "\"kind\": \"RETENTION_CALL\", \"subject\": \"S2-ONLY-1\", \"outcome\": \"DONE\"}"))) {
            assertThat(outcome.getStatus()).isIn(404, 422);
        }
        try (Response write = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/customers")
                .request().header("X-Api-Key", S1_KEY)
                .put(jakarta.ws.rs.client.Entity.json("[{\"id\": \"S2-ONLY-1\", \"name\": \"taken\"}]"))) {
            assertThat(write.getStatus()).isEqualTo(422);
            assertThat(write.readEntity(String.class)).contains("S2-ONLY-1 is a customer of store S2, not S1");
        }
        try (Response write = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/customers")
                .request().header("X-Api-Key", S1_KEY)
                .put(jakarta.ws.rs.client.Entity.json("[{\"id\": \"A9\", \"store\": \"S2\"}]"))) {
            assertThat(write.getStatus()).isEqualTo(403);
        }
        assertThat(get(GROUP_KEY, "/customers/S2-ONLY-1").get("name").asText()).isEqualTo("二店独有客户");
        // a car two stores service is each store's vehicle: S1's VIN sent for S2's customer is S2's own record of
        // it, and S1's customer keeps S1's (its model, its repair order), which S1's key still sees and S2's does not
        try (Response write = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/customers")
                .request().header("X-Api-Key", GROUP_KEY).put(jakarta.ws.rs.client.Entity.json(
                        "[{\"id\": \"S2-ONLY-1\", \"store\": \"S2\", \"name\": \"二店独有客户\", "
                                + "\"phone\": \"13800000001\", \"vehicles\": [{\"vin\": \"LSGPC54U8AF000A11\", "
                                + "\"model\": \"科鲁兹（二店）\"}]}]"))) {
            assertThat(write.getStatus()).as(write.readEntity(String.class)).isEqualTo(200);
        }
        assertThat(get(GROUP_KEY, "/customers/S2-ONLY-1").get("vehicles").get(0).get("model").asText())
                .isEqualTo("科鲁兹（二店）");
        JsonNode a1 = get(S1_KEY, "/customers/A1");
        assertThat(a1.get("vehicles").get(0).get("vin").asText()).isEqualTo("LSGPC54U8AF000A11");
        assertThat(a1.get("vehicles").get(0).get("model").asText()).isEqualTo("科鲁兹");
        assertThat(a1.get("visits")).hasSize(1);
        assertThat(get(S1_KEY, "/customers?q=LSGPC54U8AF000A11").findValuesAsText("id")).containsExactly("A1");
        assertThat(get(GROUP_KEY, "/customers?q=LSGPC54U8AF000A11").findValuesAsText("id"))
                .containsExactly("A1", "S2-ONLY-1");
    }

    private static JsonNode post(String key, String path, String body, int expected) throws IOException {
        try (Response answer = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path)
                .request().header("X-Api-Key", key).post(jakarta.ws.rs.client.Entity.json(body))) {
            String text = answer.readEntity(String.class);
            assertThat(answer.getStatus()).as(path + ": " + text).isEqualTo(expected);
            return TestRequests.JSON.readTree(text);
        }
    }

    /**
     * The analyst sets S1's own tier-A threshold through the settings form's endpoint: the change is the overrides
     * file, published through the gate with the group's rules; the form then shows S1's value beside the group's,
     * and S1's customer (one customer-pay visit) is tier A while the same history at S2 stays at the group's tier.
     */
    @Test
    void theAnalystSetsAStoresOwnThreshold() throws Exception {
        nightsDone();
        String asOf = LocalDate.now(ZONE).toString();
        String before = get(GROUP_KEY, "/customers/A1/classification?asOf=" + asOf).get("results").get(0)
                .get("tier").asText();
        assertThat(before).isNotEqualTo("A");
        try (Response bad = APP.client().target("http://localhost:" + APP.getLocalPort()
                        + "/api/v1/rules/settings/changes").request().header("X-Api-Key", GROUP_KEY)
                .post(jakarta.ws.rs.client.Entity.json("{\"changes\": [{\"file\": \"tiers.drl\", \"type\": "
                        + "\"TierSettings\", \"name\": \"minVisitsForA\", \"value\": \"1\", \"store\": \"S9\"}]}"))) {
            assertThat(bad.getStatus()).isEqualTo(422);
            assertThat(bad.readEntity(String.class)).contains("S9").contains("S1, S2");
        }
        JsonNode files = post(GROUP_KEY, "/rules/settings/changes", "{\"changes\": [{\"file\": \"tiers.drl\", "
                + "\"type\": \"TierSettings\", \"name\": \"minVisitsForA\", \"value\": \"1\", \"store\": \"S1\"}]}",
                200).get("files");
        assertThat(files.fieldNames()).toIterable().containsExactly("store-settings.properties");
        assertThat(files.get("store-settings.properties").asText()).contains("S1: TierSettings.minVisitsForA = 1");
        // A from one visit while C is still from one: two tiers at once for S1's customers — the gate, running every
        // fixture as S1's customers too, refuses it and names the store
        JsonNode refused = post(GROUP_KEY, "/rules/publish", "{\"files\": " + files + "}", 409);
        assertThat(refused.toString()).contains("store S1").contains("decided the tier");
        // consistent values for S1 (A from one visit, B from one: an empty range), set in the console's settings form
        org.openqa.selenium.chrome.ChromeDriver browser = jipan.ui.Browser.start();
        try {
            var wait = jipan.ui.Browser.waitOn(browser, 60);
            String home = "http://localhost:" + APP.getLocalPort() + "/";
            jipan.ui.Browser.signedOut(browser, home);
            jipan.ui.Browser.signIn(wait, GROUP_KEY);
            jipan.ui.Browser.visible(wait, "#who");
            // the data page shows both stores' nights; with S2 chosen in the top bar, S2's runs and nights only
            browser.get(home + "#/data");
            wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#nightly-nights tbody tr")).size() == 2);
            assertThat(jipan.ui.Browser.visible(wait, "#nightly-schedule").getText()).contains("* * * * *")
                    .contains("Asia/Shanghai");
            new org.openqa.selenium.support.ui.Select(jipan.ui.Browser.visible(wait, "#store-choice"))
                    .selectByValue("S2");
            wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector("#nightly-nights tbody tr")).size() == 1);
            assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("#run-history tbody tr")))
                    .hasSize(1).allSatisfy(row -> assertThat(row.getText()).contains("S2"));
            new org.openqa.selenium.support.ui.Select(jipan.ui.Browser.visible(wait, "#store-choice"))
                    .selectByValue("");
            browser.get(home + "#/rules");
            new org.openqa.selenium.support.ui.Select(jipan.ui.Browser.visible(wait, "#settings-store"))
                    .selectByValue("S1");
            for (String name : List.of("minVisitsForA", "minVisitsForB")) {
                var input = jipan.ui.Browser.visible(wait, "#setting-TierSettings-" + name);
                assertThat(input.getAttribute("value")).as("S1's value is the group's until set").isIn("4", "2");
                input.clear();
                input.sendKeys("1");
            }
            jipan.ui.Browser.visible(wait, "#publish-comment").sendKeys("惠城店A类门槛");
            jipan.ui.Browser.visible(wait, "#publish").click();
            wait.until(d -> d.findElement(org.openqa.selenium.By.id("publish-result")).isDisplayed());
            // the page drawn again shows S1's own values beside the group's
            assertThat(jipan.ui.Browser.visible(wait, "#stores-TierSettings-minVisitsForA").getText())
                    .isEqualTo("S1 = 1");
            Files.createDirectories(Path.of("target/console-screenshots"));
            Files.copy(browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                    Path.of("target/console-screenshots/store-settings.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.quit();
        }

        JsonNode setting = null;
        for (JsonNode one : get(GROUP_KEY, "/rules/settings")) {
            if (one.get("name").asText().equals("minVisitsForA")) {
                setting = one;
            }
        }
        assertThat(setting).isNotNull();
        assertThat(setting.get("value").asText()).isEqualTo("4");
        assertThat(setting.get("stores").get("S1").asText()).isEqualTo("1");
        assertThat(get(GROUP_KEY, "/customers/A1/classification?asOf=" + asOf).get("results").get(0).get("tier")
                .asText()).isEqualTo("A");
        // the store's manager sees the store's rules at work too, and cannot change them
        assertThat(get(S1_KEY, "/customers/A1/classification?asOf=" + asOf).get("results").get(0).get("tier")
                .asText()).isEqualTo("A");
        post(S1_KEY, "/rules/settings/changes", "{\"changes\": [{\"file\": \"tiers.drl\", \"type\": "
                + "\"TierSettings\", \"name\": \"minVisitsForA\", \"value\": \"2\", \"store\": \"S1\"}]}", 403);
        // an empty value takes the store back to the group's
        JsonNode back = post(GROUP_KEY, "/rules/settings/changes", "{\"changes\": [{\"file\": \"tiers.drl\", "
                + "\"type\": \"TierSettings\", \"name\": \"minVisitsForA\", \"value\": \"\", \"store\": \"S1\"}]}",
                200).get("files");
        assertThat(back.get("store-settings.properties").asText()).doesNotContain("minVisitsForA")
                .contains("S1: TierSettings.minVisitsForB = 1");

        // impact and backtest of one store: its customers only (S1 has two, the group four)
        JsonNode impact = post(GROUP_KEY, "/rules/impact", "{\"files\": " + back + ", \"asOf\": \"" + asOf
                + "\", \"store\": \"S1\"}", 200);
        assertThat(impact.get("customers").asInt()).isEqualTo(2);
        assertThat(impact.get("storedCustomers").asInt()).isEqualTo(2);
        // taking S1 back to the group's A threshold moves A1 from A back to the group's tier
        assertThat(impact.get("migrations").get("tier").toString()).contains("\"from\":\"A\"");
        assertThat(post(GROUP_KEY, "/rules/impact", "{\"files\": " + back + ", \"asOf\": \"" + asOf + "\"}", 200)
                .get("customers").asInt()).isEqualTo(4);
        JsonNode backtest = post(GROUP_KEY, "/rules/backtests", "{\"horizonMonths\": 1, \"store\": \"S1\"}", 200);
        assertThat(backtest.get("store").asText()).isEqualTo("S1");
        assertThat(backtest.get("result").get("customers").asInt()).isEqualTo(2);
        post(GROUP_KEY, "/rules/backtests", "{\"horizonMonths\": 1, \"store\": \"S9\"}", 422);
    }

    @Test
    void aGroupRunsANightByItselfAndEachStoreSeesItsOwn() throws Exception {
        nightsDone();
        LocalDate night = LocalDate.now(ZONE);
        JsonNode status = get(GROUP_KEY, "/nightly");
        assertThat(status.get("cron").asText()).isEqualTo("* * * * *");
        for (JsonNode one : status.get("nights")) {
            assertThat(LocalDate.parse(one.get("night").asText())).isBetween(night.minusDays(1), night);
            assertThat(one.get("runId").isNumber()).isTrue();
            assertThat(one.get("steps").toString()).contains("classification run");
        }
        // each file moved: the exports to done/, the stray file to failed/ with why; S1's id in S2's file rejected
        assertThat(Files.list(ROOT.resolve("S1")).filter(Files::isRegularFile)).isEmpty();
        assertThat(Files.list(ROOT.resolve("S1").resolve("done")).map(p -> p.getFileName().toString()))
                .hasSize(3).allMatch(name -> name.endsWith("_customers_nightly.csv")
                        || name.endsWith("_vehicles_nightly.csv") || name.endsWith("_repair-orders_nightly.csv"));
        assertThat(Files.list(ROOT.resolve("S2").resolve("failed")).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.endsWith("_notes.txt")).anyMatch(name -> name.endsWith("_notes.txt.reason.txt"));
        Path rejected = Files.list(ROOT.resolve("S2").resolve("done"))
                .filter(p -> p.getFileName().toString().endsWith("customers.rejected.csv")).findFirst().orElseThrow();
        assertThat(Files.readString(rejected)).contains("A2").contains("S1");
        // the steps read in Chinese when asked, as the console asks
        assertThat(get(GROUP_KEY, "/nightly?lang=zh").get("nights").get(0).get("steps").toString())
                .contains("分类运行").contains("跟进名单已生成");
        JsonNode s2 = get(GROUP_KEY, "/nightly?store=S2").get("nights").get(0);
        assertThat(s2.get("files").asInt()).isEqualTo(4);
        assertThat(s2.get("failedFiles").asInt()).isEqualTo(1);

        // one run per store, classified as of the night, each store's customers only
        JsonNode runs = get(GROUP_KEY, "/classification-runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.findValuesAsText("store")).containsExactlyInAnyOrder("S1", "S2");
        assertThat(runs.findValuesAsText("status")).containsOnly("DONE");
        // the call list of S1's night is there for the store manager: its latest run is S1's night's
        long s1Run = -1;
        for (JsonNode run : runs) {
            if (run.get("store").asText().equals("S1")) {
                s1Run = run.get("id").asLong();
            }
        }
        assertThat(get(S1_KEY, "/call-lists").get("runId").asLong()).isEqualTo(s1Run);
        assertThat(get(S1_KEY, "/call-lists?store=S1").get("runId").asLong()).isEqualTo(s1Run);

        // a signed run.finished for each store's run
        await("a run.finished for each store", () -> RECEIVED.size() >= 2);
        for (String[] message : RECEIVED) {
            assertThat(message[0]).isEqualTo("run.finished");
            assertThat(message[2]).isEqualTo(hmac(message[1], message[3]));
        }

        // the store manager's key sees S1 only: its runs, its customers, its nights; S2's are not there
        assertThat(get(S1_KEY, "/classification-runs").findValuesAsText("store")).containsOnly("S1");
        assertThat(status(S1_KEY, "/customers/S2-ONLY-1")).isEqualTo(404);
        assertThat(get(S1_KEY, "/customers/A1").get("store").asText()).isEqualTo("S1");
        assertThat(get(S1_KEY, "/customers?q=13800000001").findValuesAsText("id")).containsExactly("A1");
        assertThat(get(GROUP_KEY, "/customers?q=13800000001").findValuesAsText("id")).containsExactly("A1", "S2-ONLY-1");
        assertThat(get(S1_KEY, "/nightly").get("nights").findValuesAsText("store")).containsOnly("S1");
        assertThat(status(S1_KEY, "/nightly?store=S2")).isEqualTo(403);
        assertThat(status(S1_KEY, "/webhooks/deliveries")).isEqualTo(403);

        // the league table ranks both stores for the group, and only S1 for S1's manager
        String month = java.time.YearMonth.now(ZONE).toString();
        JsonNode league = get(GROUP_KEY, "/reports/stores/league?month=" + month);
        assertThat(league.findValuesAsText("store")).containsExactlyInAnyOrder("S1", "S2");
        assertThat(league.findValuesAsText("rank")).containsExactly("1", "2");
        assertThat(get(S1_KEY, "/reports/stores/league?month=" + month).findValuesAsText("store")).containsExactly("S1");

        // the group view: the same person (one phone) is A1 at S1 and S2-ONLY-1 at S2, and they last came to S1; A2's
        // car (one VIN) is S2-CAR's at S2, with another phone, and it last came to S2
        JsonNode shared = get(GROUP_KEY, "/reports/stores/shared");
        assertThat(shared).hasSize(2);
        assertThat(shared.get(0).get("store").asText()).isEqualTo("S1");
        assertThat(shared.get(0).get("otherStore").asText()).isEqualTo("S2");
        assertThat(shared.get(0).get("shared").asInt()).isEqualTo(2);
        assertThat(shared.get(0).get("customers").asInt()).isEqualTo(2);
        assertThat(shared.get(0).get("wentToOther").asInt()).isEqualTo(1);
        assertThat(shared.get(1).get("store").asText()).isEqualTo("S2");
        assertThat(shared.get(1).get("customers").asInt()).isEqualTo(2);
        assertThat(shared.get(1).get("shared").asInt()).isEqualTo(2);
        assertThat(shared.get(1).get("wentToOther").asInt()).isEqualTo(1);
        assertThat(status(S1_KEY, "/reports/stores/shared")).isEqualTo(403);
    }
}
