package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.List;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import jipan.TestRequests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A service manager's call list over HTTP: JSON pages, a CSV for Excel with Chinese headers, checked filters. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CallListResourceTest {
    private static final DropwizardAppExtension<JipanConfiguration> APP = new DropwizardAppExtension<>(
            JipanApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:call-lists;DB_CLOSE_DELAY=-1"));

    private static Response call(String method, String path, Object body) {
        var request = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path).request();
        return body == null ? request.method(method) : request.method(method, Entity.json(body));
    }

    @BeforeAll
    static void storeAndRun() throws Exception {
        try (Response put = call("PUT", "/customers", TestRequests.json("../call-lists/customers.json"))) {
            assertThat(put.getStatus()).isEqualTo(200);
        }
        long run;
        try (Response started = call("POST", "/classification-runs", "{\"asOf\": \"2012-09-30\"}")) {
            run = TestRequests.JSON.readTree(started.readEntity(String.class)).get("id").asLong();
        }
        for (int i = 0; i < 300; i++) {
            try (Response status = call("GET", "/classification-runs/" + run, null)) {
                if (TestRequests.JSON.readTree(status.readEntity(String.class)).get("status").asText().equals("DONE")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish");
    }

    @Test
    void todaysRetentionCallsWithNamesPhonesAndReasonsAsJsonAndForExcel() throws Exception {
        try (Response json = call("GET", "/call-lists?kind=RETENTION_CALL&dueBy=2012-09-30", null)) {
            assertThat(json.getStatus()).isEqualTo(200);
            JsonNode list = TestRequests.JSON.readTree(json.readEntity(String.class));
            assertThat(list.get("total").asInt()).isEqualTo(1);
            assertThat(list.at("/items/0/name").asText()).isEqualTo("张先生");
            assertThat(list.at("/items/0/phone").asText()).isEqualTo("13900000001");
            assertThat(list.at("/items/0/reason").asText()).contains("AT_RISK");
        }
        try (Response csv = call("GET", "/call-lists?format=csv&lang=zh", null)) {
            assertThat(csv.getStatus()).isEqualTo(200);
            assertThat(csv.getHeaderString("Content-Disposition")).matches("attachment; filename=\"call-list_\\d+\\.csv\"");
            List<String> lines = csv.readEntity(String.class).lines().toList();
            assertThat(lines.get(0)).startsWith("\uFEFF客户编号,姓名,电话,任务,对象,车型,优先级,截止日期,负责人,原因");
            assertThat(lines).hasSize(3);
            // a name that starts like a formula stays text in Excel
            assertThat(lines.get(2)).startsWith("K-NEW-CAR,\"'=HYPERLINK(\"\"x\"\")\",13900000002,FIRST_MAINTENANCE_REMINDER");
        }
    }

    @Test
    void badFiltersAre400NamingThem() throws Exception {
        for (String[] bad : new String[][] {
            {"/call-lists?kind=CALL_EVERYONE", "kind: must be one of RETENTION_CALL"},
            {"/call-lists?assignee=boss", "assignee: must be one of SERVICE_ADVISOR, SALES, MANAGER"},
            {"/call-lists?dueBy=tomorrow", "dueBy: must be a date"},
            {"/call-lists?size=0", "size"},
            {"/call-lists?run=99999", "no classification run 99999"},
        }) {
            try (Response response = call("GET", bad[0], null)) {
                assertThat(response.getStatus()).as(bad[0]).isIn(400, 404);
                assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
                assertThat(response.readEntity(String.class)).as(bad[0]).contains(bad[1]);
            }
        }
    }
}
