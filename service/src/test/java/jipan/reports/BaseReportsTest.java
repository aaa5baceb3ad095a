package jipan.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import jipan.core.documents.CustomerFactsReader;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.TestDatabases;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The customer-base tables on six hand-made customers (src/test/resources/reports/base-customers.json) and two
 * hand-made runs, on a real H2 and a real PostgreSQL: every figure below is counted by hand in the comments.
 */
class BaseReportsTest {
    private static final Clock NOW = Clock.fixed(LocalDate.of(2013, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    private static final LocalDate FROM = LocalDate.of(2012, 1, 1);
    private static final LocalDate TO = LocalDate.of(2012, 9, 30);

    private static BaseReports stored(Database database) throws Exception {
        new CustomerStore(database.jdbi()).upsert(new CustomerFactsReader().readUpsertBatch(new ObjectMapper()
                .readTree(Files.readString(Path.of("src/test/resources/reports/base-customers.json")))));
        return new Reports(database.jdbi(), NOW).base();
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void lifecycleOwnSoldModelsRetainedAndGrowth(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            BaseReports reports = stored(database);

            // 2012-01..09: C1's car did its first maintenance (2 visits, 600); C2's warranty ended in 2011 (2 visits,
            // 2,000); C4's car has no warranty end (1 visit, no amount); C3's car did not come
            assertThat(reports.lifecycleStructure(FROM, TO)).extracting(BaseReports.StageLine::stage,
                    BaseReports.StageLine::vehicles, BaseReports.StageLine::visits, BaseReports.StageLine::revenue,
                    BaseReports.StageLine::vehicleShare).usingRecursiveFieldByFieldElementComparator(
                            org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                    .containsExactly(
                            tuple("FIRST_MAINTENANCE", 1, 2, new BigDecimal("600"), new BigDecimal("0.3333")),
                            tuple("IN_WARRANTY", 0, 0, BigDecimal.ZERO, new BigDecimal("0.0000")),
                            tuple("OUT_OF_WARRANTY", 1, 2, new BigDecimal("2000"), new BigDecimal("0.3333")),
                            tuple("UNKNOWN", 1, 1, BigDecimal.ZERO, new BigDecimal("0.3333")));
            BaseReports.StageLine first = reports.lifecycleStructure(FROM, TO).get(0);
            assertThat(first.averageTicket()).isEqualByComparingTo("300");
            assertThat(first.perVehicle()).isEqualByComparingTo("600");

            // as of 2012-09-30 the cohort visited after 2010-09-30 up to 2011-09-30: C3's car (sold here) and
            // C2's (bought elsewhere); only C2's came back
            assertThat(reports.churnByOrigin(TO)).extracting(BaseReports.OriginChurn::origin,
                    BaseReports.OriginChurn::cohort, BaseReports.OriginChurn::lost, BaseReports.OriginChurn::churn)
                    .containsExactly(tuple("BOUGHT_HERE", 1, 1, new BigDecimal("1.0000")),
                            tuple("BOUGHT_ELSEWHERE", 1, 0, new BigDecimal("0.0000")),
                            tuple("TOTAL", 2, 1, new BigDecimal("0.5000")));

            // the structure by origin counts vehicles: C1's (sold here) 2 visits; C2's 2 and C4's 1, bought elsewhere
            assertThat(new Reports(database.jdbi(), NOW).structure(FROM, TO, "origin")).extracting(
                    Reports.StructureLine::group, Reports.StructureLine::bucket, Reports.StructureLine::customers,
                    Reports.StructureLine::visitShare).containsExactly(
                            tuple("BOUGHT_ELSEWHERE", "2", 1, new BigDecimal("0.6667")),
                            tuple("BOUGHT_ELSEWHERE", "1", 1, new BigDecimal("0.3333")),
                            tuple("BOUGHT_HERE", "2", 1, new BigDecimal("1.0000")));

            // models by revenue: 英朗 2 visits 2,000, 科鲁兹 2 visits 600, no model 1 visit
            List<BaseReports.ModelLine> models = reports.models(FROM, TO);
            assertThat(models).extracting(BaseReports.ModelLine::model).containsExactly("英朗", "科鲁兹", "");
            assertThat(models.get(0).visitShare()).isEqualByComparingTo("0.4000");
            assertThat(models.get(0).revenueShare()).isEqualByComparingTo("0.7692");
            assertThat(models.get(0).vehicleShare()).isEqualByComparingTo("0.3333");

            // base customers at 2012-09's end: C1 and C3 (cars sold here), C2 and C4 (visits); C5 and C6 neither.
            // Retained, a customer-pay visit since 2011-10: C1, C2, C4. At 2011-10's end: C1, C2, C3 in the base,
            // C2 (2011-03) and C3 (2011-02) retained
            List<BaseReports.RetainedMonth> retained = reports.retained(YearMonth.of(2012, 9));
            assertThat(retained).hasSize(12);
            assertThat(retained.get(11)).extracting(BaseReports.RetainedMonth::baseCustomers,
                    BaseReports.RetainedMonth::retained, BaseReports.RetainedMonth::retainedRate)
                    .containsExactly(4, 3, new BigDecimal("0.7500"));
            assertThat(retained.get(0)).extracting(BaseReports.RetainedMonth::month,
                    BaseReports.RetainedMonth::baseCustomers, BaseReports.RetainedMonth::retained)
                    .containsExactly(YearMonth.of(2011, 10), 3, 2);
            assertThat(new Reports(database.jdbi(), NOW, 2).base().retained(YearMonth.of(2012, 9)).get(11).retained())
                    .as("two customer-pay visits needed: C2 alone").isEqualTo(1);

            // 2012-01-01..06-30: C1 (0 + 600), C2 (500), C4 (no amount): 3 customers, 4 visits, 1,100. A year earlier
            // C2 (1,000) and C3 (400); the 182 days before, nobody. Existing customers (a visit a year earlier): C2
            List<BaseReports.GrowthLine> growth = reports.growth(FROM, LocalDate.of(2012, 6, 30));
            assertThat(growth).extracting(BaseReports.GrowthLine::comparison, BaseReports.GrowthLine::scope,
                    BaseReports.GrowthLine::customers, BaseReports.GrowthLine::visits,
                    BaseReports.GrowthLine::previousCustomers, BaseReports.GrowthLine::revenueGrowth)
                    .containsExactly(
                            tuple("YEAR_OVER_YEAR", "ALL", 3, 4, 2, new BigDecimal("-0.2143")),
                            tuple("YEAR_OVER_YEAR", "EXISTING", 1, 1, 2, new BigDecimal("-0.6429")),
                            tuple("PERIOD_OVER_PERIOD", "ALL", 3, 4, 0, null),
                            tuple("PERIOD_OVER_PERIOD", "EXISTING", 0, 0, 0, null));
            assertThat(growth.get(2).previousFrom()).isEqualTo(LocalDate.of(2011, 7, 3));
            assertThat(growth.get(2).previousTo()).isEqualTo(LocalDate.of(2011, 12, 31));
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void gradesLoyaltyDefeatsAndDataQuality(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            BaseReports reports = stored(database);
            long[] runs = database.jdbi().withHandle(handle -> new long[] {
                run(handle, "2011-09-30", new String[][] {{"C1", "PREMIUM", null}, {"C2", "GENERAL", null},
                        {"C3", "POTENTIAL", null}}),
                run(handle, "2012-09-30", new String[][] {{"C1", "PREMIUM", "LOYAL 9 2 3 2 2"},
                        {"C2", "POTENTIAL", "ORDINARY 6 2 2 1 1"}, {"C3", "GENERAL", "LOST 3 1 1 0 1"},
                        {"C4", "GENERAL", "WEAK 4"}})});
            Reports all = new Reports(database.jdbi(), NOW);
            Reports.RunPair pair = all.runsOrOne(null, null);
            assertThat(pair.from().id()).isEqualTo(runs[0]);

            // 惠城区: C1 premium in both, C3 potential then general; C4 has no region ('')
            List<BaseReports.GradeLine> grades = reports.gradeStructure("region", pair.from(), pair.to());
            assertThat(grades).filteredOn(line -> line.group().equals("惠城区")).extracting(
                    BaseReports.GradeLine::baseGrade, BaseReports.GradeLine::earlierCustomers,
                    BaseReports.GradeLine::laterCustomers, BaseReports.GradeLine::change).containsExactly(
                            tuple("PREMIUM", 1, 1, 0), tuple("POTENTIAL", 1, 0, -1), tuple("GENERAL", 0, 1, 1),
                            tuple("TOTAL", 2, 2, 0));
            assertThat(grades).filteredOn(line -> line.group().equals("TOTAL")).extracting(
                    BaseReports.GradeLine::baseGrade, BaseReports.GradeLine::earlierCustomers,
                    BaseReports.GradeLine::laterCustomers, BaseReports.GradeLine::laterShare).containsExactly(
                            tuple("PREMIUM", 1, 1, new BigDecimal("0.2500")), tuple("POTENTIAL", 1, 1, new BigDecimal("0.2500")),
                            tuple("GENERAL", 1, 2, new BigDecimal("0.5000")), tuple("TOTAL", 3, 4, new BigDecimal("1.0000")));
            assertThat(grades.get(grades.size() - 1).group()).isEqualTo("TOTAL");
            assertThat(reports.gradeCell(runs[1], "region", "惠城区", "GENERAL")).extracting(
                    BaseReports.GradeCustomer::customerId).containsExactly("C3");
            assertThat(reports.gradeCell(runs[1], "region", "TOTAL", "GENERAL")).extracting(
                    BaseReports.GradeCustomer::customerId).containsExactly("C3", "C4");
            assertThatThrownBy(() -> reports.gradeCell(runs[1], "region", "惠城区", "GOLD"))
                    .hasMessageStartingWith("grade: must be one of");

            // loyalty in the later run: averages of the parts over the customers whose parts are stored (not C4)
            List<BaseReports.LoyaltyLine> loyalty = reports.loyalty(runs[1], "none");
            assertThat(loyalty).extracting(BaseReports.LoyaltyLine::loyaltyLevel, BaseReports.LoyaltyLine::customers,
                    BaseReports.LoyaltyLine::averageScore).containsExactly(tuple("LOYAL", 1, new BigDecimal("9.00")),
                    tuple("ORDINARY", 1, new BigDecimal("6.00")), tuple("WEAK", 1, new BigDecimal("4.00")),
                    tuple("LOST", 1, new BigDecimal("3.00")));
            assertThat(loyalty.get(2).averageSatisfaction()).isNull();
            assertThat(loyalty.get(0).averageMaintenance()).isEqualByComparingTo("3");
            assertThat(reports.loyaltyScores(runs[1])).hasSize(11).filteredOn(line -> line.customers() > 0)
                    .extracting(BaseReports.ScoreLine::score).containsExactly(3, 4, 6, 9);

            // leads closed in 2012-01..09: L1 won by C1, a customer since 2012-01-10; L2 defeated and L3 won by C6,
            // who never visited nor bought a car here before
            assertThat(reports.winRateBySegment(FROM, TO)).extracting(BaseReports.SegmentWinRate::segment,
                    BaseReports.SegmentWinRate::won, BaseReports.SegmentWinRate::defeated,
                    BaseReports.SegmentWinRate::winRate).containsExactly(
                            tuple("EXISTING", 1, 0, new BigDecimal("1.0000")),
                            tuple("NEW_PROSPECT", 1, 1, new BigDecimal("0.5000")),
                            tuple("TOTAL", 2, 1, new BigDecimal("0.6667")));
            assertThat(reports.defeatsByConsultant(FROM, TO)).extracting(BaseReports.ConsultantLine::consultant,
                    BaseReports.ConsultantLine::closed, BaseReports.ConsultantLine::defeatRate).containsExactly(
                            tuple("张伟", 2, new BigDecimal("0.5000")), tuple("李娜", 1, new BigDecimal("0.0000")));
            Reports.Conquest conquest = all.conquest(FROM, TO);
            assertThat(conquest.defeated()).isEqualTo(1);
            assertThat(conquest.laterBought()).as("C6 won L3 after L2's defeat").isEqualTo(1);

            // six customers: C4 has no phone, C1 and C5 share one; five vehicles: C4's has no purchase date, C5's VIN
            // is C1's in lower case; seven repair orders: C4's has no service type and no amount
            assertThat(reports.dataQuality()).extracting(BaseReports.QualityLine::check, BaseReports.QualityLine::count,
                    BaseReports.QualityLine::total).containsExactly(
                            tuple("NO_PHONE", 1, 6), tuple("DUPLICATE_PHONE", 2, 6), tuple("NO_PURCHASE_DATE", 2, 5),
                            tuple("DUPLICATE_VIN", 2, 5), tuple("NO_PAY_TYPE", 0, 7), tuple("NO_SERVICE_TYPE", 1, 7),
                            tuple("NO_AMOUNT", 1, 7));
            assertThat(reports.dataQualityRows("DUPLICATE_PHONE")).extracting(BaseReports.QualityRecord::customerId)
                    .containsExactly("C1", "C5");
            assertThat(reports.dataQualityRows("DUPLICATE_VIN")).extracting(BaseReports.QualityRecord::key)
                    .containsExactly("LSGBASE0000000C11", "lsgbase0000000c11");
            assertThat(reports.dataQualityRows("NO_AMOUNT")).extracting(BaseReports.QualityRecord::key)
                    .containsExactly("C4-1");
            assertThatThrownBy(() -> reports.dataQualityRows("NO_SUCH")).hasMessageStartingWith("check: must be one of");

            // the latest import of each kind: of two surveys imports the later one
            database.jdbi().useHandle(handle -> {
                for (String[] job : new String[][] {{"surveys", "a.csv", "DONE"}, {"surveys", "b.csv", "FAILED"},
                        {"customers", "c.xlsx", "DONE"}}) {
                    handle.createUpdate("""
                            INSERT INTO import_job (kind, file_name, status, started_at, updated_at)
                            VALUES (:kind, :file, :status, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                            """).bind("kind", job[0]).bind("file", job[1]).bind("status", job[2]).execute();
                }
            });
            assertThat(reports.latestImports()).extracting(BaseReports.ImportLine::importKind,
                    BaseReports.ImportLine::fileName, BaseReports.ImportLine::status).containsExactly(
                            tuple("customers", "c.xlsx", "DONE"), tuple("surveys", "b.csv", "FAILED"));
        });
    }

    /**
     * A finished run as of {@code asOf} with each customer's grade and, as "LEVEL score [satisfaction maintenance
     * activity advocacy]", their loyalty.
     */
    private static long run(Handle handle, String asOf, String[][] results) {
        long id = handle.createUpdate("""
                INSERT INTO classification_run (as_of, ruleset_version, status, customers_total, customers_done,
                                                started_at, finished_at)
                VALUES (:asOf, 'hand-made', 'DONE', :n, :n, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """).bind("asOf", LocalDate.parse(asOf)).bind("n", results.length)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        for (String[] result : results) {
            String[] loyalty = result[2] == null ? new String[0] : result[2].split(" ");
            handle.createUpdate("""
                    INSERT INTO classification_result (run_id, customer_id, as_of, ruleset_version, base_grade,
                        loyalty_level, loyalty_score, loyalty_satisfaction, loyalty_maintenance, loyalty_activity,
                        loyalty_advocacy, result_json)
                    VALUES (:run, :customer, :asOf, 'hand-made', :grade, :level, :score, :s, :m, :a, :v, '{}')
                    """).bind("run", id).bind("customer", result[0]).bind("asOf", LocalDate.parse(asOf))
                    .bind("grade", result[1]).bind("level", loyalty.length > 0 ? loyalty[0] : null)
                    .bind("score", loyalty.length > 1 ? Integer.valueOf(loyalty[1]) : null)
                    .bind("s", part(loyalty, 2)).bind("m", part(loyalty, 3)).bind("a", part(loyalty, 4))
                    .bind("v", part(loyalty, 5)).execute();
        }
        return id;
    }

    private static Integer part(String[] loyalty, int i) {
        return loyalty.length > i ? Integer.valueOf(loyalty[i]) : null;
    }
}
