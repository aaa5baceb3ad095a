package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The settings form's two calls: the live thresholds, and the files a change of them makes (nothing goes live). */
@ExtendWith(DropwizardExtensionsSupport.class)
class RuleSettingsResourceTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:rule-settings;DB_CLOSE_DELAY=-1"));

    private static Response call(String path, String body) {
        var request = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/rules" + path).request();
        return body == null ? request.get() : request.post(Entity.json(body));
    }

    @Test
    void theFormReadsTheThresholdsAndAChangeMakesCandidateFilesOnly() throws Exception {
        JsonNode settings;
        try (Response response = call("/settings", null)) {
            settings = TestRequests.JSON.readTree(response.readEntity(String.class));
        }
        assertThat(settings).anySatisfy(s -> {
            assertThat(s.get("name").asText()).isEqualTo("minVisitsForA");
            assertThat(s.get("value").asText()).isEqualTo("4");
            assertThat(s.get("comment").asText()).contains("customer-pay visits");
        });
        String live;
        try (Response status = call("/status", null)) {
            live = TestRequests.JSON.readTree(status.readEntity(String.class)).get("liveVersion").asText();
        }
        try (Response changed = call("/settings/changes", "{\"changes\": [{\"file\": \"tiers.drl\", \"type\": "
                + "\"TierSettings\", \"name\": \"minVisitsForA\", \"value\": \"3\"}]}")) {
            assertThat(changed.getStatus()).isEqualTo(200);
            JsonNode files = TestRequests.JSON.readTree(changed.readEntity(String.class)).get("files");
            assertThat(files.fieldNames()).toIterable().containsExactly("tiers.drl");
            assertThat(files.get("tiers.drl").asText()).contains("minVisitsForA : int = 3");
        }
        try (Response status = call("/status", null)) {
            assertThat(TestRequests.JSON.readTree(status.readEntity(String.class)).get("liveVersion").asText())
                    .as("nothing went live").isEqualTo(live);
        }
        try (Response bad = call("/settings/changes", "{\"changes\": [{\"file\": \"tiers.drl\", \"type\": "
                + "\"TierSettings\", \"name\": \"minVisitsForA\", \"value\": \"three\"}]}")) {
            assertThat(bad.getStatus()).isEqualTo(422);
            JsonNode problem = TestRequests.JSON.readTree(bad.readEntity(String.class));
            assertThat(problem.at("/errors/0/path").asText()).isEqualTo("tiers.drl:TierSettings.minVisitsForA");
            assertThat(problem.at("/errors/0/message").asText()).isEqualTo("must be a whole number (got 'three')");
        }
        try (Response none = call("/settings/changes", "{\"changes\": []}")) {
            assertThat(none.getStatus()).isEqualTo(422);
        }
    }
}
