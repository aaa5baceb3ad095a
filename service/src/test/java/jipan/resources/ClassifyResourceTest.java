package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.bench.SyntheticCustomers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The classify endpoint through real HTTP on a started service, with the rules of rules/. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClassifyResourceTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:classify-test;DB_CLOSE_DELAY=-1"));

    private Response post(Object body) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/classify")
                .request(MediaType.APPLICATION_JSON_TYPE)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void answersTheSpecExampleAsTheContractSpellsIt() {
        Response response = post(TestRequests.json("spec-example.json"));

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("asOf").asText()).isEqualTo("2012-09-30");
        assertThat(body.get("rulesetVersion").asText()).startsWith("sha256:");
        JsonNode result = body.get("results").get(0);
        assertThat(result.get("customerId").asText()).isEqualTo("C1");
        assertThat(result.get("tier").asText()).isEqualTo("C");
        assertThat(result.get("customerPayVisits12m").asInt()).isEqualTo(1);
        assertThat(result.get("lastVisit").asText()).isEqualTo("2012-01-05");
        assertThat(result.get("churn").asText()).isEqualTo("AT_RISK");
        assertThat(result.get("loyalty")).isEqualTo(TestRequests.JSON.createObjectNode().put("score", 2)
                .put("satisfaction", 2).put("maintenance", 0).put("activity", 0).put("advocacy", 0).put("level", "WEAK"));
        assertThat(result.get("baseGrade").asText()).isEqualTo("GENERAL");
        assertThat(result.get("vehicles").get(0).get("vin").asText()).isEqualTo("LSGPC54U8AF000001");
        assertThat(result.get("vehicles").get(0).get("lifecycle").asText()).isEqualTo("IN_WARRANTY");
        assertThat(result.get("leads")).isEmpty();
        assertThat(result.get("reasons")).anySatisfy(reason -> {
            assertThat(reason.get("rule").asText()).isEqualTo("Tier C: occasional customer-pay visitor");
            assertThat(reason.get("message").asText()).contains("1 customer-pay visit(s) in the 12 months to 2012-09-30");
        });
    }

    @Test
    void badInputIs422WithEveryProblemByJsonPath() {
        Response response = post(TestRequests.json("bad-input.json"));

        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode body = response.readEntity(JsonNode.class);
        assertThat(body.get("status").asInt()).isEqualTo(422);
        assertThat(body.get("errors")).extracting(e -> e.get("path").asText() + ": " + e.get("message").asText())
                .containsExactlyInAnyOrder(
                "customers[1].visits[0].amount: must not be negative (got -1)",
                "customers[1].visits[1].roNumber: duplicate roNumber 'RO1' (also at customers[0].visits[0].roNumber)",
                "customers[1].visits[1].vin: 'LSGPC54U8AF000009' is not one of this customer's vehicles",
                "customers[1].visits[1].date: must be a date YYYY-MM-DD between 1900-01-01 and 2100-12-31 (got '05/01/2012')",
                "customers[1].visits[1].payType: must be one of CUSTOMER_PAY, WARRANTY, INSURANCE, INTERNAL (got \"CASH\")",
                "customers[2].id: is required",
                "customers[3].id: duplicate customer id 'C1' (also at customers[0].id)");
    }

    @Test
    void malformedJsonIs400() {
        Response response = post("{\"asOf\": \"2012-09-30\", \"customers\": [");

        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void aBatchOfTenThousandCustomersIsClassifiedInRequestOrder() {
        ObjectNode request = SyntheticCustomers.request(LocalDate.of(2012, 9, 30), 10_000, 7L);

        Response response = post(request);

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode results = response.readEntity(JsonNode.class).get("results");
        assertThat(results).hasSize(10_000);
        assertThat(results.get(0).get("customerId").asText()).isEqualTo("C0");
        assertThat(results.get(9_999).get("customerId").asText()).isEqualTo("C9999");
        assertThat(results).allSatisfy(result -> assertThat(result.get("tier").isNull()).isFalse());
    }

    @Test
    void moreCustomersThanTheConfiguredMaximumIs413NamingTheLimit() {
        ObjectNode request = SyntheticCustomers.request(LocalDate.of(2012, 9, 30), 10_001, 7L);

        Response response = post(request);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.readEntity(JsonNode.class).get("detail").asText())
                .contains("at most 10000 customers (got 10001)");
    }

    @Test
    void rulesCanBeValidatedWithoutTouchingTheLiveOnesAndReloaded() {
        String base = "http://localhost:" + APP.getLocalPort() + "/api/v1/rules";
        JsonNode status = APP.client().target(base + "/status").request().get(JsonNode.class);
        String live = status.get("liveVersion").asText();
        ObjectNode candidate = TestRequests.JSON.createObjectNode();
        candidate.putObject("files").put("broken.drl", "package jipan.rules;\n\nrule \"half\"\nwhen\n    Visit(\nthen\nend\n");

        Response refused = APP.client().target(base + "/validate").request()
                .post(Entity.entity(candidate, MediaType.APPLICATION_JSON_TYPE));
        assertThat(refused.getStatus()).isEqualTo(422);
        JsonNode validation = refused.readEntity(JsonNode.class);

        assertThat(refused.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(validation.get("type").asText()).isEqualTo("urn:jipan:problem:rules-refused");
        assertThat(validation.get("errors").get(0).get("path").asText()).startsWith("broken.drl:");
        assertThat(validation.get("liveVersion").asText()).isEqualTo(live);

        Response reload = APP.client().target(base + "/reload").request().post(Entity.json("{}"));
        assertThat(reload.getStatus()).isEqualTo(200);
        assertThat(reload.readEntity(JsonNode.class).get("liveVersion").asText()).isEqualTo(live);
    }

    @Test
    void theAdminPortReportsTheCompiledRuleSet() {
        JsonNode health = APP.client().target("http://localhost:" + APP.getAdminPort() + "/healthcheck")
                .request().get(JsonNode.class);

        assertThat(health.get("rules").get("healthy").asBoolean()).isTrue();
        assertThat(health.get("rules").get("message").asText()).startsWith("rule set sha256:");
    }
}
