package jipan.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API keys and roles through real HTTP: 401 without a known key, 403 for the wrong role. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiKeyAuthTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config-keys.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:auth-test;DB_CLOSE_DELAY=-1"));

    private Invocation.Builder request(String path, String key) {
        Invocation.Builder builder = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path)
                .request();
        return key == null ? builder : builder.header("X-Api-Key", key);
    }

    private int classify(String key) {
        try (Response response = request("/classify", key).post(Entity.entity(TestRequests.json("spec-example.json"),
                MediaType.APPLICATION_JSON_TYPE))) {
            return response.getStatus();
        }
    }

    private int get(String path, String key) {
        try (Response response = request(path, key).get()) {
            return response.getStatus();
        }
    }

    @Test
    void eachRoleMayDoWhatItIsForAndNothingElse() {
        assertThat(classify(null)).isEqualTo(401);
        assertThat(classify("not-a-key")).isEqualTo(401);
        assertThat(classify("demo-integration")).isEqualTo(200);
        assertThat(classify("demo-analyst")).isEqualTo(200);
        assertThat(classify("demo-viewer")).isEqualTo(403);

        assertThat(get("/rules/status", "demo-integration")).isEqualTo(403);
        assertThat(get("/rules/status", "demo-analyst")).isEqualTo(200);
        assertThat(get("/reports/churn/monthly?month=2012-09", "demo-viewer")).isEqualTo(200);
        assertThat(get("/reports/churn/monthly?month=2012-09", "demo-integration")).isEqualTo(403);

        try (Response bearer = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/rules/status")
                .request().header("Authorization", "Bearer demo-analyst").get()) {
            assertThat(bearer.getStatus()).isEqualTo(200);
        }
        try (Response forbidden = request("/rules/status", "demo-viewer").get()) {
            assertThat(forbidden.readEntity(String.class)).contains("the VIEWER key 'test viewer' may not GET /api/v1/rules/status");
        }
    }
}
