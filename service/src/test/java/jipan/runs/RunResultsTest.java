package jipan.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jipan.core.RuleTexts;
import jipan.core.Lang;
import jipan.TestRequests;
import jipan.api.StoredClassification;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.core.CustomerUpsert;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RunResults;
import jipan.core.documents.JsonSettings;
import jipan.core.scenarios.DemoDealership;
import jipan.db.ClassificationRunRow;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.TestDatabases;
import jipan.lifecycle.LiveRules;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run made elsewhere (the Spark job's {@code --run-out} directory: a manifest and JSON lines written with the
 * engine's JSON settings) stored with {@code store-run} is the same run as {@code classify-all}'s on the same
 * store and rules: every stored result (read back), follow-up, lead and vehicle row alike; a result for a customer the store
 * does not have fails the run and names the customer. On H2 and PostgreSQL.
 */
class RunResultsTest {
    private static final LocalDate AS_OF = LocalDate.of(2012, 9, 30);
    private static final Classifier CLASSIFIER = jipan.ShippedRules.classifier(Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aRunStoredFromOutsideEqualsClassifyAllsOnTheSameStore(String kind, @TempDir Path dir) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = new CustomerStore(database.jdbi());
            DemoDealership dealership = new DemoDealership(11L, AS_OF);
            List<CustomerUpsert> customers = new ArrayList<>();
            for (int i = 1; i <= 300; i++) {
                customers.add(CustomerUpsert.complete(dealership.customer(i)));
            }
            store.upsert(customers);
            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store,
                    new LiveRules(CLASSIFIER), TestRequests.JSON, 100, 2);
            ClassificationRunRow classifyAll = runs.execute(runs.create(AS_OF).id(), done -> { });

            // what the Spark job writes: the engine's answers for the store's facts, as JSON lines, and a manifest
            ObjectMapper engineJson = JsonSettings.newObjectMapper();
            List<String> lines = new ArrayList<>();
            for (CustomerFacts facts : store.page("", 1_000)) {
                lines.add(engineJson.writeValueAsString(CLASSIFIER.classify(AS_OF, facts)));
            }
            Files.write(dir.resolve(RunResults.PART_PREFIX + "00000-x.txt"), lines.subList(0, 150));
            Files.write(dir.resolve(RunResults.PART_PREFIX + "00001-x.txt"), lines.subList(150, lines.size()));
            engineJson.writeValue(dir.resolve(RunResults.MANIFEST).toFile(),
                    new RunResults(AS_OF, CLASSIFIER.rulesetVersion(), lines.size(),
                            CLASSIFIER.rules().texts().all()));

            RunResultsFiles files = RunResultsFiles.open(dir, TestRequests.JSON);
            ClassificationRunRow stored = runs.store(files.manifest().asOf(), files.manifest().rulesetVersion(),
                    RuleTexts.of(files.manifest().texts()), (int) files.manifest().customers(), files.results(), done -> { });

            assertThat(stored.status()).isEqualTo("DONE");
            assertThat(stored.customersDone()).isEqualTo(300).isEqualTo(classifyAll.customersDone());
            assertThat(stored.rulesetVersion()).isEqualTo(classifyAll.rulesetVersion());
            for (String table : List.of("classification_result", "follow_up", "classification_lead", "classification_vehicle")) {
                assertThat(rows(database, table, stored.id())).as(table).isEqualTo(rows(database, table, classifyAll.id()))
                        .isNotEmpty();
            }
            // the stored answers read back alike (each run numbers the rules its answers name by itself)
            List<String> ids = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT customer_id FROM classification_result WHERE run_id = :run").bind("run", stored.id())
                    .mapTo(String.class).list());
            assertThat(ids).hasSize(300);
            for (String id : ids) {
                List<StoredClassification> both = runs.classificationsOf(id, Lang.ZH);
                assertThat(both).extracting(StoredClassification::runId)
                        .containsExactlyInAnyOrder(stored.id(), classifyAll.id());
                assertThat(both.get(0).result()).as(id).isEqualTo(both.get(1).result());
            }

            // results from another store: refused, the customer named
            Files.write(dir.resolve(RunResults.PART_PREFIX + "00002-x.txt"), List.of(lines.get(0).replace("\"D000001\"",
                    "\"NOT-HERE\"")));
            ClassificationRunRow foreign = runs.store(AS_OF, CLASSIFIER.rulesetVersion(), CLASSIFIER.rules().texts(), 301,
                    RunResultsFiles.open(dir, TestRequests.JSON).results(), done -> { });
            assertThat(foreign.status()).isEqualTo("FAILED");
            assertThat(foreign.error()).contains("customer NOT-HERE of the results is not in this store");
        });
    }

    /**
     * A run's rows of a table, without the run id (and the stored answer's JSON, whose rule numbers are the run's
     * own: compared read back above), as comparable text.
     */
    private static List<String> rows(Database database, String table, long run) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM " + table + " WHERE run_id = :run")
                .bind("run", run).mapToMap().list()).stream().map(row -> {
                    Map<String, Object> copy = new HashMap<>(row);
                    copy.remove("run_id");
                    copy.remove("result_json");
                    return new TreeMap<>(copy).toString();
                }).sorted().toList();
    }
}
