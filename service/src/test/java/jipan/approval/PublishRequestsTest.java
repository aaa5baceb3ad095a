package jipan.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jipan.ShippedRules;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.core.RuleFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Four eyes through real HTTP, with {@code rules.approval: required}: a change waits for another person, who sees its
 * evidence and decides; the author's own keys, and roles that may not decide, are refused; two approvals race and one
 * wins; a request made before the live rules moved must be brought up to date; an emergency rollback goes without
 * approval and says why.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PublishRequestsTest {
    private static final Path RULES = ShippedRules.copy();
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-approval.yml"),
            ConfigOverride.config("rules.directory", RULES.toString()),
            ConfigOverride.config("rules.fixtureGate", ShippedRules.copyFixtures().toString()),
            ConfigOverride.config("database.url", "jdbc:h2:mem:publish-requests-test;DB_CLOSE_DELAY=-1"));
    static final String LILEI = "lilei-key";
    static final String LILEI_LAPTOP = "lilei-laptop";
    static final String HANMEIMEI = "hanmeimei-key";
    static final String WANGFANG = "wangfang-key";

    @BeforeAll
    static void customers() {
        call("PUT", "/customers", "integration-key", TestRequests.json("three-customer-pay-visits.json")).close();
    }

    static Response call(String verb, String path, String key, Object body) {
        var request = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path).request()
                .header("X-Api-Key", key);
        return body == null ? request.method(verb) : request.method(verb, Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    static JsonNode json(Response response, int status) {
        try (response) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(status);
            return TestRequests.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A change of one rule file that passes the fixtures: a note appended. */
    static ObjectNode noted(String file, String note) throws IOException {
        ObjectNode body = TestRequests.JSON.createObjectNode();
        body.putObject("files").put(file, Files.readString(RULES.resolve(file)) + "\n// " + note + "\n");
        body.put("comment", note);
        return body;
    }

    private static String live() {
        return json(call("GET", "/rules/status", WANGFANG, null), 200).get("liveVersion").asText();
    }

    @Test
    void aChangeWaitsForASecondPersonWhoSeesItsEvidenceAndApprovesIt() throws Exception {
        String before = live();
        JsonNode made = json(call("POST", "/rules/publish", LILEI, noted("tiers.drl", "reviewed by the book")), 202);

        assertThat(made.get("state").asText()).isEqualTo("pending");
        assertThat(made.get("author").asText()).isEqualTo("lilei");
        assertThat(made.get("base").asText()).isEqualTo(before);
        assertThat(made.get("changedFiles")).extracting(JsonNode::asText).containsExactly("tiers.drl");
        JsonNode evidence = made.get("evidence");
        assertThat(evidence.get("fixtures").get("failed").asInt()).isZero();
        assertThat(evidence.get("fixtures").get("passed").asInt()).isPositive();
        assertThat(evidence.get("coveragePercent").asInt()).isEqualTo(100);
        assertThat(evidence.get("impact").get("customers").asInt())
                .isEqualTo(evidence.get("impact").get("storedCustomers").asInt()).isPositive();
        assertThat(evidence.has("backtest") || evidence.has("backtestUnavailable")).isTrue();
        assertThat(made.get("diff")).singleElement().satisfies(file -> {
            assertThat(file.get("file").asText()).isEqualTo("tiers.drl");
            assertThat(file.get("lines")).extracting(JsonNode::asText).contains("+ // reviewed by the book");
        });
        assertThat(live()).as("nothing is live before approval").isEqualTo(before);
        JsonNode status = json(call("GET", "/rules/status", HANMEIMEI, null), 200);
        assertThat(status.get("approval").asText()).isEqualTo("required");
        assertThat(status.get("pendingRequests").asInt()).isPositive();
        long id = made.get("id").asLong();

        JsonNode own = json(call("POST", "/rules/requests/" + id + "/approve", LILEI_LAPTOP, "{}"), 403);
        assertThat(own.get("detail").asText()).contains("you made publish request " + id);
        assertThat(json(call("GET", "/rules/requests/" + id, LILEI, null), 200).get("mayDecide").asBoolean()).isFalse();
        for (String key : List.of("viewer-key", "service-key", "integration-key")) {
            assertThat(call("POST", "/rules/requests/" + id + "/approve", key, "{}").getStatus()).as(key).isEqualTo(403);
        }
        assertThat(json(call("GET", "/labels", WANGFANG, null), 200).toString()).as("the console's labels for approvers")
                .contains("流失预警");
        JsonNode seen = json(call("GET", "/rules/requests/" + id, WANGFANG, null), 200);
        assertThat(seen.get("mayDecide").asBoolean()).isTrue();
        assertThat(seen.get("mayWithdraw").asBoolean()).isFalse();

        JsonNode approved = json(call("POST", "/rules/requests/" + id + "/approve", WANGFANG,
                "{\"comment\": \"看过影响：无客户变化\"}"), 200);

        assertThat(approved.get("state").asText()).isEqualTo("live");
        assertThat(approved.get("decidedBy").asText()).isEqualTo("wangfang");
        assertThat(approved.get("version").asLong()).isPositive();
        assertThat(live()).isEqualTo(made.get("candidate").asText()).isEqualTo(RuleFiles.readDirectory(RULES).version());
        assertThat(approved.get("history")).extracting(step -> step.get("how").asText())
                .containsExactly("request_made", "request_approved", "approved");
        JsonNode log = json(call("GET", "/rules/activations", WANGFANG, null), 200);
        assertThat(log.get(0).get("how").asText()).isEqualTo("approved");
        assertThat(log.get(0).get("request").asLong()).isEqualTo(id);
        assertThat(log.get(0).get("author").asText()).isEqualTo("lilei");
        assertThat(log.get(0).get("comment").asText()).contains("approved by wangfang");
        json(call("POST", "/rules/requests/" + id + "/approve", HANMEIMEI, "{}"), 409);
    }

    @Test
    void twoApprovalsRaceAndOneWins() throws Exception {
        long id = json(call("POST", "/rules/requests", LILEI, noted("grade.drl", "race")), 201).get("id").asLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String key : List.of(HANMEIMEI, WANGFANG)) {
                Callable<Integer> approve = () -> {
                    start.await();
                    try (Response response = call("POST", "/rules/requests/" + id + "/approve", key, "{}")) {
                        return response.getStatus();
                    }
                };
                answers.add(pool.submit(approve));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        JsonNode request = json(call("GET", "/rules/requests/" + id, LILEI, null), 200);
        assertThat(request.get("state").asText()).isEqualTo("live");
        assertThat(request.get("history")).filteredOn(step -> step.get("how").asText().equals("approved")).hasSize(1);
    }

    @Test
    void aRequestMadeBeforeTheLiveRulesMovedMustBeBroughtUpToDateByItsAuthor() throws Exception {
        long first = json(call("POST", "/rules/requests", LILEI, noted("churn.drl", "first")), 201).get("id").asLong();
        long second = json(call("POST", "/rules/requests", HANMEIMEI, noted("lifecycle.drl", "second")), 201)
                .get("id").asLong();
        json(call("POST", "/rules/requests/" + second + "/approve", WANGFANG, "{}"), 200);

        JsonNode stale = json(call("GET", "/rules/requests/" + first, WANGFANG, null), 200);
        assertThat(stale.get("upToDate").asBoolean()).isFalse();
        assertThat(stale.get("mayDecide").asBoolean()).isFalse();
        JsonNode refused = json(call("POST", "/rules/requests/" + first + "/approve", WANGFANG, "{}"), 409);
        assertThat(refused.get("detail").asText()).contains("the live rules changed since request " + first)
                .contains("bring it up to date");
        json(call("POST", "/rules/requests/" + first + "/update", HANMEIMEI, null), 403);

        JsonNode updated = json(call("POST", "/rules/requests/" + first + "/update", LILEI_LAPTOP, null), 200);

        assertThat(updated.get("upToDate").asBoolean()).isTrue();
        assertThat(updated.get("base").asText()).isEqualTo(live());
        json(call("POST", "/rules/requests/" + first + "/approve", WANGFANG, "{}"), 200);
        String rules = Files.readString(RULES.resolve("churn.drl")) + Files.readString(RULES.resolve("lifecycle.drl"));
        assertThat(rules).as("both changes are live").contains("// first").contains("// second");
        assertThat(json(call("GET", "/rules/requests/" + first, LILEI, null), 200).get("history"))
                .extracting(step -> step.get("how").asText()).contains("request_updated");
    }

    @Test
    void rejectingNeedsAReasonAndOnlyTheAuthorWithdraws() throws Exception {
        long rejected = json(call("POST", "/rules/requests", HANMEIMEI, noted("defeat.drl", "reject me")), 201)
                .get("id").asLong();
        JsonNode noReason = json(call("POST", "/rules/requests/" + rejected + "/reject", LILEI, "{}"), 422);
        assertThat(noReason.get("detail").asText()).startsWith("comment: required to reject");
        JsonNode done = json(call("POST", "/rules/requests/" + rejected + "/reject", LILEI,
                "{\"comment\": \"阈值依据不足\"}"), 200);
        assertThat(done.get("state").asText()).isEqualTo("rejected");
        assertThat(done.get("decisionComment").asText()).isEqualTo("阈值依据不足");
        json(call("POST", "/rules/requests/" + rejected + "/approve", WANGFANG, "{}"), 409);

        // the same change again (compiled once): this request is withdrawn
        long withdrawn = json(call("POST", "/rules/requests", HANMEIMEI, noted("defeat.drl", "reject me")), 201)
                .get("id").asLong();
        json(call("POST", "/rules/requests/" + withdrawn + "/withdraw", LILEI, null), 403);
        assertThat(json(call("POST", "/rules/requests/" + withdrawn + "/withdraw", HANMEIMEI, null), 200)
                .get("state").asText()).isEqualTo("withdrawn");
        assertThat(json(call("GET", "/rules/requests?state=withdrawn", WANGFANG, null), 200))
                .extracting(r -> r.get("id").asLong()).contains(withdrawn);
        json(call("GET", "/rules/requests?state=maybe", WANGFANG, null), 422);
        json(call("GET", "/rules/requests/999999", WANGFANG, null), 404);
        JsonNode nothing = json(call("POST", "/rules/requests", HANMEIMEI, "{\"files\": {\"tiers.drl\": "
                + TestRequests.JSON.writeValueAsString(Files.readString(RULES.resolve("tiers.drl"))) + "}}"), 409);
        assertThat(nothing.get("detail").asText()).contains("there is nothing to approve");
        JsonNode failing = json(call("POST", "/rules/requests", HANMEIMEI, "{\"files\": {\"tiers.drl\": "
                + TestRequests.JSON.writeValueAsString(Files.readString(RULES.resolve("tiers.drl"))
                .replace("minVisitsForA : int = 4", "minVisitsForA : int = 3")) + "}}"), 409);
        assertThat(failing.get("detail").asText()).contains("fixture tiers/customer-pay-visit-counts.yml fails");
    }

    @Test
    void directPathsAreRefusedAndAnEmergencyRollbackGoesWithoutApprovalWithItsReason() throws Exception {
        Path window = RULES.resolve("window.drl");
        String saved = Files.readString(window);
        Files.writeString(window, saved + "\n// edited on the server\n");
        JsonNode reload = json(call("POST", "/rules/reload", LILEI, null), 409);
        assertThat(reload.get("detail").asText() + reload.get("errors")).contains("rules.approval is required");
        Files.writeString(window, saved);
        long made = json(call("POST", "/rules/requests", LILEI, noted("followups.drl", "to roll back")), 201)
                .get("id").asLong();
        json(call("POST", "/rules/requests/" + made + "/approve", HANMEIMEI, "{}"), 200);
        JsonNode versions = json(call("GET", "/rules/versions", WANGFANG, null), 200);
        long oldest = versions.get(versions.size() - 1).get("seq").asLong();
        String live = live();

        JsonNode asked = json(call("POST", "/rules/versions/" + oldest + "/activate", HANMEIMEI,
                "{\"reason\": \"back to the shipped rules\"}"), 202);
        assertThat(asked.get("state").asText()).isEqualTo("pending");
        assertThat(asked.get("comment").asText()).startsWith("roll back to version " + oldest);
        assertThat(live()).isEqualTo(live);
        JsonNode noReason = json(call("POST", "/rules/versions/" + oldest + "/activate", WANGFANG,
                "{\"emergency\": true}"), 422);
        assertThat(noReason.get("errors").get(0).get("path").asText()).isEqualTo("reason");

        JsonNode emergency = json(call("POST", "/rules/versions/" + oldest + "/activate", WANGFANG,
                "{\"emergency\": true, \"reason\": \"门店投诉：A 类客户大量降级\"}"), 200);

        assertThat(emergency.get("accepted").asBoolean()).isTrue();
        JsonNode log = json(call("GET", "/rules/activations", LILEI, null), 200).get(0);
        assertThat(log.get("how").asText()).isEqualTo("emergency_rollback");
        assertThat(log.get("author").asText()).isEqualTo("wangfang");
        assertThat(log.get("comment").asText()).contains("门店投诉：A 类客户大量降级");
        json(call("POST", "/rules/requests/" + asked.get("id").asLong() + "/withdraw", HANMEIMEI, null), 200);
    }
}
