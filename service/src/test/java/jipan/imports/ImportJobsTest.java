package jipan.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jipan.TestRequests;
import jipan.api.ImportJob;
import jipan.api.ImportReport;
import jipan.db.Database;
import jipan.db.ImportJobDao;
import jipan.db.TestDatabases;
import jipan.db.WorkOwner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Import jobs live in the store: any instance sees them, ids never repeat, a cut-off job says so. */
class ImportJobsTest {

    private static ImportJob awaitFinished(ImportJobs jobs, long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            ImportJob job = jobs.find(id).orElseThrow();
            if (job.report().status() != ImportReport.Status.QUEUED && job.report().status() != ImportReport.Status.RUNNING) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void jobsAreStoredSeenByEveryInstanceAndMarkedWhenCutOff(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                ImportJobs one = new ImportJobs(new DmsImporter(database.jdbi(), Map.of(), 3), executor,
                        database.jdbi(), TestRequests.JSON);
                ImportJobs another = new ImportJobs(new DmsImporter(database.jdbi(), Map.of(), 3), executor,
                        database.jdbi(), TestRequests.JSON);
                long first;
                try (InputStream csv = Files.newInputStream(Path.of("src/test/resources/imports/customers-utf8-bom.csv"))) {
                    first = one.start(ImportKind.CUSTOMERS, "customers.csv", csv, null).id();
                }

                ImportJob done = awaitFinished(another, first);
                assertThat(done.report().status()).isEqualTo(ImportReport.Status.DONE);
                assertThat(done.report().imported()).isPositive();
                assertThat(done.file()).isEqualTo("customers.csv");

                long second;
                try (InputStream csv = Files.newInputStream(Path.of("src/test/resources/imports/customers-utf8-bom.csv"))) {
                    second = another.start(ImportKind.CUSTOMERS, "again.csv", csv, null).id();
                }
                awaitFinished(one, second);
                assertThat(second).isGreaterThan(first);
                assertThat(one.latest(10)).extracting(ImportJob::id).containsSubsequence(second, first);

                // an import of an instance that is alive (its heartbeat is fresh) and one of an instance that stopped
                long alive = database.jdbi().withExtension(ImportJobDao.class, dao -> {
                    long id = dao.insert("repair-orders", "live.csv", "a-live-node", null, "default");
                    dao.update("a-live-node", id, "RUNNING", "UTF-8", 100, 100, 0, "[]", null, "csv", 0, 100, 0, 0, null);
                    return id;
                });
                long cut = database.jdbi().withExtension(ImportJobDao.class, dao -> {
                    long id = dao.insert("repair-orders", "ro.csv", "a-stopped-node", null, "default");
                    dao.update("a-stopped-node", id, "RUNNING", "UTF-8", 5_000, 4_000, 2, "[]", null, "csv", 0, 4_000, 0, 0, null);
                    return id;
                });
                database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE import_job SET heartbeat_at = "
                        + "heartbeat_at - INTERVAL '2' MINUTE WHERE id = :id").bind("id", cut).execute());
                assertThat(one.markInterrupted()).isEqualTo(1);
                assertThat(another.find(alive).orElseThrow().report().status()).isEqualTo(ImportReport.Status.RUNNING);
                ImportJob interrupted = another.find(cut).orElseThrow();
                assertThat(interrupted.report().status()).isEqualTo(ImportReport.Status.INTERRUPTED);
                assertThat(interrupted.report().imported()).isEqualTo(4_000);
                assertThat(interrupted.report().failure()).contains("the instance doing the import stopped")
                        .contains("POST /api/v1/imports/" + cut + "/resume");
                assertThat(another.find(first).orElseThrow().report().status()).isEqualTo(ImportReport.Status.DONE);
            } finally {
                executor.shutdownNow();
            }
        });
    }

    private static long uploadParts(Database database) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM import_upload")
                .mapTo(Long.class).one());
    }

    private static ImportJobs instance(Database database, ExecutorService executor, String owner) {
        ImportJobs jobs = new ImportJobs(new DmsImporter(database.jdbi(), Map.of(), 2), executor, database.jdbi(),
                TestRequests.JSON);
        jobs.owner(new WorkOwner(owner, Duration.ofSeconds(10), Duration.ofSeconds(60)));
        return jobs;
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aStoppedInstancesImportIsTakenOverOnceFromTheUploadKeptInTheStore(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            ExecutorService stuck = Executors.newSingleThreadExecutor(); // node A: its import never gets to run
            CountDownLatch aComesBack = new CountDownLatch(1);
            stuck.submit(() -> {
                aComesBack.await();
                return null;
            });
            ExecutorService working = Executors.newFixedThreadPool(2);
            try {
                ImportJobs a = instance(database, stuck, "node-a");
                ImportJobs b = instance(database, working, "node-b");
                ImportJobs c = instance(database, working, "node-c");
                byte[] file = Files.readAllBytes(Path.of("src/test/resources/imports/customers-utf8-bom.csv"));
                long id = a.start(ImportKind.CUSTOMERS, "customers.csv", new ByteArrayInputStream(file), null).id();

                assertThatThrownBy(() -> b.resume(id)).as("A is alive").isInstanceOf(ImportJobs.OwnedElsewhere.class)
                        .hasMessageContaining("node-a").hasMessageContaining("last heartbeat");
                assertThat(b.markInterrupted()).isZero();

                database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE import_job SET heartbeat_at = "
                        + "heartbeat_at - INTERVAL '2' MINUTE WHERE id = :id").bind("id", id).execute());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> tries = new ArrayList<>();
                for (ImportJobs node : List.of(b, c)) {
                    tries.add(Executors.newSingleThreadExecutor().submit(() -> {
                        go.await();
                        try {
                            node.resume(id);
                            return "resumed";
                        } catch (ImportJobs.OwnedElsewhere e) {
                            return "refused";
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> outcome : tries) {
                    outcomes.add(outcome.get(60, TimeUnit.SECONDS));
                }
                assertThat(outcomes).containsExactlyInAnyOrder("resumed", "refused");

                ImportJob done = awaitFinished(b, id);
                assertThat(done.report().status()).isEqualTo(ImportReport.Status.DONE);
                assertThat(done.owner()).isIn("node-b", "node-c");
                long rows = file.length == 0 ? 0 : new String(file, StandardCharsets.UTF_8).lines().count() - 1;
                assertThat(done.report().rowsRead()).isEqualTo(rows);
                assertThat(done.report().imported() + done.report().rejected()).isEqualTo(rows);
                assertThat(uploadParts(database)).as("the upload is dropped once the import has ended").isZero();
                assertThatThrownBy(() -> c.resume(id)).isInstanceOf(ImportJobs.NothingToResume.class)
                        .hasMessageContaining("DONE");

                // A comes back and runs its queued import: it no longer owns it, so it writes nothing
                aComesBack.countDown();
                stuck.shutdown();
                assertThat(stuck.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                ImportJob after = b.find(id).orElseThrow();
                assertThat(after.report()).isEqualTo(done.report());
                assertThat(after.owner()).isEqualTo(done.owner());
            } finally {
                aComesBack.countDown();
                stuck.shutdownNow();
                working.shutdownNow();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void anUploadOverTheLimitLeavesNoJob(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                ImportJobs jobs = instance(database, executor, "node-a");
                jobs.maxUploadMegabytes(1);
                byte[] big = new byte[ImportJobs.PART_BYTES + 10];
                assertThatThrownBy(() -> jobs.start(ImportKind.CUSTOMERS, "big.csv", new ByteArrayInputStream(big), null))
                        .isInstanceOf(ImportJobs.UploadTooLarge.class).hasMessageContaining("1 MiB")
                        .hasMessageContaining("imports.maxUploadMegabytes");
                assertThat(jobs.latest(10)).isEmpty();
                assertThat(uploadParts(database)).isZero();
            } finally {
                executor.shutdownNow();
            }
        });
    }
}
