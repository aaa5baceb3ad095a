package jipan.imports;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import jipan.admin.ServiceMetrics;
import jipan.api.ImportJob;
import jipan.api.ColumnReport;
import jipan.api.ImportReport;
import jipan.api.RowError;
import jipan.db.Failures;
import jipan.db.ImportJobDao;
import jipan.db.WorkOwner;
import jipan.webhooks.Events;
import jipan.webhooks.WebhookEvent;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports uploaded over REST: the upload is kept in the store, imported in the background, and its progress
 * written to the store as it goes, so any instance answers for any job, ids stay unique across restarts, a job
 * cut off by a stop says so, and another instance can take it over ({@link #resume}).
 */
public final class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() { };

    private static final TypeReference<RejectedFile> REJECTED = new TypeReference<>() { };

    /** What the rejected-rows file of a job is made of. */
    public record RejectedFile(String format, List<String> header, List<DmsImporter.RejectedRow> rows) {
    }

    /** The size of the parts an upload is kept in. */
    static final int PART_BYTES = 1024 * 1024;

    private final DmsImporter importer;
    private final ExecutorService executor;
    private WorkOwner owner = WorkOwner.thisProcess();
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private volatile ServiceMetrics metrics = ServiceMetrics.NONE;
    private volatile Events events = Events.NONE;
    private long maxUploadBytes = 200L * 1024 * 1024;

    public ImportJobs(DmsImporter importer, ExecutorService executor, Jdbi jdbi, ObjectMapper json) {
        this.importer = importer;
        this.executor = executor;
        this.jdbi = jdbi;
        this.json = json;
    }

    /** The largest upload taken ({@code imports.maxUploadMegabytes}). */
    public void maxUploadMegabytes(int megabytes) {
        this.maxUploadBytes = megabytes * 1024L * 1024;
    }

    /** The instance whose imports these are (another instance's live imports are left alone at start). */
    public void owner(WorkOwner owner) {
        this.owner = owner;
    }

    /** Times imports and counts their rows imported and rejected, and failed imports, into these metrics. */
    /** Tells {@code events} when an import fails. */
    public void events(Events events) {
        this.events = events;
    }

    public void metrics(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Marks the jobs an instance that stopped left unfinished (no heartbeat for {@link WorkOwner#staleAfter()}),
     * and says so in the log; returns how many.
     */
    public int markInterrupted() {
        int cutOff = jdbi.withExtension(ImportJobDao.class,
                dao -> dao.markInterrupted(dao.now().minus(owner.staleAfter())));
        if (cutOff > 0) {
            LOG.warn("{} import(s) were cut off by a stop: GET /api/v1/imports lists them", cutOff);
        }
        return cutOff;
    }

    /**
     * Takes an upload: it is kept in the store (parts of {@value #PART_BYTES} bytes) under a new QUEUED job, then
     * imported in the background. An upload larger than the limit, or one that breaks off, leaves no job behind.
     */
    public ImportJob start(ImportKind kind, String name, InputStream upload, Charset charset) throws IOException {
        return start(kind, name, upload, charset, jipan.stores.Stores.DEFAULT);
    }

    /** The same, for one store's file ({@code store}: its code, checked by the caller). */
    public ImportJob start(ImportKind kind, String name, InputStream upload, Charset charset, String store)
            throws IOException {
        String fileName = name.length() > 200 ? name.substring(0, 200) : name;
        long id = jdbi.withExtension(ImportJobDao.class, dao -> dao.insert(kind.cliName(), fileName, owner.id(),
                charset == null ? null : charset.name(), store));
        try {
            long size = keepUpload(id, upload);
            jdbi.useExtension(ImportJobDao.class, dao -> dao.uploadComplete(id, size));
        } catch (IOException | RuntimeException e) {
            jdbi.useExtension(ImportJobDao.class, dao -> dao.delete(id)); // its parts go with it (ON DELETE CASCADE)
            throw e;
        }
        submit(id);
        return find(id).orElseThrow();
    }

    /** Writes the upload into the store a part at a time; returns its size. */
    private long keepUpload(long id, InputStream upload) throws IOException {
        long size = 0;
        int part = 0;
        while (true) {
            byte[] bytes = upload.readNBytes(PART_BYTES);
            if (bytes.length == 0) {
                return size;
            }
            size += bytes.length;
            if (size > maxUploadBytes) {
                throw new UploadTooLarge(maxUploadBytes);
            }
            int number = part++;
            jdbi.useExtension(ImportJobDao.class, dao -> dao.addUploadPart(id, number, bytes));
        }
    }

    /** An upload over {@code imports.maxUploadMegabytes}. */
    public static final class UploadTooLarge extends IOException {
        UploadTooLarge(long max) {
            super("the upload is larger than " + max / (1024 * 1024) + " MiB (imports.maxUploadMegabytes): split the "
                    + "file, or raise the limit in the configuration");
        }
    }

    /**
     * Takes job {@code id} over for this instance and imports its kept upload again from the start, in the
     * background: rows the stopped instance stored are found unchanged, so each row is stored once. Refused while
     * its owner is alive ({@link OwnedElsewhere}), when another instance took it over first, and when it has ended
     * or its upload was not kept whole ({@link NothingToResume}).
     */
    public ImportJob resume(long id) {
        jdbi.useTransaction(handle -> {
            ImportJobDao dao = handle.attach(ImportJobDao.class);
            ImportJobDao.ImportJobRow job = dao.find(id).orElseThrow(() -> new IllegalArgumentException("no import " + id));
            if (job.status().equals("DONE") || job.status().equals("FAILED")) {
                throw new NothingToResume("import " + id + " is " + job.status() + ": nothing to resume");
            }
            LocalDateTime now = dao.now();
            if (job.heartbeatAt() != null && job.heartbeatAt().isAfter(now.minus(owner.staleAfter()))
                    && !job.status().equals("INTERRUPTED")) {
                throw new OwnedElsewhere(id, job.owner(), job.heartbeatAt(), now);
            }
            if (job.uploadBytes() == null) {
                throw new NothingToResume("the upload of import " + id + " was not kept whole (it broke off, or the "
                        + "import is older than this version): import the file again");
            }
            if (dao.claim(id, owner.id(), job.status(), job.owner() == null ? "" : job.owner(),
                    job.heartbeatAt() == null ? LocalDateTime.of(1900, 1, 1, 0, 0) : job.heartbeatAt()) == 0) {
                ImportJobDao.ImportJobRow winner = dao.find(id).orElseThrow();
                throw new OwnedElsewhere(id, winner.owner(), winner.heartbeatAt(), now);
            }
            LOG.info("import {} {} {} (was {} by {})", id, owner.id().equals(job.owner()) ? "resumed by"
                    : "taken over by", owner.id(), job.status(), job.owner());
        });
        submit(id);
        return find(id).orElseThrow();
    }

    /** An import another instance is doing: it is not resumed here. */
    public static final class OwnedElsewhere extends RuntimeException {
        OwnedElsewhere(long id, String by, LocalDateTime heartbeat, LocalDateTime now) {
            super("import " + id + " is being run by " + by + " (last heartbeat " + (heartbeat == null ? "unknown"
                    : heartbeat + ", " + Duration.between(heartbeat, now).toSeconds() + " s ago") + "): it can be "
                    + "resumed once that instance has sent no heartbeat for the limit (work.staleAfterSeconds)");
        }
    }

    /** An import that has ended, or whose upload is not in the store. */
    public static final class NothingToResume extends RuntimeException {
        NothingToResume(String message) {
            super(message);
        }
    }

    /** This instance no longer owns the import (another took it over): it stops writing it. */
    private static final class TakenOver extends RuntimeException {
        TakenOver(long id) {
            super("import " + id + " was taken over by another instance while this one sent no heartbeats: it stopped "
                    + "here", null, false, false);
        }
    }

    /** Imports job {@code id}'s kept upload in the background, as its owner. */
    private void submit(long id) {
        ImportJobDao.ImportJobRow job = jdbi.withExtension(ImportJobDao.class, dao -> dao.find(id)).orElseThrow();
        ImportKind kind = ImportKind.fromCliName(job.kind());
        Charset charset = job.askedEncoding() == null ? null : Charset.forName(job.askedEncoding());
        // a resumed job's earlier pass: its new and changed rows are found unchanged now, so they are counted as they were
        Counts before = new Counts(job.created(), job.updated());
        executor.submit(() -> {
            ImportReport[] last = {new ImportReport(kind.cliName(), null, ImportReport.Status.RUNNING, 0, 0, 0, List.of(),
                    null, null, 0, 0, 0, 0, ColumnReport.NONE)};
            long started = System.nanoTime();
            LOG.info("import {} starts: {} file '{}'", id, kind.cliName(), job.fileName());
            try (InputStream in = new StoredUpload(id); Timer.Context timing = metrics.imports.time()) {
                DmsImporter.Result result = importer.importFile(kind, in, charset, job.store(), report -> {
                    last[0] = before.added(report);
                    if (last[0].status() == ImportReport.Status.RUNNING) {
                        record(id, last[0]); // the end is recorded last, once its rejected rows are kept
                    }
                });
                if (!result.rejected().isEmpty()) {
                    String rejected = json.writeValueAsString(new RejectedFile(result.report().format(), result.header(),
                            result.rejected()));
                    jdbi.useExtension(ImportJobDao.class, dao -> dao.recordRejectedRows(id, owner.id(), rejected));
                }
                jdbi.useExtension(ImportJobDao.class, dao -> dao.deleteUpload(id));
                // a reader who sees the job ended finds its rejected rows, and no upload left behind
                record(id, last[0]);
                metrics.importedRows.inc(last[0].imported());
                metrics.rejectedRows.inc(last[0].rejected());
                if (last[0].status() == ImportReport.Status.FAILED) {
                    metrics.importsFailed.inc();
                    events.happened(WebhookEvent.IMPORT_FAILED, failure(id, last[0].kind(), last[0].failure()));
                }
                LOG.info("import {} {}: {} rows read, {} imported, {} rejected in {} s", id, last[0].status(),
                        last[0].rowsRead(), last[0].imported(), last[0].rejected(),
                        String.format("%.1f", (System.nanoTime() - started) / 1e9));
            } catch (TakenOver e) {
                LOG.warn(e.getMessage());
            } catch (IOException | RuntimeException e) {
                String reason = Failures.logged(LOG, "import " + id, e);
                metrics.importsFailed.inc();
                events.happened(WebhookEvent.IMPORT_FAILED, failure(id, last[0].kind(), reason));
                ImportReport failed = last[0];
                try {
                    record(id, new ImportReport(failed.kind(), failed.encoding(), ImportReport.Status.FAILED,
                            failed.rowsRead(), failed.imported(), failed.rejected(), failed.errors(), reason,
                            failed.format(), failed.titleRows(), failed.created(), failed.updated(), failed.unchanged(),
                            failed.columns()));
                    jdbi.useExtension(ImportJobDao.class, dao -> dao.deleteUpload(id));
                } catch (RuntimeException notRecorded) {
                    LOG.warn("import {}: its failure was not recorded: {}", id, notRecorded.toString());
                }
            }
        });
    }

    /** The new and changed rows of a resumed job's earlier passes. */
    private record Counts(long created, long updated) {
        /** {@code report} of this pass with the earlier passes' rows counted as they were then, not as unchanged. */
        ImportReport added(ImportReport report) {
            if (created == 0 && updated == 0) {
                return report;
            }
            long unchanged = Math.max(0, report.unchanged() - created - updated);
            long created2 = report.created() + created;
            long updated2 = report.updated() + updated;
            return new ImportReport(report.kind(), report.encoding(), report.status(), report.rowsRead(),
                    created2 + updated2 + unchanged, report.rejected(), report.errors(), report.failure(),
                    report.format(), report.titleRows(), created2, updated2, unchanged, report.columns());
        }
    }

    /** A job's upload read back from the store a part at a time. */
    private final class StoredUpload extends InputStream {
        private final long id;
        private int part;
        private byte[] bytes = new byte[0];
        private int at;

        StoredUpload(long id) {
            this.id = id;
        }

        private boolean more() {
            while (at == bytes.length) {
                Optional<byte[]> next = jdbi.withExtension(ImportJobDao.class, dao -> dao.uploadPart(id, part));
                if (next.isEmpty()) {
                    return false;
                }
                part++;
                bytes = next.get();
                at = 0;
            }
            return true;
        }

        @Override
        public int read() {
            return more() ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!more()) {
                return -1;
            }
            int n = Math.min(length, bytes.length - at);
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }
    }

    private void record(long id, ImportReport report) {
        String failure = report.failure() == null || report.failure().length() <= 2000 ? report.failure()
                : report.failure().substring(0, 2000);
        int written = jdbi.withExtension(ImportJobDao.class, dao -> dao.update(owner.id(), id, report.status().name(),
                report.encoding(), report.rowsRead(), report.imported(), report.rejected(), asJson(report.errors()),
                failure, report.format(), report.titleRows(), report.created(), report.updated(), report.unchanged(),
                asJson(report.columns())));
        if (written == 0) {
            throw new TakenOver(id);
        }
    }

    /** A job's row errors or column report as the store keeps them: plain records, which always serialise. */
    private String asJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " always serialises", e);
        }
    }

    public Optional<ImportJob> find(long id) {
        return jdbi.withExtension(ImportJobDao.class, dao -> dao.find(id)).map(this::job);
    }

    /** The latest jobs, newest first. */
    public List<ImportJob> latest(int limit) {
        return latest(limit, jipan.stores.StoreScope.ALL);
    }

    /** The latest jobs of a scope's stores, newest first. */
    public List<ImportJob> latest(int limit, jipan.stores.StoreScope scope) {
        return jdbi.withExtension(ImportJobDao.class, dao -> scope.isAll() ? dao.latest(limit)
                : dao.latestOf(List.copyOf(scope.codes()), limit)).stream().map(this::job).toList();
    }

    private ImportJob job(ImportJobDao.ImportJobRow row) {
        List<RowError> errors;
        ColumnReport columns;
        try {
            errors = json.readValue(row.errorsJson(), ERRORS);
            // a job of a version before column reports has none
            columns = row.columnsJson() == null ? ColumnReport.NONE : json.readValue(row.columnsJson(), ColumnReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import " + row.id() + " has unreadable row errors", e);
        }
        return new ImportJob(row.id(), row.fileName(), row.startedAt(), row.updatedAt(), new ImportReport(row.kind(),
                row.encoding(), ImportReport.Status.valueOf(row.status()), row.rowsRead(), row.imported(), row.rejected(),
                errors, row.failure(), row.format(), row.titleRows(), row.created(), row.updated(), row.unchanged(),
                columns),
                row.owner(), row.heartbeatAt(), row.store());
    }

    /** The rows job {@code id} left out, once it has ended; empty when it has none (or no such job). */
    public Optional<RejectedFile> rejected(long id) {
        return jdbi.withExtension(ImportJobDao.class, dao -> dao.rejectedRows(id)).map(text -> {
            try {
                return json.readValue(text, REJECTED);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("import " + id + " has unreadable rejected rows", e);
            }
        });
    }

    /** An import failure as a webhook's data: the job, its kind and why. */
    private static Map<String, Object> failure(long id, String kind, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("import", id);
        data.put("kind", kind);
        data.put("reason", reason);
        return data;
    }
}
