package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.util.JarLocation;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import jipan.TestApp;
import jipan.TestRequests;
import jipan.reports.ReportColumns;
import jipan.reports.ReportDefinition;
import jipan.reports.ReportRegistry;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reports as REST and the {@code report} command serve them, both from the one registry. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ReportResourceTest {
    /** Chinese text: at least one Han character (as LanguagesTest checks the answers). */
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final TestApp APP = new TestApp(ResourceHelpers.resourceFilePath("test-config.yml"),
            ConfigOverride.config("database.url", "jdbc:h2:mem:report-resource;DB_CLOSE_DELAY=-1"));

    @BeforeAll
    static void store() throws Exception {
        try (Response put = APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/customers")
                .request().put(Entity.json(TestRequests.json("../customers/two-customers.json")))) {
            assertThat(put.getStatus()).isEqualTo(200);
        }
    }

    private static Response get(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + "/api/v1/reports" + path).request().get();
    }

    @Test
    void everyColumnHasAChineseHeaderEveryReportAChineseDescriptionAndAUniqueNameAndPath() {
        List<String> missing = new ArrayList<>();
        for (ReportDefinition report : ReportRegistry.ALL) {
            report.columns().stream().filter(column -> !ReportColumns.known(column))
                    .forEach(column -> missing.add(report.name() + "." + column));
            assertThat(report.columns()).containsAll(report.totalColumns());
            if (!CHINESE.matcher(report.descriptionZh()).find()) {
                missing.add(report.name() + " (its Chinese description)");
            }
            report.parameters().stream().filter(parameter -> !CHINESE.matcher(parameter.helpZh()).find())
                    .forEach(parameter -> missing.add(report.name() + "." + parameter.name() + " (its Chinese help)"));
        }
        assertThat(missing).isEmpty();
        assertThat(ReportRegistry.ALL.stream().map(ReportDefinition::name).distinct()).hasSameSizeAs(ReportRegistry.ALL);
        assertThat(ReportRegistry.ALL.stream().map(ReportDefinition::path).distinct()).hasSameSizeAs(ReportRegistry.ALL);
    }

    @Test
    void theRestListAndTheReportCommandNameTheSameReports() throws Exception {
        TreeSet<String> rest = new TreeSet<>();
        try (Response list = get("")) {
            for (JsonNode report : TestRequests.JSON.readTree(list.readEntity(String.class))) {
                rest.add(report.get("name").asText());
                assertThat(report.get("url").asText()).startsWith("/api/v1/reports/");
                assertThat(report.get("columns")).isNotEmpty();
                assertThat(report.get("descriptionZh").asText()).isNotBlank()
                        .isNotEqualTo(report.get("description").asText());
                report.get("parameters").forEach(parameter -> assertThat(parameter.get("helpZh").asText())
                        .as(report.get("name").asText() + "." + parameter.get("name").asText()).isNotBlank());
            }
        }
        JipanApplication application = new JipanApplication();
        Bootstrap<JipanConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            new Cli(new JarLocation(getClass()), bootstrap, capture, capture).run("report", "--help");
        } finally {
            System.setOut(original);
        }
        Matcher choices = Pattern.compile("\\{(churn-[a-z,-]+)}").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(choices.find()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(new TreeSet<>(List.of(choices.group(1).split(",")))).isEqualTo(rest);
        assertThat(rest).hasSameSizeAs(ReportRegistry.ALL).contains("tier-migration", "structure", "churn-monthly");
    }

    @Test
    void aCsvDownloadHasAFileNameChineseHeadersOnRequestAndATotalsRow() {
        try (Response csv = get("/structure?from=2011-10-01&to=2012-09-30&format=csv&lang=zh")) {
            assertThat(csv.getStatus()).isEqualTo(200);
            assertThat(csv.getHeaderString("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"structure_2011-10-01_2012-09-30_none.csv\"");
            List<String> lines = csv.readEntity(String.class).lines().toList();
            assertThat(lines.get(0)).isEqualTo("\uFEFF分组,进厂次数,客户数,进厂台次,产值,单次产值,单车贡献,客户占比,产值占比,台次占比");
            assertThat(lines.get(lines.size() - 1)).startsWith("合计,,");
            int customers = lines.subList(1, lines.size() - 1).stream()
                    .mapToInt(line -> Integer.parseInt(line.split(",")[2])).sum();
            assertThat(lines.get(lines.size() - 1).split(",")[2]).isEqualTo(String.valueOf(customers));
        }
        try (Response english = get("/structure?from=2011-10-01&to=2012-09-30&format=csv")) {
            assertThat(english.readEntity(String.class)).startsWith("\uFEFFgroup,bucket,customers,");
        }
    }

    @Test
    void theCustomerBaseTablesDownloadInChineseWithTheirValuesByLabelAndRefuseABadParameterByName() {
        // K1's car (sold here) visited in 2012: in warranty, a base customer, retained
        try (Response csv = get("/lifecycle-structure?from=2012-01-01&to=2012-09-30&format=csv&lang=zh")) {
            assertThat(csv.getStatus()).isEqualTo(200);
            List<String> lines = csv.readEntity(String.class).lines().toList();
            assertThat(lines.get(0)).startsWith("\uFEFF开始日期,结束日期,生命周期阶段,车辆数,客户数,进厂台次,产值,单次产值,单车贡献");
            assertThat(lines).anyMatch(line -> line.contains(",首保,")).anyMatch(line -> line.contains(",在保,1,1,2,"))
                    .anyMatch(line -> line.startsWith("合计,"));
        }
        try (Response csv = get("/churn/origin?asOf=2012-09-30&format=csv&lang=zh")) {
            assertThat(csv.readEntity(String.class)).contains("本店销售").contains("非本店销售").contains("合计");
        }
        try (Response json = get("/retained?to=2012-09")) {
            assertThat(json.getStatus()).isEqualTo(200);
            assertThat(json.readEntity(String.class)).contains("\"baseCustomers\"").contains("\"retainedRate\"");
        }
        try (Response rows = get("/data-quality/rows?check=NO_PHONE&format=csv&lang=zh")) {
            assertThat(rows.getStatus()).isEqualTo(200);
            assertThat(rows.readEntity(String.class)).contains("无电话的客户,K2");
        }
        try (Response bad = get("/data-quality/rows?check=EVERYTHING")) {
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(bad.readEntity(String.class)).contains("check: must be one of NO_PHONE");
        }
        try (Response bad = get("/grade-structure/customers?group=" + "x".repeat(101))) {
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(bad.readEntity(String.class)).contains("group: must be at most 100 characters");
        }
    }

    @Test
    void anXlsxDownloadHasRealNumbersPercentagesAFrozenHeaderAndATotalsRowCheckedCellByCell() throws Exception {
        JsonNode json;
        try (Response answer = get("/structure?from=2011-10-01&to=2012-09-30")) {
            json = TestRequests.JSON.readTree(answer.readEntity(String.class));
        }
        assertThat(json.size()).isPositive();
        try (Response xlsx = get("/structure?from=2011-10-01&to=2012-09-30&format=xlsx&lang=zh")) {
            assertThat(xlsx.getStatus()).isEqualTo(200);
            assertThat(xlsx.getMediaType().toString())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(xlsx.getHeaderString("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"structure_2011-10-01_2012-09-30_none.xlsx\"");
            try (var workbook = new XSSFWorkbook(xlsx.readEntity(InputStream.class))) {
                var sheet = workbook.getSheetAt(0);
                assertThat(sheet.getSheetName()).isEqualTo("客户结构");
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                var header = sheet.getRow(0);
                assertThat(header.getCell(0).getStringCellValue()).isEqualTo("分组");
                assertThat(header.getCell(7).getStringCellValue()).isEqualTo("客户占比");
                assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
                int customers = 0;
                for (int i = 0; i < json.size(); i++) {
                    var row = sheet.getRow(i + 1);
                    var line = json.get(i);
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo(line.get("bucket").asText());
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(line.get("customers").asDouble());
                    assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(line.get("revenue").asDouble());
                    assertThat(row.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                    assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(line.get("customerShare").asDouble());
                    assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
                    customers += line.get("customers").asInt();
                }
                var total = sheet.getRow(json.size() + 1);
                assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
                assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(customers);
                assertThat(sheet.getLastRowNum()).isEqualTo(json.size() + 1);
            }
        }
        try (Response bad = get("/structure?from=2011-10-01&to=2012-09-30&format=pdf")) {
            assertThat(bad.getStatus()).isEqualTo(400);
            assertThat(bad.readEntity(String.class)).contains("format: must be json, csv or xlsx");
        }
    }

    @Test
    void theReportCommandWritesTheSameWorkbookToAFile() throws Exception {
        JsonNode json;
        try (Response answer = get("/structure?from=2011-10-01&to=2012-09-30")) {
            json = TestRequests.JSON.readTree(answer.readEntity(String.class));
        }
        Path file = Files.createTempDirectory("jipan-report").resolve("structure.xlsx");
        JipanApplication application = new JipanApplication();
        Bootstrap<JipanConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            // the command reads the store the service of this test writes (same in-memory database)
            String config = Files.writeString(Files.createTempFile("jipan", ".yml"),
                    Files.readString(Path.of(ResourceHelpers.resourceFilePath(
                            "test-config.yml"))).replace("jdbc:h2:mem:jipan-app;", "jdbc:h2:mem:report-resource;"))
                    .toString();
            assertThat(new Cli(new JarLocation(getClass()), bootstrap, capture, capture).run("report", "structure",
                    "--from", "2011-10-01", "--to", "2012-09-30", "--format", "xlsx", "--lang", "zh",
                    "--out", file.toString(), config)).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        }
        try (var workbook = new XSSFWorkbook(file.toFile())) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("客户数");
            int customers = 0;
            for (JsonNode line : json) {
                customers += line.get("customers").asInt();
            }
            assertThat(sheet.getRow(json.size() + 1).getCell(2).getNumericCellValue()).isEqualTo(customers);
        }
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void badParametersAre400NamingThemAndUnknownReportsOrRuns404() throws Exception {
        for (String[] bad : new String[][] {
            {"/structure?from=2011-10-01&to=2012-09-30&colour=red", "colour: is not a parameter of this report"},
            {"/structure?from=2011-10-01", "to: is required (YYYY-MM-DD)"},
            {"/structure?from=2011-10-01&to=2012-09-30&by=colour", "by: must be one of none, region"},
            {"/tier-migration?from=x&to=1", "from: must be the id of a classification run"},
            {"/churn/monthly?month=2012-13", "month: must be a month YYYY-MM"},
            {"/structure?from=2011-10-01&to=2012-09-30&lang=fr", "lang: must be en or zh"},
        }) {
            try (Response response = get(bad[0])) {
                assertThat(response.getStatus()).as(bad[0]).isEqualTo(400);
                assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
                assertThat(response.readEntity(String.class)).as(bad[0]).contains(bad[1]);
            }
        }
        try (Response unknown = get("/nope")) {
            assertThat(unknown.getStatus()).isEqualTo(404);
            assertThat(unknown.readEntity(String.class)).contains("no report 'nope'", "churn/monthly");
        }
        try (Response run = get("/tier-migration?from=998&to=999")) {
            assertThat(run.getStatus()).isEqualTo(404);
            assertThat(run.readEntity(String.class)).contains("from: no classification run 998");
        }
    }
}
