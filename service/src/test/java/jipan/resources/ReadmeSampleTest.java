package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's sample answer of {@code POST /api/v1/classify} is what the service answers to the README's own
 * command: the first {@code curl … --data @FILE …/api/v1/classify} of the README is found, that file is posted, and
 * every value the README shows must be in the answer (a {@code …} stands for what it leaves out).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReadmeSampleTest {
    private static final Pattern CLASSIFY_COMMAND = Pattern.compile("curl [^\n]*--data @(\\S+)[^\n]*/api/v1/classify\\b");

    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:readme-sample;DB_CLOSE_DELAY=-1"));

    @Test
    void theReadmeShowsWhatTheServiceAnswersToTheReadmesCommand() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher command = CLASSIFY_COMMAND.matcher(readme);
        assertThat(command.find()).as("the README shows a curl command that posts a file to /api/v1/classify").isTrue();
        Path posted = Path.of("..").resolve(command.group(1));
        assertThat(posted).as("the file the README's command posts").isRegularFile();

        int section = readme.indexOf("## The classifier");
        int start = readme.indexOf("```json", section) + "```json".length();
        String sample = readme.substring(start, readme.indexOf("```", start))
                .replace("\"sha256:…\"", "\"…\"").replaceAll(",\\s*…\\s*]", "]");
        JsonNode expected = TestRequests.JSON.readTree(sample);
        JsonNode actual;
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/classify")
                .request().post(Entity.json(Files.readString(posted)))) {
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
