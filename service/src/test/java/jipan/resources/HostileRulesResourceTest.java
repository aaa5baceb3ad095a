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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jipan.ShippedRules;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.core.HostileCorpus;
import jipan.core.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hostile corpus through every endpoint that accepts rules, over real HTTP: validate, test and impact
 * answer 422, publish and reload 409, and afterwards nothing of any file has run and the service answers
 * exactly as before on the rules it had.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileRulesResourceTest {
    private static final Path RULES = ShippedRules.copy();
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("rules.directory", RULES.toString()),
            ConfigOverride.config("rules.fixtureGate", ShippedRules.copyFixtures().toString()),
            ConfigOverride.config("database.url", "jdbc:h2:mem:hostile-rules-test;DB_CLOSE_DELAY=-1"));


    private WebTarget api(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path);
    }

    private JsonNode classify() {
        return api("/classify").request().post(Entity.entity(TestRequests.json("spec-example.json"),
                MediaType.APPLICATION_JSON_TYPE), JsonNode.class);
    }

    private Response post(String path, ObjectNode body) {
        return api(path).request().post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    @Test
    void everyHostileFileIsRefusedByEveryEndpointAndNothingOfItRuns() throws Exception {
        HostileCorpus.remember();
        JsonNode before = classify();
        List<Path> corpus = HostileCorpus.files();
        List<String> shipped;
        try (Stream<Path> files = Files.list(RULES)) {
            shipped = files.map(file -> file.getFileName().toString()).filter(RuleFiles::isRuleFile).sorted().toList();
        }

        for (int i = 0; i < corpus.size(); i++) {
            Path file = corpus.get(i);
            String name = file.getFileName().toString();
            String text = Files.readString(file, StandardCharsets.UTF_8);
            ObjectNode body = TestRequests.JSON.createObjectNode();
            body.putObject("files").put(name, text);
            // the hostile file alone (a candidate is a change to the live rules): compiles fast, refused the same
            shipped.forEach(body.putArray("deleted")::add);
            ObjectNode impact = body.deepCopy().put("asOf", "2012-09-30");
            body.put("comment", "hostile");

            try (Response validate = post("/rules/validate", body)) {
                assertThat(validate.getStatus()).as("validate " + name).isEqualTo(422);
                assertThat(validate.readEntity(String.class)).as("validate " + name).contains(name + ":");
            }
            for (String endpoint : List.of("/rules/test", "/rules/impact")) {
                try (Response refused = post(endpoint, endpoint.endsWith("impact") ? impact : body)) {
                    assertThat(refused.getStatus()).as(endpoint + " " + name).isEqualTo(422);
                    assertThat(refused.readEntity(String.class)).as(endpoint + " " + name).contains(name + ":");
                }
            }
            try (Response publish = post("/rules/publish", body)) {
                assertThat(publish.getStatus()).as("publish " + name).isEqualTo(409);
            }
            if (i % 9 == 0) { // a reload compiles the whole directory: a sample keeps the test short
                Path dropped = RULES.resolve(name);
                Files.writeString(dropped, text);
                try (Response reload = api("/rules/reload").request().post(Entity.json("{}"))) {
                    assertThat(reload.getStatus()).as("reload " + name).isEqualTo(409);
                } finally {
                    Files.delete(dropped);
                }
            }
        }

        HostileCorpus.assertNothingRan();
        assertThat(classify()).isEqualTo(before);
    }
}
