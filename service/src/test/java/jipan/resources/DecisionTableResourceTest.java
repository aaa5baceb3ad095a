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
import jipan.ShippedRules;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.core.TableEdit;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A decision table through real HTTP, as an analyst works with it: downloaded as a workbook, edited, sent back
 * (Base64 in {@code files}), refused at its sheet!cell when broken, live when good, diffed by cell and by the DRL
 * it generates; and reloaded from the rules directory.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DecisionTableResourceTest {
    private static final Path RULES = ShippedRules.copy();
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("rules.directory", RULES.toString()),
            ConfigOverride.config("rules.fixtureGate", ShippedRules.copyFixtures().toString()),
            ConfigOverride.config("database.url", "jdbc:h2:mem:decision-table-test;DB_CLOSE_DELAY=-1"));

    private WebTarget api(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path);
    }

    private String financingAction() {
        return api("/classify").request().post(Entity.entity(TestRequests.json("defeated-financing.json"),
                MediaType.APPLICATION_JSON_TYPE), JsonNode.class).get("results").get(0).get("leads").get(0).get("action").asText();
    }

    private static ObjectNode change(String table, TableEdit edit) {
        ObjectNode body = TestRequests.JSON.createObjectNode();
        body.putObject("files").put(table, edit.text());
        return body;
    }

    private long activeVersion() {
        for (JsonNode version : api("/rules/versions").request().get(JsonNode.class)) {
            if (version.get("active").asBoolean()) {
                return version.get("seq").asLong();
            }
        }
        throw new AssertionError("no active version");
    }

    @Test
    void anAnalystDownloadsEditsAndPublishesATableAndABrokenCellIsRefusedAtItsCell() throws Exception {
        assertThat(financingAction()).isEqualTo("offer finance plan");
        long before = activeVersion();
        byte[] shipped = Files.readAllBytes(RULES.resolve("defeat.drl.xlsx"));

        try (Response download = api("/rules/versions/" + before + "/files/defeat.drl.xlsx").request().get()) {
            assertThat(download.getStatus()).isEqualTo(200);
            assertThat(download.getMediaType().toString()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(download.getHeaderString("Content-Disposition")).contains("defeat.drl.xlsx");
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(download.readEntity(byte[].class)))) {
                assertThat(workbook.getSheet("Categories").getRow(25).getCell(2).getStringCellValue()).isEqualTo("offer finance plan");
            }
        }
        assertThat(api("/rules/versions/" + before + "/files/defeat.drl.xlsx/drl").request().get(String.class))
                .contains("rule \"Defeat: price\"").contains("\"offer finance plan\"");

        // a broken cell: refused with its sheet and cell, nothing changes
        try (Response refused = api("/rules/publish").request().post(Entity.entity(change("defeat.drl.xlsx",
                TableEdit.shipped("defeat.drl.xlsx").set("Categories!B11", "PRODUCT, BRANDS")), MediaType.APPLICATION_JSON_TYPE))) {
            assertThat(refused.getStatus()).isBetween(400, 499);
            assertThat(refused.readEntity(String.class)).contains("\"path\":\"defeat.drl.xlsx!Categories!B11\"")
                    .contains("BRANDS");
        }
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(Files.readAllBytes(RULES.resolve("defeat.drl.xlsx"))).isEqualTo(shipped);

        // the action changed in Excel: validated, tested, live, written to the rules directory as a workbook
        TableEdit edit = TableEdit.shipped("defeat.drl.xlsx").set("Categories!C26", "offer 0% finance over 24 months");
        JsonNode test = api("/rules/test").request().post(Entity.entity(change("defeat.drl.xlsx", edit),
                MediaType.APPLICATION_JSON_TYPE), JsonNode.class);
        assertThat(test.get("failed").asInt()).isEqualTo(1);   // categories.yml expects the shipped action
        assertThat(test.toString()).contains("defeat/categories.yml").contains("got \\\"offer 0% finance over 24 months\\\"");
        ObjectNode withFixture = change("defeat.drl.xlsx", edit);
        withFixture.putObject("fixtures").put("defeat/categories.yml", Files.readString(Path.of("../fixtures/defeat/categories.yml"))
                .replace("action: \"offer finance plan\"", "action: \"offer 0% finance over 24 months\""));
        JsonNode published = api("/rules/publish").request().post(Entity.entity(withFixture, MediaType.APPLICATION_JSON_TYPE),
                JsonNode.class);
        assertThat(published.get("version").asText()).startsWith("sha256:");
        assertThat(financingAction()).isEqualTo("offer 0% finance over 24 months");
        try (Workbook written = WorkbookFactory.create(RULES.resolve("defeat.drl.xlsx").toFile())) {
            assertThat(written.getSheet("Categories").getRow(25).getCell(2).getStringCellValue())
                    .isEqualTo("offer 0% finance over 24 months");
        }

        JsonNode diff = api("/rules/versions/" + before + "/diff/" + activeVersion()).request().get(JsonNode.class);
        JsonNode table = diff.get(0);
        assertThat(table.get("file").asText()).isEqualTo("defeat.drl.xlsx");
        assertThat(table.get("lines").toString()).contains("- Categories!C26: offer finance plan")
                .contains("+ Categories!C26: offer 0% finance over 24 months");
        assertThat(table.get("drlLines").toString()).contains("offer 0% finance over 24 months");
    }

    @Test
    void aTableSavedIntoTheRulesDirectoryGoesLiveOnReloadAndABrokenOneLeavesTheLiveRules() throws Exception {
        String live = api("/rules/status").request().get(JsonNode.class).get("liveVersion").asText();
        Path table = RULES.resolve("loyalty.drl.xlsx");
        byte[] shipped = Files.readAllBytes(table);
        try {
            Files.write(table, TableEdit.shipped("loyalty.drl.xlsx").set("Levels!C11", "eight").bytes());
            try (Response refused = api("/rules/reload").request().post(Entity.json("{}"))) {
                assertThat(refused.getStatus()).isEqualTo(409);
                assertThat(refused.readEntity(String.class)).contains("loyalty.drl.xlsx!Levels!C11");
            }
            assertThat(api("/rules/status").request().get(JsonNode.class).get("liveVersion").asText()).isEqualTo(live);
            // an Excel lock file beside the open workbook is not a rule file
            Files.writeString(RULES.resolve("~$loyalty.drl.xlsx"), "lock");
            Files.write(table, shipped);
            try (Response reloaded = api("/rules/reload").request().post(Entity.json("{}"))) {
                assertThat(reloaded.getStatus()).isEqualTo(200);
            }
        } finally {
            Files.write(table, shipped);
            Files.deleteIfExists(RULES.resolve("~$loyalty.drl.xlsx"));
        }
    }
}
