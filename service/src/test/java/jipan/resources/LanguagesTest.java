package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jipan.TestApp;
import jipan.TestRequests;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One stored answer serves both languages (issue 26): the fixtures' customers stored and classified by a run read
 * back, in Chinese and in English, exactly as {@code POST /classify} answers in each; the call list and its
 * downloads speak the language asked for; the API's default stays English.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class LanguagesTest {
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:languages;DB_CLOSE_DELAY=-1"));
    private static final String AS_OF = "2012-09-30";
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** Words of the rules' Chinese sentences: in an English answer they would mean a sentence was not translated. */
    private static final Pattern TEMPLATE_WORDS = Pattern.compile("截至|个月|回厂|分：|客户|线索|保修|→ [\\p{IsHan}]");
    private static final ArrayNode CUSTOMERS = TestRequests.JSON.createArrayNode();
    private static long run;

    private static Response call(String method, String path, Object body, String language) {
        var request = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1" + path).request();
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return body == null ? request.method(method) : request.method(method, Entity.json(body));
    }

    private static JsonNode json(String method, String path, Object body, String language) throws Exception {
        try (Response response = call(method, path, body, language)) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(path + ": " + text).isBetween(200, 202);
            return TestRequests.JSON.readTree(text);
        }
    }

    /** The customers of every fixture classified as of 2012-09-30 (the first of each id). */
    @BeforeAll
    static void storeAndRun() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> ids = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("../fixtures"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") && !f.toString().contains("bad-input"))
                    .sorted().toList()) {
                JsonNode request = yaml.readTree(file.toFile()).get("request");
                if (request != null && AS_OF.equals(request.path("asOf").asText())) {
                    for (JsonNode customer : request.get("customers")) {
                        // fixtures reuse ids, VINs, repair-order and lead numbers: one store holds each once
                        List<String> keys = new java.util.ArrayList<>(List.of("id:" + customer.get("id").asText()));
                        customer.path("vehicles").forEach(v -> keys.add("vin:" + v.path("vin").asText()));
                        customer.path("visits").forEach(v -> keys.add("ro:" + v.path("roNumber").asText()));
                        customer.path("leads").forEach(l -> keys.add("lead:" + l.path("leadId").asText()));
                        if (keys.stream().noneMatch(ids::contains)) {
                            ids.addAll(keys);
                            // recorded calls are stored as task outcomes, not with the customer
                            ((ObjectNode) customer).remove("contacts");
                            CUSTOMERS.add(customer);
                        }
                    }
                }
            }
        }
        assertThat(CUSTOMERS.size()).isGreaterThan(40);
        ObjectNode put = TestRequests.JSON.createObjectNode();
        put.set("customers", CUSTOMERS);
        json("PUT", "/customers", put, null);
        run = json("POST", "/classification-runs", "{\"asOf\": \"" + AS_OF + "\"}", null).get("id").asLong();
        for (int i = 0; i < 600; i++) {
            if (json("GET", "/classification-runs/" + run, null, null).get("status").asText().equals("DONE")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not finish");
    }

    @Test
    void aStoredRunReadsBackInEachLanguageAsClassifyAnswersInIt() throws Exception {
        ObjectNode body = TestRequests.JSON.createObjectNode().put("asOf", AS_OF);
        body.set("customers", CUSTOMERS);
        // classify is sent each customer as the store holds it (its facts in the store's order)
        ObjectNode stored = TestRequests.JSON.createObjectNode().put("asOf", AS_OF);
        ArrayNode documents = stored.putArray("customers");
        for (JsonNode customer : CUSTOMERS) {
            documents.add(json("GET", "/customers/" + customer.get("id").asText(), null, null));
        }
        for (String language : List.of("zh-CN", "en")) {
            Map<String, JsonNode> answered = new HashMap<>();
            for (JsonNode result : json("POST", "/classify", stored, language).get("results")) {
                answered.put(result.get("customerId").asText(), result);
            }
            int reasons = 0;
            int actions = 0;
            for (JsonNode customer : CUSTOMERS) {
                String id = customer.get("id").asText();
                JsonNode result = json("GET", "/customers/" + id + "/classifications", null, language).get(0)
                        .get("result");
                assertThat(result).as(id + " in " + language).isEqualTo(answered.get(id));
                for (JsonNode reason : result.get("reasons")) {
                    String message = reason.get("message").asText();
                    if (language.startsWith("zh")) {
                        assertThat(message).as(reason.toString()).containsPattern(CHINESE);
                        assertThat(reason.get("name").asText()).containsPattern(CHINESE);
                    } else { // Chinese only in the data (a competitor's brand and model), never in the sentence
                        assertThat(message).as(reason.toString()).doesNotContainPattern(TEMPLATE_WORDS);
                        assertThat(reason.get("name").asText()).doesNotContainPattern(CHINESE);
                    }
                    reasons++;
                }
                for (JsonNode lead : result.get("leads")) { // a lead's follow-up action, from the defeat table
                    if (lead.hasNonNull("action")) {
                        assertThat(CHINESE.matcher(lead.get("action").asText()).find()).as(lead.toString())
                                .isEqualTo(language.startsWith("zh"));
                        actions++;
                    }
                }
            }
            assertThat(reasons).isGreaterThan(500);
            assertThat(actions).isGreaterThan(5);
        }
        // the API's default is English: an integration that asks for nothing sees what it saw before
        JsonNode plain = json("POST", "/classify", body, null).get("results").get(0).get("reasons").get(0);
        assertThat(plain.get("message").asText()).doesNotContainPattern(CHINESE);
        // lang= wins over Accept-Language; an unknown language is refused naming the parameter
        JsonNode asked = json("POST", "/classify?lang=zh", body, "en").get("results").get(0).get("reasons").get(0);
        assertThat(asked.get("message").asText()).containsPattern(CHINESE);
        try (Response refused = call("POST", "/classify?lang=fr", body, null)) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.readEntity(String.class)).contains("lang");
        }
    }

    @Test
    void theCallListAndItsDownloadsSpeakTheLanguageAskedFor() throws Exception {
        JsonNode zh = json("GET", "/call-lists?run=" + run + "&size=1000", null, "zh-CN");
        JsonNode en = json("GET", "/call-lists?run=" + run + "&size=1000", null, null);
        assertThat(zh.get("items").size()).isEqualTo(en.get("items").size()).isGreaterThan(10);
        for (int i = 0; i < zh.get("items").size(); i++) {
            assertThat(zh.get("items").get(i).get("reason").asText()).containsPattern(CHINESE);
            assertThat(en.get("items").get(i).get("reason").asText()).doesNotContainPattern(TEMPLATE_WORDS);
        }
        try (Response csv = call("GET", "/call-lists?run=" + run + "&format=csv&lang=zh", null, null)) {
            List<String> lines = csv.readEntity(String.class).lines().toList();
            assertThat(lines.get(0)).contains("原因");
            int reasonColumn = List.of(lines.get(0).replace("\uFEFF", "").split(",")).indexOf("原因");
            assertThat(lines.subList(1, lines.size())).hasSize(zh.get("items").size())
                    .allSatisfy(line -> assertThat(line).containsPattern(CHINESE));
            assertThat(reasonColumn).isPositive();
            // the values too: task kinds, who, tiers and churn by their Chinese labels, not their codes
            assertThat(String.join("\n", lines)).doesNotContain("RETENTION_CALL", "SERVICE_ADVISOR", "AT_RISK")
                    .contains("挽留回访", "服务顾问");
        }
        try (Response xlsx = call("GET", "/call-lists?run=" + run + "&format=xlsx", null, "zh-CN")) {
            try (var workbook = new XSSFWorkbook(xlsx.readEntity(InputStream.class))) {
                var sheet = workbook.getSheetAt(0);
                int column = -1;
                for (int c = 0; c < sheet.getRow(0).getLastCellNum(); c++) {
                    if (sheet.getRow(0).getCell(c).getStringCellValue().equals("原因")) {
                        column = c;
                    }
                }
                assertThat(column).as("the reason column").isPositive();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    assertThat(sheet.getRow(r).getCell(column).getStringCellValue()).containsPattern(CHINESE);
                }
                assertThat(sheet.getLastRowNum()).isEqualTo(zh.get("items").size());
            }
        }
    }

    @Test
    void everyLabelAndEverySettingIsInBothLanguages() throws Exception {
        Map<String, JsonNode> labels = new HashMap<>();
        json("GET", "/labels", null, null).forEach(label -> labels.put(label.get("value").asText(), label));
        for (String value : List.of("NEW", "NONE", "AT_RISK", "PREMIUM", "LOYAL", "FIRST_MAINTENANCE_DUE",
                "RETENTION_CALL", "SERVICE_ADVISOR", "DEFEATED", "UNANALYSED", "INTERRUPTED", "DONE")) {
            assertThat(labels.get(value).get("zh").asText()).as(value).containsPattern(CHINESE);
            assertThat(labels.get(value).get("en").asText()).as(value).doesNotContainPattern(CHINESE);
        }
        JsonNode zh = json("GET", "/rules/settings", null, "zh-CN");
        JsonNode en = json("GET", "/rules/settings?lang=en", null, "zh-CN");
        assertThat(zh.size()).isEqualTo(en.size()).isGreaterThan(40);
        Set<String> explanations = new HashSet<>();
        for (int i = 0; i < zh.size(); i++) {
            assertThat(zh.get(i).get("comment").asText()).as(zh.get(i).get("name").asText()).containsPattern(CHINESE);
            assertThat(en.get(i).get("comment").asText()).doesNotContainPattern(CHINESE);
            explanations.add(zh.get(i).get("comment").asText());
        }
        assertThat(explanations).as("each setting explained on its own").hasSize(zh.size());
    }

    @Test
    void aRefusedRuleFileIsExplainedInChineseWithTheEnginesWordsBesideIt() throws Exception {
        String loop = "package jipan.rules;\nimport jipan.core.facts.AsOf;\nrule \"count by hand\"\nwhen\n  AsOf()\nthen\n"
                + "  for ( int i = 0; i < 3; i++ ) { }\nend\n";
        ObjectNode body = TestRequests.JSON.createObjectNode();
        body.putObject("files").put("loop.drl", loop);
        for (String language : List.of("zh-CN", "en")) {
            try (Response refused = call("POST", "/rules/validate", body, language)) {
                assertThat(refused.getStatus()).isEqualTo(422);
                JsonNode error = TestRequests.JSON.readTree(refused.readEntity(String.class)).get("errors").get(0);
                assertThat(error.get("path").asText()).startsWith("loop.drl:7:");
                if (language.startsWith("zh")) {
                    assertThat(error.get("message").asText()).startsWith("规则 'count by hand'：规则不能循环")
                            .contains("（原文：in rule 'count by hand': rules may not loop");
                } else {
                    assertThat(error.get("message").asText()).startsWith("in rule 'count by hand': rules may not loop");
                }
            }
        }
    }
}
