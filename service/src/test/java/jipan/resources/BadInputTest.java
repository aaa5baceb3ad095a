package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input that once got past the checks: a rule file or fixture whose text is null (was 500), query parameters
 * given with an empty value (were taken as absent), and a key sent in the query string (was written to the request
 * log as it came).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputTest {
    private static final Path REQUEST_LOG = Path.of("target/bad-input-request.log");
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-request-log.yml"));

    private Response post(String path, String body) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path).request()
                .post(Entity.json(body));
    }

    private Response get(String pathAndQuery) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + pathAndQuery).request().get();
    }

    private static List<String> errors(Response response) {
        JsonNode body = response.readEntity(JsonNode.class);
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(error.path("path").asText() + ": " + error.path("message").asText()));
        return errors;
    }

    @Test
    void aRuleFileOrFixtureWithoutTextIsRefusedNamingIt() {
        for (String endpoint : List.of("/rules/validate", "/rules/test", "/rules/impact", "/rules/publish")) {
            String asOf = endpoint.endsWith("impact") ? ", \"asOf\": \"2012-09-30\"" : "";
            try (Response refused = post(endpoint, "{\"files\": {\"tiers.drl\": null}" + asOf + "}")) {
                assertThat(refused.getStatus()).as(endpoint).isEqualTo(422);
                assertThat(errors(refused)).as(endpoint).singleElement().asString()
                        .startsWith("files.tiers.drl: is required");
            }
            try (Response refused = post(endpoint, "{\"deleted\": [null]" + asOf + "}")) {
                assertThat(refused.getStatus()).as(endpoint).isEqualTo(422);
                assertThat(errors(refused)).as(endpoint).singleElement().asString()
                        .startsWith("deleted: a file name is required");
            }
        }
        try (Response refused = post("/rules/test", "{\"files\": {\"new.drl\": \"package jipan.rules;\"}, "
                + "\"fixtures\": {\"tiers/new.yml\": null}}")) {
            assertThat(refused.getStatus()).isEqualTo(422);
            assertThat(errors(refused)).singleElement().asString().startsWith("fixtures.tiers/new.yml: is required");
        }
    }

    @Test
    void anEmptyQueryParameterIsRefusedNamingItOnEveryEndpoint() {
        try (Response refused = get("/reports/structure?from=2011-10-01&to=2012-09-30&by=")) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(errors(refused)).containsExactly("by: is empty; leave the parameter out to use its default");
        }
        try (Response refused = get("/reports/tier-migration?from=&to=")) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(errors(refused)).containsExactly("from: is empty; leave the parameter out to use its default",
                    "to: is empty; leave the parameter out to use its default");
        }
        for (String query : List.of("/call-lists?kind=", "/customers?q=", "/reports/churn/monthly?month=2012-09&lang=",
                "/reports/churn/monthly?month=2012-09&format=", "/customers/C1/classification?asOf=")) {
            try (Response refused = get(query)) {
                assertThat(refused.getStatus()).as(query).isEqualTo(400);
                assertThat(errors(refused)).as(query).singleElement().asString().contains(": is empty;");
            }
        }
        try (Response left = get("/reports/structure?from=2011-10-01&to=2012-09-30")) {
            assertThat(left.getStatus()).as("the parameter left out: its default").isEqualTo(200);
        }
    }

    @Test
    void secretLookingQueryParametersAreMaskedInTheRequestLog() throws Exception {
        try (Response answer = get("/reports/growth?from=2011-10-01&to=2012-09-30&api_key=demo-analyst-SECRET"
                + "&Token=t0k3n-SECRET&X-Api-Key=k-SECRET")) {
            assertThat(answer.getStatus()).isEqualTo(400); // not parameters of the report: named, not echoed whole
        }
        String line = null;
        for (int wait = 0; wait < 100 && line == null; wait++) {
            if (Files.exists(REQUEST_LOG)) {
                line = Files.readAllLines(REQUEST_LOG, StandardCharsets.UTF_8).stream()
                        .filter(l -> l.contains("/reports/growth")).findFirst().orElse(null);
            }
            if (line == null) {
                Thread.sleep(100);
            }
        }
        assertThat(line).as("the request is in the log").isNotNull()
                .contains("from=2011-10-01&to=2012-09-30&api_key=***&Token=***&X-Api-Key=***")
                .doesNotContain("SECRET");
    }
}
