package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import jipan.TestApp;
import jipan.TestRequests;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stored-data endpoints through real HTTP, on the embedded H2 store. */
@ExtendWith(DropwizardExtensionsSupport.class)
class CustomerResourceTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:customer-resource-test;DB_CLOSE_DELAY=-1"));

    private WebTarget api(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path);
    }

    private Response put(JsonNode body) {
        return buffered(api("/customers").request().put(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE)));
    }

    private Response get(String path) {
        return buffered(api(path).request().get());
    }

    /** Reads the whole answer, so its connection goes back to the client's pool at once. */
    private static Response buffered(Response response) {
        response.bufferEntity();
        return response;
    }

    @Test
    void storedFactsClassifyExactlyAsPostingThemToClassify() {
        assertThat(put(TestRequests.json("../customers/two-customers.json")).readEntity(JsonNode.class)
                .get("upserted").asInt()).isEqualTo(2);
        assertThat(put(TestRequests.json("../customers/two-customers.json")).getStatus()).isEqualTo(200);

        JsonNode stored = api("/customers/K1").request().get(JsonNode.class);
        assertThat(stored.get("id").asText()).isEqualTo("K1");
        assertThat(stored.get("region").asText()).isEqualTo("惠城区");
        assertThat(stored.get("visits")).hasSize(2);
        assertThat(stored.get("leads").get(0).get("defeatReason").asText()).isEqualTo("PRICE");

        JsonNode fromStore = api("/customers/K1/classification").queryParam("asOf", "2012-09-30").request()
                .get(JsonNode.class);
        ObjectNode request = TestRequests.JSON.createObjectNode().put("asOf", "2012-09-30");
        request.putArray("customers").add(stored);
        JsonNode posted = api("/classify").request().post(Entity.entity(request, MediaType.APPLICATION_JSON_TYPE),
                JsonNode.class);
        assertThat(fromStore).isEqualTo(posted);
        assertThat(fromStore.get("results").get(0).get("leads").get(0).get("category").asText()).isEqualTo("PRICE");
    }

    @Test
    void aBadBatchIs422ByJsonPathAndStoresNothing() {
        ObjectNode batch = (ObjectNode) TestRequests.json("../customers/two-customers.json").deepCopy();
        ((ObjectNode) batch.get("customers").get(1)).putArray("visits").addObject().put("roNumber", "X1")
                .put("vin", "LVIN0000000000K21").put("date", "2012-02-30").put("payType", "CUSTOMER_PAY");
        ((ObjectNode) batch.get("customers").get(0)).put("id", "BAD1");

        Response response = put(batch);

        assertThat(response.getStatus()).isEqualTo(422);
        JsonNode firstError = response.readEntity(JsonNode.class).get("errors").get(0);
        assertThat(firstError.get("path").asText() + ": " + firstError.get("message").asText())
                .isEqualTo("customers[1].visits[0].date: must be a date YYYY-MM-DD between 1900-01-01 and 2100-12-31 "
                        + "(got '2012-02-30')");
        assertThat(get("/customers/BAD1").getStatus()).isEqualTo(404);
    }

    @Test
    void unknownCustomersAre404AndBadDates400() {
        assertThat(get("/customers/nobody").getStatus()).isEqualTo(404);
        assertThat(get("/customers/nobody/classification?asOf=2012-09-30").getStatus()).isEqualTo(404);
        Response noDate = get("/customers/K1/classification");
        assertThat(noDate.getStatus()).isEqualTo(400);
        assertThat(noDate.readEntity(String.class)).contains("asOf: is required");
        put(TestRequests.json("../customers/two-customers.json"));
        Response badDate = get("/customers/K1/classification?asOf=30.09.2012");
        assertThat(badDate.getStatus()).isEqualTo(400);
        assertThat(badDate.readEntity(String.class)).contains("asOf: must be a date YYYY-MM-DD between 1900-01-01 and 2100-12-31 (got '30.09.2012')");
    }

    /** The report of the import a 202 answer started, once it has ended. */
    private JsonNode await(Response started) throws InterruptedException {
        assertThat(started.getStatus()).isEqualTo(202);
        long id = started.readEntity(JsonNode.class).get("id").asLong();
        JsonNode job = api("/imports/" + id).request().get(JsonNode.class);
        for (int i = 0; i < 100 && !job.get("report").get("status").asText().matches("DONE|FAILED"); i++) {
            Thread.sleep(100);
            job = api("/imports/" + id).request().get(JsonNode.class);
        }
        return job.get("report");
    }

    @Test
    void aCsvUploadIsImportedInTheBackgroundWithARowLevelReport() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("src/test/resources/imports/customers-utf8-bom.csv"));

        JsonNode report = await(buffered(api("/imports").queryParam("kind", "customers").request()
                .post(Entity.entity(csv, "text/csv"))));
        long id = api("/imports").request().get(JsonNode.class).get(0).get("id").asLong();
        assertThat(report.get("status").asText()).isEqualTo("DONE");
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(report.get("errors").get(0).get("column").asText()).isEqualTo("出生年份");
        assertThat(get("/customers/D2").getStatus()).isEqualTo(200);
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("format").asText()).isEqualTo("csv");
        // the rejected rows as a CSV to fix: the header, each row as read, a reason column
        Response rejected = get("/imports/" + id + "/rejected");
        assertThat(rejected.getStatus()).isEqualTo(200);
        assertThat(rejected.getMediaType().toString()).startsWith("text/csv");
        assertThat(rejected.getHeaderString("Content-Disposition")).contains("filename*=UTF-8''upload.rejected.csv");
        assertThat(rejected.readEntity(String.class)).startsWith("\uFEFF客户编号,客户名称,电话,区域,行业,出生年份,客户类型,错误原因 Reason\r\n"
                + "D3,李女士,13800000003,惠城区,教育,19x0,个人,\"第 4 行，出生年份: 不是整数：'19x0'（原文：line 4, 出生年份: not a "
                + "whole number: '19x0'）\"\r\n");

        // an xlsx export with title lines: imported from its first sheet; its rejected rows come back as xlsx
        byte[] vehicles = Files.readAllBytes(Path.of("src/test/resources/imports/vehicles-gbk.csv"));
        await(buffered(api("/imports").queryParam("kind", "vehicles").request().post(Entity.entity(vehicles, "text/csv"))));
        byte[] xlsx = Files.readAllBytes(Path.of("src/test/resources/imports/repair-orders-dms.xlsx"));
        JsonNode workbook = await(buffered(api("/imports").queryParam("kind", "repair-orders").queryParam("name", "工单.xlsx")
                .request().post(Entity.entity(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))));
        assertThat(workbook.get("format").asText()).isEqualTo("xlsx");
        assertThat(workbook.get("titleRows").asInt()).isEqualTo(2);
        assertThat(workbook.get("errors").get(0).get("cell").asText()).isEqualTo("维修工单!C7");
        long xlsxJob = api("/imports").request().get(JsonNode.class).get(0).get("id").asLong();
        Response rejectedXlsx = get("/imports/" + xlsxJob + "/rejected");
        assertThat(rejectedXlsx.getMediaType().toString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (Workbook rows = WorkbookFactory.create(
                new ByteArrayInputStream(rejectedXlsx.readEntity(byte[].class)))) {
            assertThat(rows.getSheetAt(0).getLastRowNum()).isEqualTo(2);
        }
        assertThat(get("/imports/" + xlsxJob + "/rejected").getStatus()).isEqualTo(200);
        assertThat(get("/imports/999999/rejected").getStatus()).isEqualTo(404);

        Response badKind = buffered(api("/imports").queryParam("kind", "cars").request()
                .post(Entity.entity(csv, "text/csv")));
        assertThat(badKind.getStatus()).isEqualTo(400);
        assertThat(badKind.readEntity(String.class)).contains("kind must be one of customers, vehicles, repair-orders, leads");
    }

    @Test
    void reportsAnswerJsonOrCsvWithBomAndNameBadParameters() {
        put(TestRequests.json("../customers/two-customers.json"));

        JsonNode churn = api("/reports/churn/monthly").queryParam("month", "2012-07").request().get(JsonNode.class);
        assertThat(churn.get("month").asText()).isEqualTo("2012-07");
        assertThat(churn.get("cohortMonth").asText()).isEqualTo("2012-01");
        assertThat(churn.get("cohort").asInt()).isEqualTo(1);
        assertThat(churn.get("returned").asInt()).isEqualTo(1);
        assertThat(churn.get("churn").decimalValue()).isEqualByComparingTo("0");

        Response csv = get("/reports/structure?from=2011-10-01&to=2012-09-30&by=region&format=csv");
        assertThat(csv.getMediaType().toString()).startsWith("text/csv");
        String table = csv.readEntity(String.class);
        assertThat(table).startsWith("\uFEFFgroup,bucket,customers,visits,revenue,averageTicket,perVehicle")
                .contains("\r\n惠城区,2,1,2,480.10,240.05,480.10,1.0000,1.0000");
        Response accepted = buffered(api("/reports/churn/annual").queryParam("asOf", "2012-09-30").request("text/csv").get());
        assertThat(accepted.readEntity(String.class)).startsWith("\uFEFFasOf,cohortAfter,cohortUpTo,cohort,lost,churn");

        Response badMonth = get("/reports/churn/monthly?month=2012-13");
        assertThat(badMonth.getStatus()).isEqualTo(400);
        assertThat(badMonth.readEntity(JsonNode.class).get("detail").asText())
                .isEqualTo("month: must be a month YYYY-MM between 1900-01 and 2100-12 (got '2012-13')");
        Response reversed = get("/reports/structure?from=2012-10-01&to=2012-09-30");
        assertThat(reversed.getStatus()).isEqualTo(400);
        assertThat(reversed.readEntity(JsonNode.class).get("detail").asText())
                .isEqualTo("from: 2012-10-01 is after to: 2012-09-30");
    }

    @Test
    void aClassificationRunStoresEveryCustomerAndShowsItsProgress() throws InterruptedException {
        put(TestRequests.json("../customers/two-customers.json"));

        Response started = buffered(api("/classification-runs").request()
                .post(Entity.entity("{\"asOf\": \"2012-09-30\"}", MediaType.APPLICATION_JSON_TYPE)));

        assertThat(started.getStatus()).isEqualTo(202);
        long id = started.readEntity(JsonNode.class).get("id").asLong();
        JsonNode run = api("/classification-runs/" + id).request().get(JsonNode.class);
        for (int i = 0; i < 100 && run.get("status").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            run = api("/classification-runs/" + id).request().get(JsonNode.class);
        }
        assertThat(run.get("status").asText()).isEqualTo("DONE");
        assertThat(run.get("customersDone").asInt()).isEqualTo(run.get("customersTotal").asInt());
        assertThat(run.get("asOf").asText()).isEqualTo("2012-09-30");
        String rulesetVersion = run.get("rulesetVersion").asText();
        JsonNode history = api("/customers/K1/classifications").request().get(JsonNode.class);
        assertThat(history).anySatisfy(result -> {
            assertThat(result.get("runId").asLong()).isEqualTo(id);
            assertThat(result.get("rulesetVersion").asText()).isEqualTo(rulesetVersion);
            assertThat(result.get("result").isObject()).as("the stored answer is a JSON object").isTrue();
            assertThat(result.at("/result/customerId").asText()).isEqualTo("K1");
            assertThat(result.at("/result/reasons").isArray()).isTrue();
        });
        assertThat(get("/classification-runs/999999").getStatus()).isEqualTo(404);
    }
}
