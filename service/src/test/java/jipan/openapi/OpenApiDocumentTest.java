package jipan.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.reports.ReportDefinition;
import jipan.reports.ReportRegistry;
import jipan.resources.ResourceClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document: served without a key, valid, and listing every endpoint of the resources. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiDocumentTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-keys.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:openapi-test;DB_CLOSE_DELAY=-1"));

    private String url(String path) {
        return "http://localhost:" + APP.getLocalPort() + path;
    }

    @Test
    void swaggerUiServesItsPageAndOnlyItsOwnFiles() {
        try (Response page = APP.client().target(url("/api/docs")).request().get()) {
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getMediaType().toString()).startsWith("text/html");
            assertThat(page.readEntity(String.class)).contains("/api/v1/openapi.json", "swagger-ui-bundle.js");
        }
        try (Response bundle = APP.client().target(url("/api/docs/assets/swagger-ui-bundle.js")).request().get()) {
            assertThat(bundle.getStatus()).isEqualTo(200);
            assertThat(bundle.getMediaType().toString()).startsWith("application/javascript");
            assertThat(bundle.readEntity(byte[].class).length).isGreaterThan(100_000);
        }
        for (String other : List.of("index.html", "swagger-initializer.js", "..%2F..%2Fpom.properties", "nope.js")) {
            try (Response refused = APP.client().target(url("/api/docs/assets/" + other)).request().get()) {
                assertThat(refused.getStatus()).as(other).isIn(400, 404); // 400: the web server refuses encoded slashes
            }
        }
    }

    @Test
    void theDocumentIsPublicValidAndListsEveryEndpoint() throws Exception {
        String json;
        try (Response response = APP.client().target(url("/api/v1/openapi.json")).request().get()) {
            assertThat(response.getStatus()).as("no API key needed").isEqualTo(200);
            json = response.readEntity(String.class);
        }
        try (Response yaml = APP.client().target(url("/api/v1/openapi.yaml")).request().get()) {
            assertThat(yaml.getStatus()).isEqualTo(200);
            assertThat(yaml.readEntity(String.class)).contains("openapi: 3.1");
        }
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");

        JsonNode document = TestRequests.JSON.readTree(json);
        assertThat(document.at("/components/securitySchemes/apiKey/name").asText()).isEqualTo("X-Api-Key");
        List<String> missing = new ArrayList<>();
        int endpoints = 0;
        for (Method method : ResourceClasses.methods()) {
            String verb = ResourceClasses.verb(method).toLowerCase(Locale.ROOT);
            String path = ResourceClasses.path(method);
            // one method serves every report of the registry: the document lists each by its own path
            List<String> paths = path.endsWith("{report: .+}") ? ReportRegistry.ALL.stream()
                    .map(report -> "/api/v1/reports/" + report.path()).toList() : List.of(path);
            for (String each : paths) {
                endpoints++;
                if (document.path("paths").path(each).path(verb).isMissingNode()) {
                    missing.add(verb.toUpperCase(Locale.ROOT) + " " + each);
                }
            }
        }
        assertThat(endpoints).isGreaterThan(30);
        assertThat(missing).as("endpoints missing from the document").isEmpty();
        assertThat(document.path("paths").has("/api/v1/openapi.{type}")).as("the document itself is hidden").isFalse();
        // a field that may be missing says so; a record's primitive field (always a value) does not
        JsonNode loyalty = document.at("/components/schemas/LoyaltyResult/properties");
        assertThat(loyalty.path("score").path("type").toString()).isEqualTo("\"integer\"");
        assertThat(loyalty.path("level").toString()).contains("null");
        JsonNode result = document.at("/components/schemas/CustomerResult/properties");
        assertThat(result.path("customerPayVisits12m").path("type").toString()).as("an Integer").contains("null");
        // every format a report is served in (ReportResource takes json, csv and xlsx)
        for (ReportDefinition report : ReportRegistry.ALL) {
            List<String> formats = new ArrayList<>();
            for (JsonNode parameter : document.path("paths").path("/api/v1/reports/" + report.path()).path("get")
                    .path("parameters")) {
                if (parameter.path("name").asText().equals("format")) {
                    parameter.path("schema").path("enum").forEach(value -> formats.add(value.asText()));
                }
            }
            assertThat(formats).as(report.name()).containsExactly("json", "csv", "xlsx");
        }
    }
}
