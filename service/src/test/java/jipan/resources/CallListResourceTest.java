package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import jipan.TestApp;
import jipan.TestRequests;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A service manager's call list over HTTP: JSON pages, a CSV for Excel with Chinese headers, checked filters, and
 * outcomes that take a task off the open lists until the rules raise it on a new basis.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallListResourceTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:call-lists;DB_CLOSE_DELAY=-1"));

    private static Response call(String method, String path, Object body) {
        var request = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path).request();
        return body == null ? request.method(method) : request.method(method, Entity.json(body));
    }

    private static long firstRun;

    @BeforeAll
    static void storeAndRun() throws Exception {
        try (Response put = call("PUT", "/customers", TestRequests.json("../call-lists/customers.json"))) {
            assertThat(put.getStatus()).isEqualTo(200);
        }
        firstRun = run("2012-09-30");
    }

    /** Runs a classification as of {@code asOf} and waits for it to finish. */
    private static long run(String asOf) throws Exception {
        long run;
        try (Response started = call("POST", "/classification-runs", "{\"asOf\": \"" + asOf + "\"}")) {
            run = TestRequests.JSON.readTree(started.readEntity(String.class)).get("id").asLong();
        }
        for (int i = 0; i < 300; i++) {
            try (Response status = call("GET", "/classification-runs/" + run, null)) {
                if (TestRequests.JSON.readTree(status.readEntity(String.class)).get("status").asText().equals("DONE")) {
                    return run;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish");
    }

    private static JsonNode list(String query) throws Exception {
        try (Response response = call("GET", "/call-lists?" + query, null)) {
            assertThat(response.getStatus()).as(query).isEqualTo(200);
            return TestRequests.JSON.readTree(response.readEntity(String.class));
        }
    }

    @Test
    @Order(3)
    void aHandledTaskLeavesTheOpenListsUntilTheRulesRaiseItOnANewBasis() throws Exception {
        String task = "{\"run\": " + firstRun + ", \"customerId\": \"K-AT-RISK\", \"kind\": \"RETENTION_CALL\", "
                + "\"subject\": \"K-AT-RISK\", \"outcome\": \"%s\", \"note\": \"%s\"}";
        try (Response recorded = call("POST", "/call-lists/outcomes", String.format(task, "UNREACHABLE", "no answer"))) {
            assertThat(recorded.getStatus()).isEqualTo(200);
        }
        JsonNode outcome;
        try (Response recorded = call("POST", "/call-lists/outcomes", String.format(task, "DONE", "comes Monday"))) {
            assertThat(recorded.getStatus()).isEqualTo(200);
            outcome = TestRequests.JSON.readTree(recorded.readEntity(String.class));
        }
        assertThat(outcome.get("basis").asText()).isEqualTo("last visit 2012-02-01");
        assertThat(outcome.get("outcome").asText()).isEqualTo("DONE");
        assertThat(outcome.get("handledBy").asText()).isNotBlank();
        assertThat(outcome.get("handledAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        assertThat(list("run=" + firstRun + "&kind=RETENTION_CALL").get("total").asInt()).isZero();
        JsonNode handled = list("run=" + firstRun + "&kind=RETENTION_CALL&state=handled");
        assertThat(handled.get("total").asInt()).isEqualTo(1);
        assertThat(handled.at("/items/0/outcome").asText()).isEqualTo("DONE");
        assertThat(handled.at("/items/0/note").asText()).isEqualTo("comes Monday");
        assertThat(list("run=" + firstRun + "&state=all").get("total").asInt()).isEqualTo(2);

        // a month later the customer is still AT_RISK on the same last visit: not listed again
        long second = run("2012-10-31");
        assertThat(list("run=" + second + "&kind=RETENTION_CALL").get("total").asInt()).isZero();
        assertThat(list("run=" + second + "&kind=RETENTION_CALL&state=handled").at("/items/0/outcome").asText())
                .isEqualTo("DONE");

        // the customers of a tier migration cell, with the call list's columns
        JsonNode cell;
        try (Response moved = call("GET", "/call-lists/tier-migration/" + firstRun + "/" + second + "/B/B", null)) {
            assertThat(moved.getStatus()).isEqualTo(200);
            cell = TestRequests.JSON.readTree(moved.readEntity(String.class));
        }
        assertThat(cell.get("total").asInt()).isEqualTo(1);
        assertThat(cell.at("/items/0/customerId").asText()).isEqualTo("K-AT-RISK");
        assertThat(cell.at("/items/0/name").asText()).isEqualTo("张先生");
        assertThat(cell.at("/items/0/vin").asText()).isEqualTo("LCALL000000000001");
        assertThat(cell.at("/items/0/model").asText()).isEqualTo("科鲁兹");
        assertThat(cell.at("/items/0/lastVisit").asText()).isEqualTo("2012-02-01");
        assertThat(cell.at("/items/0/reason").asText()).contains("→ B");
        try (Response csv = call("GET", "/call-lists/tier-migration/" + firstRun + "/" + second + "/C/C?format=csv&lang=zh",
                null)) {
            assertThat(csv.getHeaderString("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"tier-migration_" + firstRun + "_" + second + "_C_C.csv\"");
            assertThat(csv.readEntity(String.class).lines().toList()).hasSize(2)
                    .first().asString().startsWith("\uFEFF客户编号,姓名,电话,车架号,车型,最近进厂,原等级,售后等级");
        }
        try (Response bad = call("GET", "/call-lists/tier-migration/" + firstRun + "/" + second + "/A/Z", null)) {
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(bad.readEntity(String.class)).contains("toTier: must be one of");
        }
        try (Response unknown = call("GET", "/call-lists/tier-migration/" + firstRun + "/99999/A/B", null)) {
            assertThat(unknown.getStatus()).isEqualTo(404);
        }

        // the customer came once more and lapsed again: a new basis, a new task
        String customers = TestRequests.json("../call-lists/customers.json").toString().replace(
                "{\"roNumber\":\"CL-2\"", "{\"roNumber\":\"CL-2b\",\"vin\":\"LCALL000000000001\",\"date\":\"2012-03-01\","
                + "\"payType\":\"CUSTOMER_PAY\",\"serviceType\":\"REPAIR\",\"amount\":200},{\"roNumber\":\"CL-2\"");
        try (Response put = call("PUT", "/customers", customers)) {
            assertThat(put.getStatus()).isEqualTo(200);
        }
        long third = run("2012-11-30");
        JsonNode again = list("run=" + third + "&kind=RETENTION_CALL");
        assertThat(again.get("total").asInt()).isEqualTo(1);
        assertThat(again.at("/items/0/basis").asText()).isEqualTo("last visit 2012-03-01");
        assertThat(again.at("/items/0/outcome").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void anOutcomeForATaskTheRunDoesNotHaveIs404AndABadOneIs400Or422NamingTheField() throws Exception {
        try (Response missing = call("POST", "/call-lists/outcomes", "{\"run\": " + firstRun + ", \"customerId\": "
                + "\"K-ACTIVE\", \"kind\": \"RETENTION_CALL\", \"subject\": \"K-ACTIVE\", \"outcome\": \"DONE\"}")) {
            assertThat(missing.getStatus()).isEqualTo(404);
            assertThat(missing.readEntity(String.class)).contains("has no RETENTION_CALL task about 'K-ACTIVE'");
        }
        for (String[] bad : new String[][] {
            {"{\"run\": 1, \"customerId\": \"K\", \"kind\": \"CALL_EVERYONE\", \"subject\": \"K\", \"outcome\": \"DONE\"}", "kind"},
            {"{\"run\": 1, \"customerId\": \"K\", \"kind\": \"RETENTION_CALL\", \"subject\": \"K\", \"outcome\": \"MAYBE\"}", "outcome"},
            {"{\"run\": 1, \"customerId\": \"K\", \"kind\": \"RETENTION_CALL\", \"subject\": \"K\"}", "outcome"},
            {"{\"run\": 1, \"customerId\": \"K\", \"kind\": \"RETENTION_CALL\", \"subject\": \"K\", \"outcome\": \"DONE\", "
                    + "\"note\": \"" + "x".repeat(1_001) + "\"}", "note"},
        }) {
            try (Response response = call("POST", "/call-lists/outcomes", bad[0])) {
                assertThat(response.getStatus()).as(bad[1]).isIn(400, 422);
                assertThat(response.readEntity(String.class)).as(bad[1]).contains(bad[1]);
            }
        }
        try (Response state = call("GET", "/call-lists?state=closed", null)) {
            assertThat(state.getStatus()).isEqualTo(400);
            assertThat(state.readEntity(String.class)).contains("state: must be one of open, handled, all");
        }
    }

    @Test
    @Order(1)
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
            assertThat(lines.get(0)).startsWith("\uFEFF客户编号,姓名,电话,任务,对象,车型,优先级,截止日期,负责岗位,负责人,依据,原因,最近进厂,售后等级,流失状态,基盘等级,处理结果,流失原因,满意度,备注,处理人,处理时间");
            assertThat(lines).hasSize(3);
            // a name that starts like a formula stays text in Excel; in Chinese the task kind is its label
            assertThat(lines.get(2)).startsWith("K-NEW-CAR,\"'=HYPERLINK(\"\"x\"\")\",13900000002,首保提醒,");
        }
        try (Response xlsx = call("GET", "/call-lists?format=xlsx&lang=zh", null)) {
            assertThat(xlsx.getStatus()).isEqualTo(200);
            assertThat(xlsx.getHeaderString("Content-Disposition")).matches("attachment; filename=\"call-list_\\d+\\.xlsx\"");
            try (var workbook = new XSSFWorkbook(xlsx.readEntity(InputStream.class))) {
                var sheet = workbook.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
                assertThat(sheet.getLastRowNum()).isEqualTo(2);
                // the formula-like name is a text cell holding exactly the name: Excel shows it, never runs it
                var name = sheet.getRow(2).getCell(1);
                assertThat(name.getCellType()).isEqualTo(CellType.STRING);
                assertThat(name.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
                var due = sheet.getRow(1).getCell(7);
                assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2012, 9, 30));
                assertThat(due.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
                assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(1);
            }
        }
    }

    @Test
    @Order(1)
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
