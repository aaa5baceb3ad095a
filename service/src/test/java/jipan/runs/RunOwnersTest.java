package jipan.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jipan.TestRequests;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.db.ClassificationRunRow;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.TestDatabases;
import jipan.db.WorkOwner;
import jipan.lifecycle.LiveRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Several instances on one store (in one JVM here, each with its own owner id): a run belongs to the instance doing
 * it; another instance leaves it alone while its heartbeat is fresh, and takes it over exactly once when it is not.
 */
class RunOwnersTest {
    private static final LocalDate AS_OF = LocalDate.of(2012, 9, 30);
    private static final LiveRules LIVE = new LiveRules(jipan.ShippedRules.classifier(10_000));

    private static ClassificationRuns instance(Database database, CustomerStore store, String name) {
        ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store, LIVE, TestRequests.JSON, 1);
        runs.owner(new WorkOwner(name, Duration.ofSeconds(10), Duration.ofSeconds(60)));
        return runs;
    }

    /** The owner stopped two minutes ago: its last heartbeat moved back. */
    private static void ownerStopped(Database database, long runId) {
        database.jdbi().useHandle(handle -> handle.createUpdate(
                "UPDATE classification_run SET heartbeat_at = heartbeat_at - INTERVAL '2' MINUTE WHERE id = :id")
                .bind("id", runId).execute());
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aStartingInstanceLeavesALiveInstancesRunAloneAndCannotResumeIt(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = ClassificationRunsTest.storeWithTwoCustomers(database);
            ClassificationRuns a = instance(database, store, "node-a");
            ClassificationRuns b = instance(database, store, "node-b");
            long runId = a.create(AS_OF).id();

            assertThat(b.markInterrupted()).isZero();
            assertThatThrownBy(() -> b.claim(runId)).isInstanceOf(ClassificationRuns.OwnedElsewhere.class)
                    .hasMessageContaining("is being run by node-a (last heartbeat ")
                    .hasMessageContaining("it can be resumed once that instance has stopped");
            ClassificationRunRow run = a.find(runId);
            assertThat(run.status()).isEqualTo("RUNNING");
            assertThat(run.owner()).isEqualTo("node-a");

            assertThat(a.execute(runId, done -> { }).status()).isEqualTo("DONE");
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aStoppedInstancesRunIsMarkedInterruptedOnlyAfterItsHeartbeatStopped(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = ClassificationRunsTest.storeWithTwoCustomers(database);
            long runId = instance(database, store, "node-a").create(AS_OF).id();
            ownerStopped(database, runId);

            ClassificationRuns b = instance(database, store, "node-b");
            assertThat(b.markInterrupted()).isEqualTo(1);
            ClassificationRunRow run = b.find(runId);
            assertThat(run.status()).isEqualTo("INTERRUPTED");
            assertThat(run.error()).startsWith("the instance running it stopped (no heartbeat from node-a since ");
            assertThat(b.execute(runId, done -> { }).status()).as("resumed by node-b").isEqualTo("DONE");
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void twoInstancesTakingOverADeadOwnersRunAtOnceOneWinsAndEveryCustomerIsStoredOnce(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            CustomerStore store = ClassificationRunsTest.storeWithTwoCustomers(database);
            ClassificationRuns a = instance(database, store, "node-a");
            long runId = a.create(AS_OF).id();
            ownerStopped(database, runId);

            List<ClassificationRuns> others = List.of(instance(database, store, "node-b"),
                    instance(database, store, "node-c"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> claims = new ArrayList<>();
            try {
                for (ClassificationRuns other : others) {
                    claims.add(pool.submit(() -> {
                        go.await();
                        try {
                            return other.claim(runId).owner();
                        } catch (ClassificationRuns.OwnedElsewhere refused) {
                            return "refused";
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> claim : claims) {
                    outcomes.add(claim.get());
                }
                assertThat(outcomes).containsOnlyOnce("refused").hasSize(2);
                String winner = outcomes.stream().filter(o -> !o.equals("refused")).findFirst().orElseThrow();
                ClassificationRuns takenBy = winner.equals("node-b") ? others.get(0) : others.get(1);

                // the old owner comes back: it may not write the run any more
                assertThatThrownBy(() -> a.execute(runId, done -> { }))
                        .isInstanceOf(ClassificationRuns.OwnedElsewhere.class);
                ClassificationRunRow done = takenBy.execute(runId, progress -> { });
                assertThat(done.status()).isEqualTo("DONE");
                assertThat(done.owner()).isEqualTo(winner);
                assertThat(done.customersDone()).isEqualTo(done.customersTotal()).isEqualTo(2);
                int stored = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM classification_result WHERE run_id = :id").bind("id", runId)
                        .mapTo(Integer.class).one());
                assertThat(stored).isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        });
    }
}
