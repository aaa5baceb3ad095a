package jipan.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.reports.ReportDefinition;
import jipan.reports.ReportParameter;
import jipan.reports.ReportRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real answers of the running service — classify, a stored customer and its classifications, every report, the
 * rule status and versions, a run, the imports — validate against the schemas the OpenAPI document gives them
 * (JSON Schema 2020-12, as OpenAPI 3.1 uses), and so do its error answers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiAnswersTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:openapi-answers;DB_CLOSE_DELAY=-1"));
    private static JsonNode document;
    private static long run;

    private static Invocation.Builder request(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path).request();
    }

    @BeforeAll
    static void storeAndRun() throws Exception {
        try (Response openapi = request("/api/v1/openapi.json").get()) {
            document = TestRequests.JSON.readTree(openapi.readEntity(String.class));
        }
        try (Response put = request("/api/v1/customers").put(Entity.json(TestRequests.json("../customers/two-customers.json")))) {
            assertThat(put.getStatus()).isEqualTo(200);
        }
        try (Response started = request("/api/v1/classification-runs").post(Entity.json("{\"asOf\": \"2012-09-30\"}"))) {
            assertThat(started.getStatus()).isEqualTo(202);
            run = TestRequests.JSON.readTree(started.readEntity(String.class)).get("id").asLong();
        }
        for (int i = 0; i < 300; i++) {
            try (Response status = request("/api/v1/classification-runs/" + run).get()) {
                if (TestRequests.JSON.readTree(status.readEntity(String.class)).get("status").asText().equals("DONE")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + run + " did not finish");
    }

    /** The schema the document gives the answer of {@code verb path} with {@code status} and {@code mediaType}. */
    private static JsonNode schema(String verb, String path, int status, String mediaType) {
        JsonNode schema = document.path("paths").path(path).path(verb).path("responses").path(String.valueOf(status))
                .path("content").path(mediaType).path("schema");
        assertThat(schema.isMissingNode()).as("a schema for " + verb + " " + path + " " + status).isFalse();
        ObjectNode root = ((ObjectNode) schema.deepCopy());
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", document.get("components")); // where "#/components/schemas/…" points
        return root;
    }

    private static List<String> problems(String verb, String template, String path, Response response) throws Exception {
        String body = response.readEntity(String.class);
        int status = response.getStatus();
        String mediaType = status >= 400 ? "application/problem+json" : "application/json";
        Set<ValidationMessage> messages = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(schema(verb, template, status, mediaType)).validate(TestRequests.JSON.readTree(body));
        return messages.stream().map(message -> verb.toUpperCase() + " " + path + " " + status + ": " + message)
                .collect(Collectors.toList());
    }

    private static List<String> get(String template, String path) throws Exception {
        try (Response response = request(path).get()) {
            assertThat(response.getStatus()).as(path).isLessThan(500);
            return problems("get", template, path, response);
        }
    }

    @Test
    void everyKindOfAnswerMatchesItsSchema() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Response classify = request("/api/v1/classify").post(Entity.json(OpenApiDocument.exampleRequest()))) {
            assertThat(classify.getStatus()).isEqualTo(200);
            problems.addAll(problems("post", "/api/v1/classify", "/api/v1/classify", classify));
        }
        problems.addAll(get("/api/v1/customers/{id}", "/api/v1/customers/K1"));
        problems.addAll(get("/api/v1/customers/{id}/classification", "/api/v1/customers/K1/classification?asOf=2012-09-30"));
        problems.addAll(get("/api/v1/customers/{id}/classifications", "/api/v1/customers/K1/classifications"));
        problems.addAll(get("/api/v1/classification-runs", "/api/v1/classification-runs"));
        problems.addAll(get("/api/v1/classification-runs/{id}", "/api/v1/classification-runs/" + run));
        problems.addAll(get("/api/v1/rules/status", "/api/v1/rules/status"));
        problems.addAll(get("/api/v1/rules/versions", "/api/v1/rules/versions"));
        problems.addAll(get("/api/v1/rules/versions/{seq}", "/api/v1/rules/versions/1"));
        problems.addAll(get("/api/v1/rules/activations", "/api/v1/rules/activations"));
        problems.addAll(get("/api/v1/imports", "/api/v1/imports"));
        problems.addAll(get("/api/v1/reports", "/api/v1/reports"));
        problems.addAll(get("/api/v1/call-lists", "/api/v1/call-lists"));
        problems.addAll(get("/api/v1/call-lists/tier-migration/{fromRun}/{toRun}/{fromTier}/{toTier}",
                "/api/v1/call-lists/tier-migration/" + run + "/" + run + "/C/C"));
        for (ReportDefinition report : ReportRegistry.ALL) {
            String query = report.parameters().stream().map(p -> p.name() + "=" + value(p))
                    .collect(Collectors.joining("&"));
            String path = "/api/v1/reports/" + report.path();
            try (Response response = request(path + "?" + query).get()) {
                assertThat(response.getStatus()).as(path + "?" + query).isEqualTo(200);
                problems.addAll(problems("get", path, path + "?" + query, response));
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String value(ReportParameter parameter) {
        return switch (parameter.kind()) {
            case DATE -> parameter.name().equals("from") ? "2011-10-01" : "2012-09-30";
            case MONTH -> "2012-09";
            case RUN -> String.valueOf(run);
            case CHOICE -> parameter.defaultValue();
            case TEXT -> "TOTAL";
        };
    }

    @Test
    void errorAnswersMatchTheProblemSchema() throws Exception {
        List<String> problems = new ArrayList<>();
        problems.addAll(get("/api/v1/customers/{id}", "/api/v1/customers/nobody"));
        problems.addAll(get("/api/v1/customers/{id}/classification", "/api/v1/customers/K1/classification"));
        try (Response bad = request("/api/v1/classify").post(Entity.json("{\"asOf\": \"2012-09-30\", \"customers\": [{}]}"))) {
            assertThat(bad.getStatus()).isEqualTo(422);
            problems.addAll(problems("post", "/api/v1/classify", "/api/v1/classify", bad));
        }
        try (Response bad = request("/api/v1/rules/validate").post(Entity.json("{\"files\": {\"x.drl\": \"rule\"}}"))) {
            assertThat(bad.getStatus()).isEqualTo(422);
            problems.addAll(problems("post", "/api/v1/rules/validate", "/api/v1/rules/validate", bad));
        }
        assertThat(problems).isEmpty();
    }
}
