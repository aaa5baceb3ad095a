package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jipan.ShippedRules;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rule set versions through real HTTP: a published edit is a new version, and rollback restores answers. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RuleVersionsResourceTest {
    private static final Path RULES = ShippedRules.copy();
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("rules.directory", RULES.toString()),
            ConfigOverride.config("rules.fixtureGate", ShippedRules.copyFixtures().toString()),
            ConfigOverride.config("database.url", "jdbc:h2:mem:rule-versions-test;DB_CLOSE_DELAY=-1"));


    private WebTarget api(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path);
    }

    private String classifiedWith() {
        return api("/classify").request().post(Entity.entity(TestRequests.json("spec-example.json"),
                MediaType.APPLICATION_JSON_TYPE), JsonNode.class).get("rulesetVersion").asText();
    }

    /** A change of one file: tier A from 3 customer-pay visits; every other file stays the live one. */
    private static ObjectNode tierAFrom3() throws IOException {
        ObjectNode body = TestRequests.JSON.createObjectNode();
        body.putObject("files").put("tiers.drl", Files.readString(Path.of("../rules/tiers.drl"))
                .replace("minVisitsForA : int = 4", "minVisitsForA : int = 3"));
        return body;
    }

    @Test
    void candidateRulesAreTestedAgainstTheFixturesAndPreviewedOnTheStoredCustomers() throws IOException {
        api("/customers").request().put(Entity.entity(TestRequests.json("three-customer-pay-visits.json"),
                MediaType.APPLICATION_JSON_TYPE)).close();

        JsonNode test = api("/rules/test").request().post(Entity.entity(tierAFrom3(),
                MediaType.APPLICATION_JSON_TYPE), JsonNode.class);
        assertThat(test.get("failed").asInt()).isEqualTo(1);
        assertThat(test.get("fixtures")).anySatisfy(fixture -> {
            assertThat(fixture.get("name").asText()).isEqualTo("tiers/customer-pay-visit-counts.yml");
            assertThat(fixture.get("differences").get(0).asText()).isEqualTo("THREE.tier: expected \"B\", got \"A\"");
        });

        ObjectNode preview = tierAFrom3().put("asOf", "2012-09-30");
        JsonNode impact = api("/rules/impact").request().post(Entity.entity(preview, MediaType.APPLICATION_JSON_TYPE),
                JsonNode.class);
        assertThat(impact.get("customers").asInt()).isEqualTo(impact.get("storedCustomers").asInt()).isPositive();
        // a change of tiers.drl moves tiers only: the other files are the live ones, so nothing moves to null
        assertThat(impact.get("migrations").get("churn")).allSatisfy(move ->
                assertThat(move.get("to").asText()).isEqualTo(move.get("from").asText()));
        assertThat(impact.get("migrations").get("tier")).allSatisfy(move -> assertThat(move.get("to").isNull()).isFalse());
        JsonNode tierB2A = impact.get("migrations").get("tier").get(0);
        assertThat(tierB2A.get("from").asText()).isEqualTo("B");
        assertThat(tierB2A.get("to").asText()).isEqualTo("A");
        assertThat(tierB2A.get("examples").get(0).asText()).isEqualTo("C3");

        ObjectNode broken = TestRequests.JSON.createObjectNode();
        broken.putObject("files").put("bad.drl", "package jipan.rules;\nimport jipan.core.facts.AsOf;\n"
                + "rule \"leave\" when AsOf() then\n    System.exit( 1 );\nend\n");
        Response refused = api("/rules/test").request().post(Entity.entity(broken, MediaType.APPLICATION_JSON_TYPE));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.readEntity(String.class)).contains("\"path\":\"bad.drl:4:12\"")
                .contains("in rule 'leave': rules may not reach the system");
    }

    @Test
    void aCandidateIsAChangeWithEveryBadFileNamedIn422() {
        ObjectNode bad = TestRequests.JSON.createObjectNode();
        bad.putObject("files").put("../kmodule.drl", "package jipan.rules;").put("ok.drl", "package jipan.rules;");
        bad.putArray("deleted").add("nope.drl").add("ok.drl");
        try (Response refused = api("/rules/validate").request().post(Entity.entity(bad, MediaType.APPLICATION_JSON_TYPE))) {
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.readEntity(String.class)).contains("{\"path\":\"files.../kmodule.drl\",\"message\":\"a rule file name is")
                    .contains("{\"path\":\"deleted\",\"message\":\"ok.drl is also in files\"}")
                    .doesNotContain("the live rule set has no file ok.drl");
        }
        ObjectNode unknown = TestRequests.JSON.createObjectNode();
        unknown.putArray("deleted").add("nope.drl");
        try (Response refused = api("/rules/publish").request().post(Entity.entity(unknown, MediaType.APPLICATION_JSON_TYPE))) {
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.readEntity(String.class)).contains("the live rule set has no file nope.drl");
        }
        ObjectNode nothing = TestRequests.JSON.createObjectNode();
        try (Response refused = api("/rules/test").request().post(Entity.entity(nothing, MediaType.APPLICATION_JSON_TYPE))) {
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(refused.readEntity(String.class)).contains("\"path\":\"files\",\"message\":\"required");
        }
    }

    @Test
    void aPublishedEditIsANewVersionAndRollbackRestoresTheEarlierAnswers() throws IOException {
        JsonNode versions = api("/rules/versions").request().get(JsonNode.class);
        assertThat(versions).hasSize(1);
        long first = versions.get(0).get("seq").asLong();
        String firstHash = versions.get(0).get("hash").asText();
        assertThat(versions.get(0).get("active").asBoolean()).isTrue();
        assertThat(classifiedWith()).isEqualTo(firstHash);

        Path tiers = RULES.resolve("tiers.drl");
        String original = Files.readString(tiers);
        Files.writeString(tiers, original + "\n// reviewed by the after-sales manager\n");
        Response reload = api("/rules/reload").request().post(Entity.json("{}"));
        assertThat(reload.getStatus()).isEqualTo(200);
        String secondHash = reload.readEntity(JsonNode.class).get("liveVersion").asText();
        assertThat(secondHash).isNotEqualTo(firstHash);
        assertThat(classifiedWith()).isEqualTo(secondHash);

        JsonNode all = api("/rules/versions").request().get(JsonNode.class);
        assertThat(all).hasSize(2);
        long second = all.get(0).get("seq").asLong();
        assertThat(all.get(0).get("active").asBoolean()).isTrue();
        assertThat(all.get(1).get("active").asBoolean()).isFalse();
        JsonNode diff = api("/rules/versions/" + first + "/diff/" + second).request().get(JsonNode.class);
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).get("file").asText()).isEqualTo("tiers.drl");
        assertThat(diff.get(0).get("lines").toString()).contains("+ // reviewed by the after-sales manager");

        Response rollback = api("/rules/versions/" + first + "/activate").request().post(Entity.json("{}"));

        assertThat(rollback.getStatus()).isEqualTo(200);
        assertThat(classifiedWith()).isEqualTo(firstHash);
        assertThat(Files.readString(tiers)).isEqualTo(original);
        assertThat(api("/rules/versions/" + first).request().get(JsonNode.class).get("files").get("tiers.drl").asText())
                .isEqualTo(original);
        assertThat(api("/rules/versions/999").request().get().getStatus()).isEqualTo(404);
    }
}
