package jipan.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.core.CustomerUpsert;
import jipan.core.scenarios.DemoDealership;
import jipan.db.CustomerStore;
import jipan.db.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The issue's loop on a small demo store over HTTP: an analyst changes the AT_RISK threshold and backtests it beside
 * the live rules, the call lists hold a share of each task kind out, and the recapture report compares the listed
 * customers with the held-out ones.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceLoopTest {
    private static final String DB = "jdbc:h2:mem:evidence-loop;DB_CLOSE_DELAY=-1";
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", DB), ConfigOverride.config("callLists.holdoutPercent", "40"),
            // a publish writes the rules directory and may write the fixtures: copies, not the project's own
            ConfigOverride.config("rules.directory", jipan.ShippedRules.copy().toString()),
            ConfigOverride.config("rules.fixtureGate", jipan.ShippedRules.copyFixtures().toString()));
    private static final int CUSTOMERS = 1_200;

    private static Response call(String method, String path, Object body) {
        var request = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path).request();
        return body == null ? request.method(method) : request.method(method, Entity.json(body));
    }

    private static JsonNode ok(String method, String path, Object body) throws Exception {
        try (Response response = call(method, path, body)) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(method + " " + path + ": " + text).isEqualTo(200);
            return TestRequests.JSON.readTree(text);
        }
    }

    @BeforeAll
    static void demoStore() {
        try (Database database = Database.open(APP.getConfiguration().getDatabase())) {
            CustomerStore store = new CustomerStore(database.jdbi());
            // the staff worked the call list of 2011-09-30, with the service's holdout
            DemoDealership dealership = new DemoDealership(2012L, LocalDate.of(2012, 9, 30),
                    APP.getConfiguration().getCallLists().holdout());
            List<CustomerUpsert> batch = new ArrayList<>();
            for (int i = 1; i <= CUSTOMERS; i++) {
                batch.add(CustomerUpsert.complete(dealership.customer(i)));
                if (batch.size() == 500 || i == CUSTOMERS) {
                    store.upsert(batch);
                    batch.clear();
                }
            }
        }
    }

    /** The shipped churn rules with AT_RISK from {@code months} without a visit instead of six. */
    private static Map<String, String> activeWithin(int months) throws Exception {
        return Map.of("churn.drl", Files.readString(Path.of("../rules/churn.drl"))
                .replace("activeWithinMonths : int = 6", "activeWithinMonths : int = " + months));
    }

    @Test
    @Order(1)
    void aBacktestScoresTheLiveRulesAndACandidateSideBySide() throws Exception {
        JsonNode report = ok("POST", "/rules/backtests", Map.of("files", activeWithin(4), "horizonMonths", 6));

        JsonNode result = report.get("result");
        assertThat(result.get("customers").asInt()).isEqualTo(CUSTOMERS);
        assertThat(result.get("asOf").asText()).as("the latest repair order less six months")
                .isEqualTo(LocalDate.parse(result.get("horizonEnd").asText()).minusMonths(6).toString());
        assertThat(report.get("candidateVersion").asText()).isNotEqualTo(report.get("liveVersion").asText());
        JsonNode live = result.get("live").get("willNotComeBack");
        JsonNode candidate = result.get("candidate").get("willNotComeBack");
        assertThat(candidate.get("predicted").asInt()).as("four months flags more customers than six")
                .isGreaterThan(live.get("predicted").asInt());
        assertThat(candidate.get("recall").decimalValue()).isGreaterThanOrEqualTo(live.get("recall").decimalValue());
        assertThat(live.get("lift").decimalValue()).as("AT_RISK and LOST customers come back less often than the rest")
                .isGreaterThan(java.math.BigDecimal.ONE);
        assertThat(result.get("changed").asInt()).isPositive();
        assertThat(result.get("moves").get(0).get("from").asText() + "→" + result.get("moves").get(0).get("to").asText())
                .isEqualTo("ACTIVE→AT_RISK");
        assertThat(result.get("examples").size()).isPositive();

        JsonNode again = ok("GET", "/rules/backtests/" + report.get("id").asLong(), null);
        assertThat(again.get("result")).isEqualTo(result);
        JsonNode list = ok("GET", "/rules/backtests", null);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(report.get("id").asLong());
        assertThat(list.get(0).get("result").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void aBacktestWhoseHorizonHasNotPassedIsRefusedNamingTheLatestData() throws Exception {
        try (Response response = call("POST", "/rules/backtests", Map.of("asOf", "2012-06-30"))) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(400);
            assertThat(text).contains("asOf: 2012-06-30 with a horizon of 6 months ends 2012-12-30, after the latest "
                    + "data (the latest repair order is of 2012-09-");
        }
        try (Response response = call("POST", "/rules/backtests", Map.of("horizonMonths", 25))) {
            assertThat(response.getStatus()).isEqualTo(422);
        }
        try (Response response = call("GET", "/rules/backtests/99999", null)) {
            assertThat(response.getStatus()).isEqualTo(404);
        }
    }

    /** Runs a classification as of {@code asOf} and waits for it to finish. */
    private static long run(String asOf) throws Exception {
        long run;
        try (Response started = call("POST", "/classification-runs", Map.of("asOf", asOf))) {
            assertThat(started.getStatus()).isEqualTo(202);
            run = TestRequests.JSON.readTree(started.readEntity(String.class)).get("id").asLong();
        }
        for (int i = 0; i < 600; i++) {
            if (ok("GET", "/classification-runs/" + run, null).get("status").asText().equals("DONE")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + run + " did not finish");
    }

    @Test
    @Order(3)
    void theCallListHoldsAShareOfEachKindOutAndTheRecaptureReportMeasuresTheListsEffect() throws Exception {
        long run = run("2011-09-30");

        JsonNode lines = ok("GET", "/reports/recapture/holdout?run=" + run, null);
        JsonNode retention = null;
        for (JsonNode line : lines) {
            if (line.get("kind").asText().equals("RETENTION_CALL")) {
                retention = line;
            }
            int all = line.get("listed").asInt() + line.get("heldOut").asInt();
            if (all >= 50) {
                assertThat(line.get("heldOut").asDouble() / all).as(line.get("kind").asText() + ": about 40 % held out")
                        .isBetween(0.25, 0.55);
            }
        }
        assertThat(retention).isNotNull();
        assertThat(retention.get("horizonEnd").asText()).isEqualTo("2012-03-30");
        assertThat(retention.get("observedUntil").asText()).isEqualTo("2012-03-30");
        assertThat(retention.get("listedShare").decimalValue()).as("the demo's calls bring some customers back")
                .isGreaterThan(retention.get("heldOutShare").decimalValue());
        assertThat(retention.get("difference").decimalValue()).isEqualByComparingTo(
                retention.get("listedShare").decimalValue().subtract(retention.get("heldOutShare").decimalValue()));
        assertThat(retention.get("differenceLow").decimalValue()).isLessThan(retention.get("difference").decimalValue());
        assertThat(retention.get("differenceHigh").decimalValue())
                .isGreaterThan(retention.get("difference").decimalValue());

        JsonNode list = ok("GET", "/call-lists?run=" + run + "&kind=RETENTION_CALL&size=1000", null);
        assertThat(list.get("total").asInt()).as("only the listed customers are on the call list")
                .isEqualTo(retention.get("listed").asInt());
        try (Response csv = APP.client().target("http://localhost:" + APP.getLocalPort()
                + "/api/v1/reports/recapture/holdout?run=" + run + "&format=csv&lang=zh").request().get()) {
            assertThat(csv.readEntity(String.class)).contains("对照组回厂率", "差值95%置信下限", "挽留回访");
        }
    }

    @Test
    @Order(4)
    void theLatestBacktestsReturnRatesStandBesideTheAnswersAndOrderTheCallList() throws Exception {
        long backtest = ok("GET", "/rules/backtests", null).get(0).get("id").asLong();
        JsonNode list = ok("GET", "/call-lists?kind=RETENTION_CALL&order=observed&size=1000", null);
        assertThat(list.get("observedFrom").get("backtestId").asLong()).isEqualTo(backtest);
        java.math.BigDecimal previous = java.math.BigDecimal.ZERO;
        for (JsonNode item : list.get("items")) {
            java.math.BigDecimal rate = item.get("observedReturnRate").decimalValue();
            assertThat(rate).as("lowest first").isGreaterThanOrEqualTo(previous);
            previous = rate;
        }
        JsonNode first = list.get("items").get(0);

        JsonNode zh = ok("GET", "/customers/" + first.get("customerId").asText() + "/classification?asOf="
                + list.get("asOf").asText() + "&lang=zh", null).get("results").get(0).get("observed");
        assertThat(zh.get("share").decimalValue()).isEqualByComparingTo(first.get("observedReturnRate").decimalValue());
        assertThat(zh.get("backtestId").asLong()).isEqualTo(backtest);
        assertThat(zh.get("text").asText()).startsWith("同类客户（").contains("个月内回厂率", "回测 #" + backtest);
        JsonNode en = ok("GET", "/customers/" + first.get("customerId").asText() + "/classification?asOf="
                + list.get("asOf").asText(), null).get("results").get(0).get("observed");
        assertThat(en.get("text").asText()).startsWith("Customers like this (").contains("came back within 6 months");
        for (JsonNode task : ok("GET", "/customers/" + first.get("customerId").asText() + "/classification?asOf="
                + list.get("asOf").asText(), null).get("results").get(0).get("followUps")) {
            assertThat(task.has("heldOut")).as("a listed customer's task").isFalse();
        }
        String heldOut;
        try (Database database = Database.open(APP.getConfiguration().getDatabase())) {
            heldOut = database.jdbi().withHandle(handle -> handle.createQuery("SELECT MIN(customer_id) FROM follow_up "
                    + "WHERE run_id = :run AND kind = 'RETENTION_CALL' AND held_out").bind("run",
                    list.get("runId").asLong()).mapTo(String.class).one());
        }
        JsonNode heldOutTasks = ok("GET", "/customers/" + heldOut + "/classification?asOf=" + list.get("asOf").asText(),
                null).get("results").get(0).get("followUps");
        assertThat(heldOutTasks).filteredOn(task -> task.get("kind").asText().equals("RETENTION_CALL"))
                .singleElement().satisfies(task -> assertThat(task.get("heldOut").asBoolean()).isTrue());
        try (Response bad = call("GET", "/call-lists?order=sideways", null)) {
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(bad.readEntity(String.class)).contains("order");
        }
        JsonNode classify = ok("POST", "/classify", TestRequests.json("three-customer-pay-visits.json"));
        assertThat(classify.get("results").get(0).has("observed")).as("the stateless answer has none").isFalse();
    }

    @Test
    @Order(5)
    void aChallengerIsClassifiedBesideEveryRunStoredApartAndBacktestedBesideTheLiveRules() throws Exception {
        try (Response none = call("GET", "/rules/challenger", null)) {
            assertThat(none.getStatus()).isEqualTo(404);
        }
        long first = ok("GET", "/rules/versions", null).get(0).get("seq").asLong();
        ok("POST", "/rules/publish", Map.of("files", Map.of("tiers.drl", Files.readString(Path.of("../rules/tiers.drl"))
                + "\n// a note\n"), "comment", "a note"));
        try (Response unknown = call("PUT", "/rules/challenger", Map.of("seq", 999))) {
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(unknown.readEntity(String.class)).contains("no stored rule version 999");
        }
        JsonNode named = ok("PUT", "/rules/challenger", Map.of("seq", first));
        assertThat(named.get("seq").asLong()).isEqualTo(first);
        assertThat(ok("GET", "/rules/challenger", null).get("version").asText()).isEqualTo(named.get("version").asText());

        long run = run("2012-03-31");
        JsonNode lines = ok("GET", "/reports/challenger?run=" + run, null);
        int tiers = 0;
        for (JsonNode line : lines) {
            assertThat(line.get("challengerVersion").asText()).isEqualTo(named.get("version").asText());
            assertThat(line.get("moved").asBoolean()).as("the challenger differs by a comment only").isFalse();
            tiers += line.get("output").asText().equals("TIER") ? line.get("customers").asInt() : 0;
        }
        assertThat(tiers).isEqualTo(CUSTOMERS);
        try (Response csv = APP.client().target("http://localhost:" + APP.getLocalPort()
                + "/api/v1/reports/challenger?run=" + run + "&format=csv&lang=zh").request().get()) {
            assertThat(csv.readEntity(String.class)).contains("挑战者结果", "售后等级", "流失预警");
        }
        JsonNode backtest = ok("POST", "/rules/backtests", Map.of("challenger", true, "sample", 300));
        assertThat(backtest.get("candidateVersion").asText()).isEqualTo(named.get("version").asText());
        assertThat(backtest.get("result").get("changed").asInt()).isZero();
        try (Response both = call("POST", "/rules/backtests", Map.of("challenger", true, "files", activeWithin(4)))) {
            assertThat(both.getStatus()).isEqualTo(422);
        }

        try (Response cleared = call("DELETE", "/rules/challenger", null)) {
            assertThat(cleared.getStatus()).isEqualTo(204);
        }
        long withoutChallenger = ok("GET", "/reports/recapture/holdout?horizonMonths=6", null).get(0).get("runId")
                .asLong(); // the run of 2011-09-30, before a challenger was named
        assertThat(withoutChallenger).isNotEqualTo(run);
        assertThat(ok("GET", "/reports/challenger?run=" + withoutChallenger, null)).as("a run without a challenger")
                .isEmpty();
        try (Response noChallenger = call("POST", "/rules/backtests", Map.of("challenger", true))) {
            assertThat(noChallenger.getStatus()).isEqualTo(400);
        }
    }
}
