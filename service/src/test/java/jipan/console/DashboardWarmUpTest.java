package jipan.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import jipan.TestRequests;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.CustomerFactsReader;
import jipan.db.CustomerStore;
import jipan.db.TestDatabases;
import jipan.lifecycle.LiveRules;
import jipan.reports.Reports;
import jipan.runs.ClassificationRuns;
import org.junit.jupiter.api.Test;

/** The start-up warm-up runs every report the dashboards open with, by the registry's definitions. */
class DashboardWarmUpTest {

    @Test
    void warmsEveryDashboardReportOnceThereAreRunsAndNothingBefore() throws Exception {
        TestDatabases.with("h2", database -> {
            DashboardWarmUp warmUp = new DashboardWarmUp(database.jdbi(),
                    new Reports(database.jdbi(), Clock.systemUTC()));
            assertThat(warmUp.warm()).isZero();

            CustomerStore store = new CustomerStore(database.jdbi());
            store.upsert(new CustomerFactsReader().readUpsertBatch(TestRequests.json("../call-lists/customers.json")));
            LiveRules live = new LiveRules(jipan.ShippedRules.classifier(10_000));
            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, live, TestRequests.JSON, 10);
            runs.execute(runs.create(LocalDate.of(2012, 8, 31)).id(), done -> { });
            // one run: the tier migration and the recapture have nothing to compare, the other reports run
            assertThat(warmUp.warm()).isEqualTo(20);
            runs.execute(runs.create(LocalDate.of(2012, 9, 30)).id(), done -> { });
            assertThat(warmUp.warm()).isEqualTo(22);
        });
    }
}
