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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Typed request bodies: Jackson binds them, Bean Validation checks them, and every refusal is a problem that
 * names the field — 400 when the body or a parameter cannot be read, 422 when a readable body is wrong.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class TypedBodiesTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:typed-bodies;DB_CLOSE_DELAY=-1"));

    private JsonNode post(String path, String body, int status) throws Exception {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path)
                .request().post(Entity.json(body))) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(status);
            assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
            return TestRequests.JSON.readTree(text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // path | body | status | the error's path | words of its message
        "/rules/impact | {\"files\": {}, \"sample\": 5} | 422 | asOf | is required",
        "/rules/impact | {\"files\": {}, \"asOf\": \"2012-09-30\", \"sample\": 0} | 422 | sample | must be greater than or equal to 1",
        "/rules/impact | {\"asOf\": \"30.09.2012\"} | 400 | asOf | must be a date YYYY-MM-DD between 1900-01-01 and 2100-12-31 (got '30.09.2012')",
        "/rules/impact | {\"asOf\": \"2200-01-01\"} | 400 | asOf | (got '2200-01-01')",
        "/rules/validate | {\"files\": 5} | 400 | files | cannot be read as the type it must be at line 1, column 11",
        "/rules/validate | {\"file\": {}} | 400 | file | is not a field of this body",
        "/rules/validate | {\"deleted\": [[1]]} | 400 | deleted[0] | cannot be read",
        "/rules/publish | {\"files\": {\"a.drl\": \"x\"}, \"comment\": \"" + "%s" + "\"} | 422 | comment | size must be between 0 and 1000",
        "/rules/test | {} | 422 | files | required (the files to add or change)",
        "/classification-runs | {} | 422 | asOf | is required",
        "/classification-runs | {\"asOf\": 20120930} | 400 | asOf | (got '20120930')",
    })
    void refusalsNameTheField(String path, String body, int status, String field, String words) throws Exception {
        JsonNode problem = post(path, body.formatted("x".repeat(1001)), status);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errors")).as(problem.toString()).anySatisfy(error -> {
            assertThat(error.get("path").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).contains(words);
        });
    }

    @Test
    void aMissingBodyIsRequired() throws Exception {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/rules/validate")
                .request().post(Entity.entity("", "application/json"))) {
            JsonNode problem = TestRequests.JSON.readTree(response.readEntity(String.class));
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(problem.at("/errors/0/path").asText()).isEqualTo("body");
            assertThat(problem.at("/errors/0/message").asText()).isEqualTo("is required (a JSON object)");
        }
    }

    @Test
    void aMissingQueryDateIsA400NamingIt() throws Exception {
        try (Response response = APP.client().target("http://localhost:" + APP.getLocalPort()
                + "/api/v1/customers/K1/classification").request().get()) {
            JsonNode problem = TestRequests.JSON.readTree(response.readEntity(String.class));
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(problem.at("/errors/0/path").asText()).isEqualTo("asOf");
            assertThat(problem.at("/errors/0/message").asText()).isEqualTo("is required");
        }
    }
}
