package jipan.nightly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jipan.admin.ServiceMetrics;
import jipan.api.ImportJob;
import jipan.api.ImportReport;
import jipan.concurrent.NamedThreads;
import jipan.db.ClassificationRunRow;
import jipan.db.Failures;
import jipan.db.NightlyDao;
import jipan.db.WorkOwner;
import jipan.imports.ImportJobs;
import jipan.imports.ImportKind;
import jipan.imports.RejectedRows;
import jipan.runs.ClassificationRuns;
import jipan.stores.Stores;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly pipeline: at the configured time, for each store, the DMS exports dropped in its {@code inbox} are
 * imported (each file moved to {@code done/} or {@code failed/}, its rejected rows beside it), the store's customers
 * are classified as of the night, and the run's call lists are there. Every instance looks every {@code pollSeconds}
 * whether a night is due; a store's night is taken by inserting its row, so it runs once whichever instances are up,
 * and a night whose instance stopped (no heartbeat) is taken over. One store's failure does not stop the others.
 */
public final class NightlyPipeline implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyPipeline.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** A file still being written is left for the next look: it must not have changed for this long. */
    private static final Duration SETTLED = Duration.ofSeconds(2);

    private final NightlySettings settings;
    private final Cron cron;
    private final Stores stores;
    private final Jdbi jdbi;
    private final ImportJobs imports;
    private final ClassificationRuns runs;
    private final WorkOwner owner;
    private final ObjectMapper json;
    private final ServiceMetrics metrics;
    private final Clock clock;
    private ScheduledExecutorService looks;

    public NightlyPipeline(NightlySettings settings, Stores stores, Jdbi jdbi, ImportJobs imports,
                           ClassificationRuns runs, WorkOwner owner, ObjectMapper json, ServiceMetrics metrics,
                           Clock clock) {
        this.settings = settings;
        this.cron = settings.enabled() ? settings.schedule() : null; // the command runs a night without a schedule
        settings.zone(); // a wrong zone stops the start, named
        this.stores = stores;
        this.jdbi = jdbi;
        this.imports = imports;
        this.runs = runs;
        this.owner = owner;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void start() {
        if (cron == null) {
            throw new IllegalStateException("nightly.cron: no schedule is set");
        }
        looks = NamedThreads.daemon("nightly").scheduled();
        looks.scheduleWithFixedDelay(this::look, 1, settings.getPollSeconds(), TimeUnit.SECONDS);
        LOG.info("nightly pipeline: '{}' in {} for {} store(s)", cron, settings.zone(), stores.all().size());
    }

    @Override
    public void stop() {
        NamedThreads.close(looks, Duration.ofSeconds(5));
    }

    /** The night due now, if any: the date of the latest time the schedule fired, within the catch-up hours. */
    Optional<LocalDate> due() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(settings.zone()));
        return cron.latestAtOrBefore(now)
                .filter(fired -> Duration.between(fired, now).toHours() < settings.getCatchUpHours())
                .map(ZonedDateTime::toLocalDate);
    }

    /** One look: each store whose due night nobody took is run here, one after the other. */
    void look() {
        try {
            Optional<LocalDate> night = due();
            if (night.isEmpty()) {
                return;
            }
            for (Stores.Store store : stores.all()) {
                if (take(jdbi, owner, store.code(), night.get())) {
                    run(store, night.get());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("nightly pipeline: this look failed, the next one tries again: {}", e.toString());
        }
    }

    /**
     * Whether {@code owner} took the store's night: it was nobody's, or its instance stopped. Of instances that try at
     * once, one inserts the row; another either sees it and inserts nothing, or (both having seen none) is stopped by
     * the primary key — both mean another instance has it.
     */
    static boolean take(Jdbi jdbi, WorkOwner owner, String store, LocalDate night) {
        try {
            return jdbi.withExtension(NightlyDao.class, dao -> dao.claim(store, night, owner.id()) == 1
                    || dao.takeOver(store, night, owner.id(), dao.now().minus(owner.staleAfter())) == 1);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException raced) {
            boolean ours = jdbi.withExtension(NightlyDao.class, dao -> dao.find(store, night))
                    .map(row -> owner.id().equals(row.owner())).orElse(false);
            if (!ours) {
                LOG.debug("night {} of {} was taken by another instance at the same moment", night, store);
            }
            return ours;
        }
    }

    /**
     * Runs {@code night} now for every store (or the one named), each store taken like an instance takes it at the
     * scheduled time: a store whose night another instance has (or had) is left alone and named. Returns one line per
     * store.
     */
    public List<String> runNow(LocalDate night, String only) {
        List<String> lines = new ArrayList<>();
        for (Stores.Store store : stores.all()) {
            if (only != null && !only.equals(store.code())) {
                continue;
            }
            if (!take(jdbi, owner, store.code(), night)) {
                lines.add(store.code() + ": night " + night + " is another instance's (taken already)");
                continue;
            }
            run(store, night);
            NightlyDao.NightRow row = jdbi.withExtension(NightlyDao.class, dao -> dao.find(store.code(), night))
                    .orElseThrow();
            lines.add(store.code() + ": " + row.state() + ", " + row.files() + " file(s), " + row.failedFiles()
                    + " failed, run " + row.runId() + (row.error() == null ? "" : " — " + row.error()));
        }
        return lines;
    }

    /** One store's night, every step written down as it happens; it ends DONE or FAILED, never half-said. */
    void run(Stores.Store store, LocalDate night) {
        Night log = new Night(store.code(), night);
        log.step("night " + night + " of store " + store.code() + " taken by " + owner.id());
        try {
            if (store.inbox() != null && !store.inbox().isBlank()) {
                importInbox(Path.of(store.inbox()), night, log);
            } else {
                log.step("no inbox configured: nothing to import");
            }
            ClassificationRunRow run = runs.create(night, store.code());
            log.runId = run.id();
            log.step("classification run " + run.id() + " as of " + night + ": " + run.customersTotal() + " customers");
            ClassificationRunRow done = runs.execute(run.id(), customers -> { });
            if (!"DONE".equals(done.status())) {
                throw new IllegalStateException("classification run " + run.id() + " " + done.status() + ": "
                        + done.error());
            }
            log.step("classification run " + run.id() + " done: " + done.customersDone()
                    + " customers classified; its call lists are ready");
            // files that failed are in failed/ and counted; the night itself is done
            log.end("DONE", log.failedFiles > 0 ? log.failedFiles + " file(s) failed to import" : null);
            metrics.nightsDone.inc();
        } catch (RuntimeException e) {
            String reason = Failures.logged(LOG, "nightly pipeline, store " + store.code() + ", night " + night, e);
            log.step("failed: " + reason);
            log.end("FAILED", reason);
            metrics.nightsFailed.inc();
        }
    }

    /**
     * The store's dropped files, in the order their kinds depend on each other (customers, vehicles, repair orders,
     * leads, …), each imported as an import of the store, then moved to {@code done/} (or {@code failed/} when its
     * import failed) under the night's date, its rejected rows beside it.
     */
    private void importInbox(Path inbox, LocalDate night, Night log) {
        List<Path> files;
        try {
            Files.createDirectories(inbox.resolve("done"));
            Files.createDirectories(inbox.resolve("failed"));
            try (Stream<Path> listed = Files.list(inbox)) {
                long settledBefore = clock.millis() - SETTLED.toMillis();
                files = listed.filter(Files::isRegularFile).filter(file -> modified(file) < settledBefore)
                        .sorted(Comparator.comparingInt((Path file) -> kindOf(file).map(Enum::ordinal).orElse(-1))
                                .thenComparing(file -> file.getFileName().toString()))
                        .toList();
            }
        } catch (IOException e) {
            throw new IllegalStateException("inbox " + inbox + " cannot be read: " + e.getMessage(), e);
        }
        log.step(files.size() + " file(s) in " + inbox);
        for (Path file : files) {
            String name = file.getFileName().toString();
            Optional<ImportKind> kind = kindOf(file);
            log.files++;
            if (kind.isEmpty()) {
                log.failedFiles++;
                move(file, inbox.resolve("failed").resolve(night + "_" + name));
                writeReason(inbox.resolve("failed").resolve(night + "_" + name + ".reason.txt"),
                        "the file name does not say its kind: it must start with one of " + kinds());
                log.step(name + ": not imported, the name does not start with a kind (" + kinds() + ") → failed/");
                continue;
            }
            ImportJob job = importFile(file, kind.get(), log.store);
            ImportReport report = job.report();
            boolean failed = report.status() == ImportReport.Status.FAILED;
            Path to = inbox.resolve(failed ? "failed" : "done").resolve(night + "_" + name);
            move(file, to);
            imports.rejected(job.id()).ifPresent(rejected -> writeRejected(
                    to.resolveSibling(RejectedRows.fileName(to.getFileName().toString(), rejected.format())),
                    rejected));
            if (failed) {
                log.failedFiles++;
                log.step(name + ": import " + job.id() + " failed: " + report.failure() + " → failed/");
            } else {
                log.step(name + ": import " + job.id() + " of " + kind.get().cliName() + ", " + report.rowsRead()
                        + " rows read, " + report.imported() + " imported, " + report.rejected() + " rejected → done/");
            }
        }
    }

    /** A file's kind by the start of its name: {@code repair-orders_2026-12-02.csv} is repair orders. */
    static Optional<ImportKind> kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(ImportKind.values()).filter(kind -> name.startsWith(kind.cliName()))
                .max(Comparator.comparingInt(kind -> kind.cliName().length()));
    }

    private static String kinds() {
        return String.join(", ", Arrays.stream(ImportKind.values()).map(ImportKind::cliName).toList());
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Imports one file as an import of the store (so the data page lists it) and waits for its end. */
    private ImportJob importFile(Path file, ImportKind kind, String store) {
        try (InputStream in = Files.newInputStream(file)) {
            ImportJob job = imports.start(kind, file.getFileName().toString(), in, null, store);
            while (job.report().status() == ImportReport.Status.QUEUED
                    || job.report().status() == ImportReport.Status.RUNNING) {
                Thread.sleep(200);
                job = imports.find(job.id()).orElseThrow();
            }
            return job;
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while importing " + file, e);
        }
    }

    private static void move(Path file, Path to) {
        try {
            Files.move(file, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be moved to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void writeRejected(Path to, ImportJobs.RejectedFile rejected) {
        try (OutputStream out = Files.newOutputStream(to)) {
            RejectedRows.write(rejected.format(), rejected.header(), rejected.rows(), out);
        } catch (IOException e) {
            throw new IllegalStateException("the rejected rows cannot be written to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void writeReason(Path to, String reason) {
        try {
            Files.writeString(to, reason + System.lineSeparator());
        } catch (IOException e) {
            throw new IllegalStateException(to + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** A night as it goes: its steps, kept in the store after each one. */
    private final class Night {
        final String store;
        final LocalDate night;
        final List<String> steps = new ArrayList<>();
        int files;
        int failedFiles;
        Long runId;

        Night(String store, LocalDate night) {
            this.store = store;
            this.night = night;
        }

        void step(String step) {
            String line = LocalTime.now(clock.withZone(settings.zone())).format(TIME) + " " + step;
            steps.add(line);
            LOG.info("nightly {} {}: {}", store, night, step);
            jdbi.useExtension(NightlyDao.class, dao -> dao.progress(store, night, owner.id(), json(steps), files,
                    failedFiles, runId));
        }

        void end(String state, String error) {
            jdbi.useExtension(NightlyDao.class, dao -> dao.finish(store, night, owner.id(), state,
                    error == null ? null : jipan.db.Columns.clip(error, 2000)));
        }

        private String json(List<String> lines) {
            try {
                return json.writeValueAsString(lines);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a list of lines always serialises", e);
            }
        }
    }
}
