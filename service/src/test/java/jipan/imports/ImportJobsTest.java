package jipan.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jipan.TestRequests;
import jipan.api.ImportJob;
import jipan.api.ImportReport;
import jipan.db.ImportJobDao;
import jipan.db.TestDatabases;
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
                    long id = dao.insert("repair-orders", "live.csv", "a-live-node");
                    dao.update(id, "RUNNING", "UTF-8", 100, 100, 0, "[]", null, "csv", 0, 100, 0, 0);
                    return id;
                });
                long cut = database.jdbi().withExtension(ImportJobDao.class, dao -> {
                    long id = dao.insert("repair-orders", "ro.csv", "a-stopped-node");
                    dao.update(id, "RUNNING", "UTF-8", 5_000, 4_000, 2, "[]", null, "csv", 0, 4_000, 0, 0);
                    return id;
                });
                database.jdbi().useHandle(handle -> handle.createUpdate("UPDATE import_job SET heartbeat_at = "
                        + "heartbeat_at - INTERVAL '2' MINUTE WHERE id = :id").bind("id", cut).execute());
                assertThat(one.markInterrupted()).isEqualTo(1);
                assertThat(another.find(alive).orElseThrow().report().status()).isEqualTo(ImportReport.Status.RUNNING);
                ImportJob interrupted = another.find(cut).orElseThrow();
                assertThat(interrupted.report().status()).isEqualTo(ImportReport.Status.INTERRUPTED);
                assertThat(interrupted.report().imported()).isEqualTo(4_000);
                assertThat(interrupted.report().failure()).contains("the service stopped during the import");
                assertThat(another.find(first).orElseThrow().report().status()).isEqualTo(ImportReport.Status.DONE);
            } finally {
                executor.shutdownNow();
            }
        });
    }
}
