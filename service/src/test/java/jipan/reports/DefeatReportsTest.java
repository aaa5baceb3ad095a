package jipan.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import jipan.core.Lang;
import jipan.TestRequests;
import jipan.api.MovedCustomers;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.CustomerFactsReader;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.ReportDao;
import jipan.db.TestDatabases;
import jipan.lifecycle.LiveRules;
import jipan.runs.CallLists;
import jipan.runs.ClassificationRuns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The defeat analysis on a real H2 and a real PostgreSQL. */
class DefeatReportsTest {
    private static final Classifier CLASSIFIER = jipan.ShippedRules.classifier(10_000);
    private static final LiveRules LIVE = new LiveRules(CLASSIFIER);
    private static final LocalDate FROM = LocalDate.of(2012, 1, 1);
    private static final LocalDate TO = LocalDate.of(2012, 9, 30);

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void defeatsByCategoryCompetitorMonthAndConquest(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerFactsReader reader = new CustomerFactsReader();
            CustomerStore store = new CustomerStore(database.jdbi());
            store.upsert(reader.readUpsertBatch(TestRequests.json("../customers/two-customers.json")));
            store.upsert(reader.readUpsertBatch(TestRequests.json("../customers/k2-leads.json")));
            Reports reports = new Reports(database.jdbi(), Clock.systemUTC());

            assertThatThrownBy(() -> reports.leadsByCategory(null)).hasMessageStartingWith("run: no finished");

            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, LIVE, TestRequests.JSON, 10);
            long run = runs.execute(runs.create(TO).id(), done -> { }).id();

            assertThat(reports.leadsByCategory(null)).containsExactly(
                    new Reports.CategoryLine(run, "PRICE", 1, 1),
                    new Reports.CategoryLine(run, "STALLED", 1, 0),
                    new Reports.CategoryLine(run, "UNANALYSED", 1, 0));
            assertThat(reports.defeatsByCompetitor(FROM, TO)).containsExactly(
                    new Reports.CompetitorLine("", "", 1),
                    new Reports.CompetitorLine("大众", "朗逸", 1));
            assertThat(reports.defeatRateByMonth(FROM, TO)).containsExactly(
                    new Reports.MonthDefeatRate(YearMonth.of(2012, 4), 1, 1, new BigDecimal("0.5000")),
                    new Reports.MonthDefeatRate(YearMonth.of(2012, 5), 0, 1, new BigDecimal("1.0000")));
            assertThat(reports.structure(FROM, TO, "model")).singleElement().satisfies(line -> {
                assertThat(line.group()).isEqualTo("科鲁兹");
                assertThat(line.bucket()).isEqualTo("2");
                assertThat(line.customers()).isEqualTo(1);
            });
            assertThat(reports.structure(FROM, TO, "lifecycle")).extracting(Reports.StructureLine::group)
                    .containsExactly("IN_WARRANTY");
            assertThat(reports.structureYearOverYear(FROM, TO, "none")).extracting(Reports.YearOverYearLine::period)
                    .containsExactly("2012-01-01..2012-09-30");
            assertThatThrownBy(() -> reports.structure(FROM, TO, "colour"))
                    .hasMessageStartingWith("by: must be one of none, region, industry, kind, model, lifecycle");
            assertThat(reports.tierMigration(run, run)).containsExactly(
                    new Reports.TierMove("C", "C", 1),
                    new Reports.TierMove("PROSPECT", "PROSPECT", 1));
            assertThatThrownBy(() -> reports.tierMigration(run, 999L)).hasMessage("to: no classification run 999");
            assertThat(new CallLists(database.jdbi()).moved(run, run, "C", "C", 1, 10, Lang.EN).items())
                    .extracting(MovedCustomers.Line::customerId).containsExactly("K1");

            // K1 lost its lead on 2012-04-01 and came to the workshop on 2012-06-05; K2 never visited
            Reports.Conquest conquest = reports.conquest(FROM, TO);
            assertThat(conquest.defeated()).isEqualTo(2);
            assertThat(conquest.laterServiceCustomers()).isEqualTo(1);
        });
    }
}
