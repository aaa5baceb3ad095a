package jipan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.CustomerFacts;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RunResults;
import jipan.core.documents.JsonSettings;
import jipan.core.facts.Lead;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import jipan.core.kpi.Kpis;
import jipan.core.scenarios.DemoDealership;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode on two cores gives, for every customer of the demo dealership, exactly the answer
 * the engine gives in process — tier, churn, loyalty, grade, vehicles, leads, follow-ups, every reason in order
 * — for the same facts and rules: the facts in the order the service's store reads them, as {@code classify-all}
 * classifies them.
 */
class ClassifyJobTest {
    private static final LocalDate AS_OF = LocalDate.of(2012, 9, 30);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("jipan test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.codegen.wholeStage", "false").config("spark.sql.adaptive.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<CustomerFacts> demo() {
        DemoDealership dealership = new DemoDealership(7L, AS_OF);
        List<CustomerFacts> customers = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            customers.add(dealership.customer(i));
        }
        return customers;
    }

    /** Each customer's answer from the engine in process, as JSON. */
    private static Map<String, String> engineAnswers(List<CustomerFacts> customers) throws Exception {
        Classifier engine = new Classifier(new RuleCompiler().compile(RuleFiles.readDirectory(Path.of("../rules"))),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        ObjectMapper json = JsonSettings.newObjectMapper();
        Map<String, String> answers = new HashMap<>();
        for (CustomerFacts customer : customers) {
            answers.put(customer.customer().getId(), json.writeValueAsString(engine.classify(AS_OF, inStoreOrder(customer))));
        }
        return answers;
    }

    private static void assertSameAnswers(Path results, Map<String, String> expected) {
        Map<String, String> actual = new HashMap<>();
        for (Row row : spark.read().parquet(results.toString()).collectAsList()) {
            actual.put(row.getAs("customer_id"), row.getAs("result_json"));
            assertThat(row.<String>getAs("ruleset_version")).isEqualTo(RuleFiles.readDirectory(Path.of("../rules")).version());
        }
        assertThat(actual).hasSameSizeAs(expected);
        for (String id : expected.keySet()) {
            assertThat(actual.get(id)).as(id).isEqualTo(expected.get(id));
        }
        // the demo base exercises the rules: several tiers among the answers
        assertThat(spark.read().parquet(results.toString()).select("tier").distinct().count()).isGreaterThan(2);
    }

    /**
     * A dealer group on Spark: with {@code --store S01} only S01's customers are classified, and with S01's own
     * threshold (store-settings.properties among the rule files) each answer is the engine's in process for S01.
     */
    @Test
    void oneStoreOfAGroupIsClassifiedWithItsOwnSettings(@TempDir Path dir) throws Exception {
        List<CustomerFacts> customers = new ArrayList<>();
        for (int number = 1; number <= 2; number++) {
            DemoDealership store = new DemoDealership(7L, AS_OF, null, String.format("S%02d", number), number);
            for (int i = 1; i <= 150; i++) {
                customers.add(store.customer(i));
            }
        }
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        for (Map.Entry<String, String> file : RuleFiles.readDirectory(Path.of("../rules")).files().entrySet()) {
            if (!file.getKey().endsWith(".xlsx")) {
                Files.writeString(rules.resolve(file.getKey()), file.getValue());
            } else {
                Files.copy(Path.of("../rules").resolve(file.getKey()), rules.resolve(file.getKey()));
            }
        }
        Files.writeString(rules.resolve("store-settings.properties"), "S01: TierSettings.minVisitsForA = 2\n"
                + "S01: TierSettings.minVisitsForB = 1\n");
        StoreTables.writeParquet(StoreTables.of(spark, customers), dir.resolve("store").toString());

        long classified = ClassifyJob.run(spark, new ClassifyJob.Options(AS_OF, rules.toString(),
                dir.resolve("store").toString(), null, null, null, dir.resolve("results").toString(), 4, null, "S01"));

        assertThat(classified).isEqualTo(150);
        Classifier engine = new Classifier(new RuleCompiler().compile(RuleFiles.readDirectory(rules)),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        ObjectMapper json = JsonSettings.newObjectMapper();
        Map<String, String> actual = new HashMap<>();
        for (Row row : spark.read().parquet(dir.resolve("results").toString()).collectAsList()) {
            actual.put(row.getAs("customer_id"), row.getAs("result_json"));
        }
        assertThat(actual.keySet()).allMatch(id -> id.startsWith("S01-")).hasSize(150);
        for (CustomerFacts customer : customers.subList(0, 150)) {
            assertThat(actual.get(customer.customer().getId())).as(customer.customer().getId())
                    .isEqualTo(json.writeValueAsString(engine.classify(AS_OF, inStoreOrder(customer))));
        }
        // the store's own threshold is at work: more of S01's customers are tier A than the group's rules make
        Classifier group = new Classifier(new RuleCompiler().compile(RuleFiles.readDirectory(Path.of("../rules"))),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        long groupA = customers.subList(0, 150).stream().map(c -> group.classify(AS_OF, inStoreOrder(c)))
                .filter(c -> c.tier() == jipan.core.facts.Tier.A).count();
        long storeA = actual.values().stream().filter(text -> text.contains("\"tier\":\"A\"")).count();
        assertThat(storeA).isGreaterThan(groupA);
    }

    @Test
    void fromParquetEveryResultEqualsTheEnginesAnswerInProcess(@TempDir Path dir) throws Exception {
        List<CustomerFacts> customers = demo();
        StoreTables.writeParquet(StoreTables.of(spark, customers), dir.resolve("store").toString());

        long classified = ClassifyJob.run(spark, new ClassifyJob.Options(AS_OF, "../rules",
                dir.resolve("store").toString(), null, null, null, dir.resolve("results").toString(), 4,
                dir.resolve("run").toString()));

        assertThat(classified).isEqualTo(400);
        Map<String, String> expected = engineAnswers(customers);
        assertSameAnswers(dir.resolve("results"), expected);
        // the run for the service's store-run: a manifest, and the same answers as JSON lines in part files
        ObjectMapper json = JsonSettings.newObjectMapper();
        RunResults manifest = json.readValue(dir.resolve("run").resolve(RunResults.MANIFEST).toFile(), RunResults.class);
        CompiledRules rules = new RuleCompiler().compile(RuleFiles.readDirectory(Path.of("../rules")));
        // with what each rule says in Chinese and English, so the stored run reads in either language
        assertThat(manifest).isEqualTo(new RunResults(AS_OF, rules.version(), 400, rules.texts().all()));
        List<String> lines = new ArrayList<>();
        try (var parts = Files.list(dir.resolve("run"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith(RunResults.PART_PREFIX)).toList()) {
                lines.addAll(Files.readAllLines(part));
            }
        }
        assertThat(lines).hasSize(400);
        for (String line : lines) {
            Classification result = json.readValue(line, Classification.class);
            assertThat(line).isEqualTo(expected.get(result.customerId()));
        }
    }

    /** A fresh, empty store database: an in-memory H2, or a new schema of the test PostgreSQL (.ci/postgres). */
    private static String emptyStore(String kind) throws Exception {
        String unique = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind.equals("h2")) {
            return "jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1";
        }
        String postgres = System.getenv("JIPAN_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(postgres != null,
                "PostgreSQL tests need JIPAN_TEST_POSTGRES_URL: run them with `bash .ci/run`");
        try (Connection admin = DriverManager.getConnection(postgres, USER, PASSWORD); Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE SCHEMA " + unique);
        }
        return postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + unique;
    }

    private static final String USER = System.getenv().getOrDefault("JIPAN_TEST_POSTGRES_USER", "jipan");
    private static final String PASSWORD = System.getenv().getOrDefault("JIPAN_TEST_POSTGRES_PASSWORD", "jipan");

    private static Connection connect(String url) throws Exception {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url) : DriverManager.getConnection(url, USER, PASSWORD);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"h2", "postgresql"})
    void fromTheStoreOverJdbcEveryResultEqualsTheEnginesAnswerInProcess(String kind, @TempDir Path dir) throws Exception {
        List<CustomerFacts> customers = demo();
        String url = emptyStore(kind);
        storeOf(url, customers);

        // the rules the store says are active, as the service records them (migration V6, files as JSON)
        try (Connection store = connect(url);
             PreparedStatement version = store.prepareStatement("INSERT INTO rule_version (hash, files_json, author, "
                     + "created_at, active) VALUES (?, ?, 'test', CURRENT_TIMESTAMP, TRUE)")) {
            RuleFiles shipped = RuleFiles.readDirectory(Path.of("../rules"));
            version.setString(1, shipped.version());
            version.setString(2, JsonSettings.newObjectMapper().writeValueAsString(shipped.files()));
            version.executeUpdate();
        }

        boolean h2 = kind.equals("h2");
        long classified = ClassifyJob.run(spark, new ClassifyJob.Options(AS_OF, ClassifyJob.STORE_RULES, null, url,
                h2 ? null : USER, h2 ? null : PASSWORD, dir.resolve("results").toString(), 3, null));

        assertThat(classified).isEqualTo(400);
        assertSameAnswers(dir.resolve("results"), engineAnswers(customers));
        assertThat(StoreTables.ranges(List.of("D000001", "D000134", "D000267"), "customer_id"))
                .containsExactly("customer_id < 'D000134'", "customer_id >= 'D000134' AND customer_id < 'D000267'",
                        "customer_id >= 'D000267'");
    }

    /** A database with the store's own schema (the service's migrations, in order), filled as the service would. */
    private static void storeOf(String url, List<CustomerFacts> customers) throws Exception {
        try (Connection store = connect(url); Statement ddl = store.createStatement()) {
            List<Path> migrations;
            try (var files = Files.list(Path.of("../service/src/main/resources/db/migration"))) {
                migrations = files.sorted(java.util.Comparator.comparingInt(file -> Integer.parseInt(
                        file.getFileName().toString().replaceAll("^V(\\d+)__.*$", "$1")))).toList();
            }
            for (Path migration : migrations) {
                for (String statement : Files.readString(migration).replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        ddl.execute(statement);
                    }
                }
            }
            for (Map.Entry<String, Dataset<Row>> table : StoreTables.of(spark, customers).entrySet()) {
                String[] names = table.getValue().columns();
                int columns = names.length;
                try (PreparedStatement insert = store.prepareStatement("INSERT INTO " + table.getKey() + " ("
                        + String.join(", ", names) + ") VALUES ("
                        + String.join(", ", Collections.nCopies(columns, "?")) + ")")) {
                    for (Row row : table.getValue().collectAsList()) {
                        for (int i = 0; i < columns; i++) {
                            insert.setObject(i + 1, row.get(i));
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    @Test
    void theChurnAndStructureReportsGiveTheServicesNumbersFromTheSameDefinitions(@TempDir Path dir) throws Exception {
        List<CustomerFacts> customers = demo();
        String url = "jdbc:h2:mem:spark-reports;DB_CLOSE_DELAY=-1";
        storeOf(url, customers);
        StoreTables.writeParquet(StoreTables.of(spark, customers), dir.resolve("store").toString());
        KpiReports reports = new KpiReports(spark, StoreTables.parquet(spark, dir.resolve("store").toString()));

        try (Connection store = connect(url)) {
            for (YearMonth month : List.of(YearMonth.of(2012, 3), YearMonth.of(2012, 9))) {
                List<Object> counts = onTheStore(store, Kpis.everyStore(Kpis.CUSTOMERS_RETURNING),
                        Kpis.monthly(month).parameters()).get(0);
                KpiReports.Cohort spark = reports.monthlyChurn(month);
                assertThat(List.of(normal(spark.cohort()), normal(spark.returned()))).as("monthly " + month)
                        .isEqualTo(counts);
                assertThat(spark.cohort()).isPositive();
            }
            List<Object> vehicles = onTheStore(store, Kpis.everyStore(Kpis.VEHICLES_RETURNING),
                    Kpis.annual(AS_OF).parameters()).get(0);
            KpiReports.Cohort annual = reports.annualChurn(AS_OF);
            assertThat(List.of(normal(annual.cohort()), normal(annual.returned()))).isEqualTo(vehicles);
            assertThat(annual.churn()).isEqualTo(Kpis.ratio(annual.cohort() - annual.returned(), annual.cohort()));

            for (String by : List.of("none", "region", "kind")) {
                List<List<Object>> expected = onTheStore(store, Kpis.everyStore(Kpis.CUSTOMER_STRUCTURE).replace("<group>",
                        Kpis.CUSTOMER_GROUPS.get(by)) + " ORDER BY group_value, bucket",
                        Map.of("from", LocalDate.of(2011, 10, 1), "to", AS_OF));
                List<List<Object>> actual = reports.structure(LocalDate.of(2011, 10, 1), AS_OF, by).stream()
                        .map(row -> List.of(normal(row.get(0)), normal(row.get(1)), normal(row.get(2)), normal(row.get(3)),
                                normal(row.get(4)))).toList();
                assertThat(actual).as("structure by " + by).isEqualTo(expected).isNotEmpty();
            }
        }
    }

    /** A value as the two databases can be compared: any number as a decimal without trailing zeros. */
    private static Object normal(Object value) {
        return value instanceof Number number ? new BigDecimal(number.toString()).stripTrailingZeros() : value;
    }

    /** A query of {@link jipan.core.kpi.Kpis} on the store, its :named parameters bound in order. */
    private static List<List<Object>> onTheStore(Connection store, String sql, Map<String, Object> parameters)
            throws Exception {
        Matcher names = Pattern.compile(":(\\w+)").matcher(sql);
        List<Object> values = new ArrayList<>();
        while (names.find()) {
            values.add(parameters.get(names.group(1)));
        }
        try (PreparedStatement query = store.prepareStatement(sql.replaceAll(":\\w+", "?"))) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            try (var result = query.executeQuery()) {
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.add(normal(result.getObject(i)));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The facts as the store hands them to the rules (CustomerDao's ORDER BY of each table). */
    private static CustomerFacts inStoreOrder(CustomerFacts facts) {
        List<Vehicle> vehicles = new ArrayList<>(facts.vehicles());
        vehicles.sort(Comparator.comparing(Vehicle::getVin));
        List<Visit> visits = new ArrayList<>(facts.visits());
        visits.sort(Comparator.comparing(Visit::getDate).thenComparing(Visit::getRoNumber));
        List<Lead> leads = new ArrayList<>(facts.leads());
        leads.sort(Comparator.comparing(Lead::getCreatedOn).thenComparing(Lead::getLeadId));
        return new CustomerFacts(facts.customer(), vehicles, visits, leads, facts.complaints(), facts.events(),
                facts.referrals(), facts.surveys());
    }
}
