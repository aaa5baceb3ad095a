package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import jipan.TestRequests;
import jipan.openapi.OpenApiDocumentAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's sample answer of {@code POST /api/v1/classify} is what the service answers to the contract's
 * example request: every value the README shows (a {@code …} stands for what it leaves out).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReadmeSampleTest {
    private static final DropwizardAppExtension<JipanConfiguration> APP = new DropwizardAppExtension<>(
            JipanApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:readme-sample;DB_CLOSE_DELAY=-1"));

    @Test
    void theReadmeShowsWhatTheServiceAnswers() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int section = readme.indexOf("## The classifier");
        int start = readme.indexOf("```json", section) + "```json".length();
        String sample = readme.substring(start, readme.indexOf("```", start))
                .replace("\"sha256:…\"", "\"…\"").replaceAll(",\\s*…\\s*]", "]");
        JsonNode expected = TestRequests.JSON.readTree(sample);
        JsonNode actual;
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/classify")
                .request().post(Entity.json(OpenApiDocumentAccess.exampleRequest()))) {
            assertThat(response.getStatus()).isEqualTo(200);
            actual = TestRequests.JSON.readTree(response.readEntity(String.class));
        }
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, differences);
        assertThat(differences).as("the service answers %s", actual).isEmpty();
    }

    /** Objects: the README's keys; arrays: the README's elements, from the first; "…": anything. */
    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isTextual() && expected.asText().equals("…")) {
            return;
        }
        if (actual == null) {
            differences.add(path + ": the service gives no such field");
        } else if (expected.isObject()) {
            expected.fields().forEachRemaining(f -> compare(path + "." + f.getKey(), f.getValue(), actual.get(f.getKey()),
                    differences));
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
            }
        } else if (expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) != 0 : !expected.equals(actual)) {
            differences.add(path + ": the README shows " + expected + ", the service answers " + actual);
        }
    }
}
