package jipan.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import jipan.JipanApplication;
import jipan.TestRequests;
import jipan.core.CustomerUpsert;
import jipan.core.scenarios.DemoDealership;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.db.DatabaseSettings;
import jipan.db.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two real service processes on one store, as an operator runs them (issue 25): an instance that starts while
 * another is in the middle of a run and an import marks nothing interrupted, cannot take the work, and the owner
 * finishes it; an instance killed with kill -9 in the middle of a run and an import has both taken over by the
 * other once the heartbeat limit has passed, each finished exactly once. On PostgreSQL, and on an H2 file in its
 * mixed mode ({@code AUTO_SERVER=TRUE}, the README's default), where this test's own JVM opens the file first and so
 * serves it to the instances.
 */
class TwoInstancesTest {
    private static final int CUSTOMERS = 4_000;
    private static final int IMPORT_ROWS = 3_000;
    private static final Duration UP = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * How long without a heartbeat work counts as abandoned, for B: longer than B takes to start while A is paused
     * (a loaded two-core machine, the other store's instances starting beside it), so B must see A as alive.
     */
    private static final int STALE_AFTER_SECONDS = 60;

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    @Execution(ExecutionMode.CONCURRENT) // H2 and PostgreSQL side by side: each mostly waits on its processes
    void aStartingInstanceLeavesLiveWorkAloneAndAKilledInstancesWorkIsFinishedOnce(String kind, @TempDir Path dir)
            throws Exception {
        DatabaseSettings settings = kind.equals("h2") ? h2File(dir) : TestDatabases.settings(kind);
        Database database = Database.open(settings); // migrates; on H2 this JVM now serves the file to the instances
        List<Instance> instances = new ArrayList<>();
        try {
            store(database);
            Path firstFile = importFile(dir, "IMP");
            Path secondFile = importFile(dir, "IMQ");
            boolean postgres = kind.equals("postgresql");

            // 1. B starts while A is in the middle of a run and an import (A paused, so it cannot finish first)
            Instance a = Instance.start("a", dir, settings, instances);
            long run = a.startRun("2012-09-30");
            String aOwner = a.await("run " + run, "/api/v1/classification-runs/" + run, TwoInstancesTest::underWay)
                    .get("owner").asText();
            long upload = a.startImport(firstFile);
            a.await("import " + upload, "/api/v1/imports/" + upload, job -> underWay(job.get("report")));
            a.pauseOutsideAWrite(database, postgres, run, upload);
            Instance b = Instance.start("b", dir, settings, instances);
            assertThat(b.get("/api/v1/classification-runs/" + run).get("status").asText()).isEqualTo("RUNNING");
            assertThat(b.get("/api/v1/imports/" + upload).get("report").get("status").asText()).isEqualTo("RUNNING");
            HttpResponse<String> refused = b.post("/api/v1/classification-runs/" + run + "/resume");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains(aOwner).contains("last heartbeat");
            HttpResponse<String> refusedImport = b.post("/api/v1/imports/" + upload + "/resume");
            assertThat(refusedImport.statusCode()).as(refusedImport.body()).isEqualTo(409);
            assertThat(refusedImport.body()).contains(aOwner);
            a.resume();
            JsonNode done = b.await("run " + run, "/api/v1/classification-runs/" + run, job -> ended(job, "DONE"));
            assertThat(done.get("owner").asText()).as("A finished its own run").isEqualTo(aOwner);
            assertEveryCustomerOnce(database, run, done);
            JsonNode imported = b.await("import " + upload, "/api/v1/imports/" + upload,
                    job -> ended(job.get("report"), "DONE"));
            assertThat(imported.get("owner").asText()).isEqualTo(aOwner);
            assertImportedOnce(database, imported, "IMP");
            assertThat(b.log()).as("B marked nothing interrupted").doesNotContain("cut off");

            // 2. A is killed in the middle of a run and an import; B takes both over once A's heartbeat is stale
            long secondRun = a.startRun("2012-06-30");
            a.await("run " + secondRun, "/api/v1/classification-runs/" + secondRun, TwoInstancesTest::underWay);
            long secondUpload = a.startImport(secondFile);
            a.await("import " + secondUpload, "/api/v1/imports/" + secondUpload, job -> underWay(job.get("report")));
            a.kill();
            boolean cut = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT customers_done < customers_total FROM classification_run WHERE id = :id")
                    .bind("id", secondRun).mapTo(Boolean.class).one());
            assertThat(cut).as("A was killed in the middle of the run").isTrue();
            // right after the kill A's last heartbeat is fresh: B leaves the work alone ...
            assertThat(b.post("/api/v1/classification-runs/" + secondRun + "/resume").statusCode()).isEqualTo(409);
            assertThat(b.post("/api/v1/imports/" + secondUpload + "/resume").statusCode()).isEqualTo(409);
            // ... until the limit has passed: rather than wait the minute out, A's last heartbeats are moved back
            // past it (A is dead: nothing renews them), as the clock would have moved them
            ageHeartbeat(database, "classification_run", secondRun);
            ageHeartbeat(database, "import_job", secondUpload);
            String bOwner = b.takeOver("/api/v1/classification-runs/" + secondRun + "/resume");
            b.takeOver("/api/v1/imports/" + secondUpload + "/resume");
            JsonNode secondDone = b.await("run " + secondRun, "/api/v1/classification-runs/" + secondRun,
                    job -> ended(job, "DONE"));
            assertThat(secondDone.get("owner").asText()).isEqualTo(bOwner).isNotEqualTo(aOwner);
            assertEveryCustomerOnce(database, secondRun, secondDone);
            JsonNode secondImport = b.await("import " + secondUpload, "/api/v1/imports/" + secondUpload,
                    job -> ended(job.get("report"), "DONE"));
            assertThat(secondImport.get("owner").asText()).isEqualTo(bOwner);
            assertImportedOnce(database, secondImport, "IMQ");
        } finally {
            instances.forEach(Instance::stop);
            database.stop();
        }
    }

    private static DatabaseSettings h2File(Path dir) {
        DatabaseSettings settings = new DatabaseSettings();
        settings.setUrl("jdbc:h2:file:" + dir.resolve("jipan") + ";AUTO_SERVER=TRUE");
        settings.setMaxPoolSize(4);
        return settings;
    }

    /** Moves a piece of work's last heartbeat back past the stale limit, as time passing would. */
    private static void ageHeartbeat(Database database, String table, long id) {
        database.jdbi().useHandle(handle -> {
            java.sql.Timestamp last = handle.createQuery("SELECT heartbeat_at FROM " + table + " WHERE id = :id")
                    .bind("id", id).mapTo(java.sql.Timestamp.class).one();
            handle.createUpdate("UPDATE " + table + " SET heartbeat_at = :aged WHERE id = :id").bind("id", id)
                    .bind("aged", java.sql.Timestamp.from(last.toInstant().minusSeconds(STALE_AFTER_SECONDS + 5)))
                    .execute();
        });
    }

    /** The demo dealership's first {@link #CUSTOMERS} customers. */
    private static void store(Database database) {
        CustomerStore store = new CustomerStore(database.jdbi());
        DemoDealership dealership = new DemoDealership(2012L, LocalDate.of(2012, 9, 30));
        List<CustomerUpsert> batch = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            batch.add(CustomerUpsert.complete(dealership.customer(i)));
            if (batch.size() == 500) {
                store.upsert(batch);
                batch.clear();
            }
        }
        store.upsert(batch);
    }

    /** A customers file of {@link #IMPORT_ROWS} new customers whose ids start with {@code prefix}. */
    private static Path importFile(Path dir, String prefix) throws IOException {
        StringBuilder csv = new StringBuilder("客户编号,客户名称,电话,区域,行业,出生年份,客户类型\n");
        for (int i = 1; i <= IMPORT_ROWS; i++) {
            csv.append(String.format("%s%05d,客户%d,139%08d,惠城区,制造业,1980,个人%n", prefix, i, i, i));
        }
        return Files.writeString(dir.resolve(prefix + ".csv"), csv, StandardCharsets.UTF_8);
    }

    private static boolean underWay(JsonNode job) {
        String status = job.get("status").asText();
        if (status.equals("QUEUED")) {
            return false;
        }
        if (!status.equals("RUNNING")) {
            throw new AssertionError("expected the work under way, it is " + status + ": " + job);
        }
        long done = job.has("customersDone") ? job.get("customersDone").asLong() : job.get("rowsRead").asLong();
        return done > 0;
    }

    private static boolean ended(JsonNode job, String expected) {
        String status = job.get("status").asText();
        if (status.equals("RUNNING") || status.equals("QUEUED")) {
            return false;
        }
        assertThat(status).as(job.toString()).isEqualTo(expected);
        return true;
    }

    private static void assertEveryCustomerOnce(Database database, long run, JsonNode done) {
        long stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM classification_result WHERE run_id = :run").bind("run", run).mapTo(Long.class).one());
        long customers = database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM customer")
                .mapTo(Long.class).one());
        assertThat(done.get("customersDone").asLong()).isEqualTo(done.get("customersTotal").asLong());
        assertThat(stored).as("every customer's result stored once").isEqualTo(done.get("customersTotal").asLong());
        assertThat(done.get("customersTotal").asLong()).isLessThanOrEqualTo(customers);
    }

    private static void assertImportedOnce(Database database, JsonNode job, String prefix) {
        JsonNode report = job.get("report");
        assertThat(report.get("rowsRead").asInt()).isEqualTo(IMPORT_ROWS);
        assertThat(report.get("imported").asInt()).isEqualTo(IMPORT_ROWS);
        assertThat(report.get("created").asInt() + report.get("unchanged").asInt()).isEqualTo(IMPORT_ROWS);
        assertThat(report.get("rejected").asInt()).isZero();
        long stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM customer WHERE id LIKE :prefix").bind("prefix", prefix + "%")
                .mapTo(Long.class).one());
        assertThat(stored).isEqualTo(IMPORT_ROWS);
    }

    /** One service process on the shared store. */
    private static final class Instance {
        private final String name;
        private final Process process;
        private final Path log;
        private final int port;

        private Instance(String name, Process process, Path log, int port) {
            this.name = name;
            this.process = process;
            this.log = log;
            this.port = port;
        }

        /** Starts {@code jipan server} in a JVM of its own; returns once it answers. */
        static Instance start(String name, Path dir, DatabaseSettings database, List<Instance> started)
                throws Exception {
            int port = freePort();
            // the fixture gate of one scenario: this test is about who owns the work, not about the rules (each
            // instance's start runs the gate; the whole set is run by the other tests), so the gate's coverage
            // is not asked of it either
            Path gate = dir.resolve("gate");
            if (!Files.isDirectory(gate)) {
                Files.createDirectories(gate);
                Files.copy(Path.of("../fixtures/spec-example.yml"), gate.resolve("spec-example.yml"));
            }
            String config = Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
                    .replace("fixtureGate: ../fixtures", "fixtureGate: " + gate + "\n  minCoveragePercent: 0")
                    .replaceFirst("database:\\n  url: \"[^\"]*\"", "database:\n  url: \"" + database.getUrl() + "\""
                            + (database.getUser() == null ? "" : "\n  user: \"" + database.getUser()
                            + "\"\n  password: \"" + database.getPassword() + "\""))
                    .replaceFirst("port: 0", "port: " + port)
                    .replaceFirst("port: 0", "port: " + freePort())
                    .replace("imports:\n", "imports:\n  batchSize: 250\n")
                    + "\nwork:\n  heartbeatSeconds: 1\n  staleAfterSeconds: " + STALE_AFTER_SECONDS + "\n";
            Path file = Files.writeString(dir.resolve(name + ".yml"), config);
            Path log = dir.resolve(name + ".log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1", // one classifying thread
                    "-cp", System.getProperty("java.class.path"), JipanApplication.class.getName(), "server",
                    file.toString())
                    .directory(Path.of("").toAbsolutePath().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Instance instance = new Instance(name, process, log, port);
            started.add(instance);
            long until = System.nanoTime() + UP.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new AssertionError("instance " + name + " stopped:\n" + instance.log());
                }
                try {
                    if (instance.send(HttpRequest.newBuilder(instance.uri("/api/v1/me")).GET()).statusCode() == 200) {
                        return instance;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > until) {
                    throw new AssertionError("instance " + name + " did not answer in " + UP + ":\n" + instance.log());
                }
                Thread.sleep(200);
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode get(String path) throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return TestRequests.JSON.readTree(response.body());
        }

        HttpResponse<String> post(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
        }

        long startRun(String asOf) throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/classification-runs"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\": \"" + asOf + "\"}")));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return TestRequests.JSON.readTree(response.body()).get("id").asLong();
        }

        long startImport(Path csv) throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/imports?kind=customers&name="
                    + csv.getFileName())).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return TestRequests.JSON.readTree(response.body()).get("id").asLong();
        }

        /** Polls {@code path} until {@code reached}; returns the last answer. */
        JsonNode await(String what, String path, Predicate<JsonNode> reached) throws Exception {
            long until = System.nanoTime() + UP.toNanos();
            while (System.nanoTime() < until) {
                JsonNode job = get(path);
                if (reached.test(job)) {
                    return job;
                }
                Thread.sleep(50);
            }
            throw new AssertionError(what + " did not get there in " + UP + ":\n" + log());
        }

        /** Resumes work of a stopped instance: refused (409) until its heartbeat is older than the limit. */
        String takeOver(String path) throws Exception {
            long until = System.nanoTime() + UP.toNanos();
            while (true) {
                HttpResponse<String> response = post(path);
                if (response.statusCode() == 202) {
                    return TestRequests.JSON.readTree(response.body()).get("owner").asText();
                }
                assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
                if (System.nanoTime() > until) {
                    throw new AssertionError(path + " still refused after " + UP + ": " + response.body());
                }
                Thread.sleep(500);
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no stop hooks, no last heartbeat
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        /**
         * Pauses the process (SIGSTOP) at a moment it holds no lock on the run's or import's row, so the instance
         * that starts meanwhile is not held up by an unfinished write of it; heartbeats stop while it is paused.
         */
        void pauseOutsideAWrite(Database database, boolean postgres, long run, long upload) throws Exception {
            for (int attempt = 0; attempt < 50; attempt++) {
                signal("STOP");
                boolean free = database.jdbi().inTransaction(handle -> {
                    try {
                        handle.execute(postgres ? "SET LOCAL lock_timeout = '300ms'" : "SET LOCK_TIMEOUT 300");
                        handle.createUpdate("UPDATE classification_run SET heartbeat_at = heartbeat_at WHERE id = :id")
                                .bind("id", run).execute();
                        handle.createUpdate("UPDATE import_job SET heartbeat_at = heartbeat_at WHERE id = :id")
                                .bind("id", upload).execute();
                        return true;
                    } catch (RuntimeException locked) {
                        return false;
                    } finally {
                        handle.rollback();
                    }
                });
                if (free) {
                    return;
                }
                signal("CONT");
                Thread.sleep(20);
            }
            throw new AssertionError("instance " + name + " never paused outside a write");
        }

        void resume() throws Exception {
            signal("CONT");
        }

        private void signal(String signal) throws Exception {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
        }

        String log() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        void stop() {
            if (process.isAlive()) {
                try {
                    signal("CONT");
                } catch (Exception ignored) {
                    // stopping anyway
                }
                process.destroy();
                try {
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
