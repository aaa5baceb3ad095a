package jipan.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jipan.TestApp;
import jipan.TestRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin port's Prometheus text: the service's metrics, counting what the service did. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusEndpointTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:prometheus-test;DB_CLOSE_DELAY=-1"));

    private static String scrape() {
        try (Response response = APP.client().target("http://localhost:" + APP.getAdminPort() + "/prometheus")
                .request().get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("text/plain");
            return response.readEntity(String.class);
        }
    }

    private static double value(String text, String metric) {
        Matcher line = Pattern.compile("(?m)^" + metric + " (\\S+)$").matcher(text);
        assertThat(line.find()).as(metric + " in\n" + text.lines().limit(40).toList()).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static Response post(String path, Object body) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path).request()
                .post(Entity.json(body));
    }

    @Test
    void classifyingReportingAndRefusingRulesAreCounted() throws Exception {
        String before = scrape();
        double customers = value(before, "jipan_classify_customers_total");
        double refusals = value(before, "jipan_rules_refusals_total");
        try (Response classify = post("/classify", TestRequests.json("three-customer-pay-visits.json"))) {
            assertThat(classify.getStatus()).isEqualTo(200);
        }
        try (Response publish = post("/rules/publish", "{\"files\": {\"broken.drl\": \"package jipan.rules; rule\"}}")) {
            assertThat(publish.getStatus()).isEqualTo(409);
        }
        try (Response report = APP.client().target("http://localhost:" + APP.getLocalPort()
                + "/api/v1/reports/growth?from=2011-10-01&to=2012-09-30").request().get()) {
            assertThat(report.getStatus()).isEqualTo(200);
        }
        String after = scrape();
        assertThat(value(after, "jipan_classify_customers_total")).isGreaterThan(customers);
        assertThat(value(after, "jipan_rules_refusals_total")).isEqualTo(refusals + 1);
        assertThat(value(after, "jipan_reports_growth_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "jipan_rules_requests_pending")).as("no publish request made").isZero();
        assertThat(after).contains("jipan_runs_duration", "jipan_imports_duration", "jipan_rules_activations_total",
                "jipan_imports_rows_rejected_total");
    }
}
