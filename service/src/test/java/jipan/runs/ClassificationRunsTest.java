package jipan.runs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import jipan.TestRequests;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.CustomerFactsReader;
import jipan.db.ClassificationRunDao;
import jipan.db.ClassificationRunRow;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.StoredResultRow;
import jipan.db.TestDatabases;
import jipan.lifecycle.LiveRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Batch classification of the stored base, on a real H2 and a real PostgreSQL. */
class ClassificationRunsTest {
    private static final LocalDate AS_OF = LocalDate.of(2012, 9, 30);
    private static final Classifier CLASSIFIER = new Classifier(
            new RuleCompiler().compile(RuleFiles.readDirectory(Path.of("../rules"))), 10_000);
    private static final LiveRules LIVE = new LiveRules(CLASSIFIER, null, LiveRules.Publication.NONE);

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void storesEveryCustomersResultWithTheRunsDateAndRuleSet(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = storeWithTwoCustomers(database);
            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, LIVE, TestRequests.JSON, 1);

            ClassificationRunRow run = runs.execute(runs.create(AS_OF).id(), done -> { });

            assertThat(run.status()).isEqualTo("DONE");
            assertThat(run.customersDone()).isEqualTo(2).isEqualTo(run.customersTotal());
            assertThat(run.rulesetVersion()).isEqualTo(CLASSIFIER.rulesetVersion());
            StoredResultRow k1 = runs.historyOf("K1").get(0);
            Classification expected = CLASSIFIER.classify(AS_OF, store.find("K1").orElseThrow());
            assertThat(k1.asOf()).isEqualTo(AS_OF);
            assertThat(k1.tier()).isEqualTo(expected.tier().name());
            assertThat(k1.baseGrade()).isEqualTo(expected.baseGrade().name());
            assertThat(k1.resultJson()).contains("\"customerId\":\"K1\"", "\"reasons\"");
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aSecondRunForTheSameDateWhileOneIsRunningIsRefusedNamingIt(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = storeWithTwoCustomers(database);
            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, LIVE, TestRequests.JSON, 1);
            ClassificationRunRow first = runs.create(AS_OF);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runs.create(AS_OF))
                    .isInstanceOf(ClassificationRuns.AlreadyRunning.class)
                    .hasMessageContaining("classification run " + first.id() + " for 2012-09-30 is running");
            assertThat(runs.create(AS_OF.minusMonths(1)).status()).isEqualTo("RUNNING");

            runs.execute(first.id(), done -> { });
            assertThat(runs.create(AS_OF).id()).isGreaterThan(first.id());
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aRunStoppedHalfWayResumesAfterTheLastStoredCustomer(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = storeWithTwoCustomers(database);
            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, LIVE, TestRequests.JSON, 1);
            long runId = runs.create(AS_OF).id();
            AtomicInteger pages = new AtomicInteger();

            ClassificationRunRow stopped = runs.execute(runId, done -> {
                if (pages.incrementAndGet() == 1) {
                    throw new IllegalStateException("the machine went down");
                }
            });

            assertThat(stopped.status()).isEqualTo("FAILED");
            assertThat(stopped.error()).isEqualTo("the machine went down");
            assertThat(stopped.customersDone()).isEqualTo(1);

            ClassificationRunRow resumed = runs.execute(runId, done -> { });

            assertThat(resumed.status()).isEqualTo("DONE");
            assertThat(resumed.customersDone()).isEqualTo(2);
            assertThat(runs.historyOf("K1")).hasSize(1);
            assertThat(runs.historyOf("K2")).hasSize(1);
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void twoRunsCompareAsATierMigrationMatrix(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = storeWithTwoCustomers(database);
            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, LIVE, TestRequests.JSON, 10);
            long early = runs.execute(runs.create(LocalDate.of(2012, 9, 30)).id(), done -> { }).id();
            long late = runs.execute(runs.create(LocalDate.of(2014, 1, 1)).id(), done -> { }).id();

            // K1 has one customer-pay visit in the year to 2012-09-30 (C) and none in 2013 (D);
            // K2 never visited and bought nothing recently (D both times)
            assertThat(new jipan.reports.Reports(database.jdbi(), java.time.Clock.systemUTC())
                    .tierMigration(early, late)).containsExactly(
                    new jipan.reports.Reports.TierMove("C", "D", 1),
                    new jipan.reports.Reports.TierMove("D", "D", 1));
        });
    }

    private static CustomerStore storeWithTwoCustomers(Database database) {
        CustomerStore store = new CustomerStore(database.jdbi());
        store.upsert(new CustomerFactsReader().readUpsertBatch(TestRequests.json("../customers/two-customers.json")));
        return store;
    }
}
