package jipan.imports;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import jipan.admin.ServiceMetrics;
import jipan.api.ImportJob;
import jipan.api.ImportReport;
import jipan.api.RowError;
import jipan.db.Failures;
import jipan.db.ImportJobDao;
import jipan.db.WorkOwner;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports uploaded over REST: the upload is streamed to a temporary file, imported in the background, and
 * its progress written to the store as it goes, so any instance answers for any job, ids stay unique across
 * restarts, and a job cut off by a restart says so.
 */
public final class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);
    private static final TypeReference<List<RowError>> ERRORS = new TypeReference<>() { };

    private static final TypeReference<RejectedFile> REJECTED = new TypeReference<>() { };

    /** What the rejected-rows file of a job is made of. */
    public record RejectedFile(String format, List<String> header, List<DmsImporter.RejectedRow> rows) {
    }

    private final DmsImporter importer;
    private final ExecutorService executor;
    private WorkOwner owner = WorkOwner.thisProcess();
    private final Jdbi jdbi;
    private final ObjectMapper json;
    private volatile ServiceMetrics metrics = ServiceMetrics.NONE;

    public ImportJobs(DmsImporter importer, ExecutorService executor, Jdbi jdbi, ObjectMapper json) {
        this.importer = importer;
        this.executor = executor;
        this.jdbi = jdbi;
        this.json = json;
    }

    /** Times imports and counts their rows imported and rejected, and failed imports, into these metrics. */
    /** The instance whose imports these are (another instance's live imports are left alone at start). */
    public void owner(WorkOwner owner) {
        this.owner = owner;
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

    public ImportJob start(ImportKind kind, String name, InputStream upload, Charset charset) throws IOException {
        Path file = Files.createTempFile("jipan-import-", ".upload");
        Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        String fileName = name.length() > 200 ? name.substring(0, 200) : name;
        long id = jdbi.withExtension(ImportJobDao.class, dao -> dao.insert(kind.cliName(), fileName, owner.id()));
        executor.submit(() -> {
            ImportReport[] last = {new ImportReport(kind.cliName(), null, ImportReport.Status.RUNNING, 0, 0, 0, List.of(), null,
                    null, 0, 0, 0, 0)};
            long started = System.nanoTime();
            LOG.info("import {} starts: {} file '{}'", id, kind.cliName(), fileName);
            try (InputStream in = Files.newInputStream(file); Timer.Context timing = metrics.imports.time()) {
                DmsImporter.Result result = importer.importFile(kind, in, charset, report -> {
                    last[0] = report;
                    record(id, report);
                });
                if (!result.rejected().isEmpty()) {
                    String rejected = json.writeValueAsString(new RejectedFile(result.report().format(), result.header(),
                            result.rejected()));
                    jdbi.useExtension(ImportJobDao.class, dao -> dao.recordRejectedRows(id, rejected));
                }
                metrics.importedRows.inc(last[0].imported());
                metrics.rejectedRows.inc(last[0].rejected());
                if (last[0].status() == ImportReport.Status.FAILED) {
                    metrics.importsFailed.inc();
                }
                LOG.info("import {} {}: {} rows read, {} imported, {} rejected in {} s", id, last[0].status(),
                        last[0].rowsRead(), last[0].imported(), last[0].rejected(),
                        String.format("%.1f", (System.nanoTime() - started) / 1e9));
            } catch (IOException | RuntimeException e) {
                String reason = Failures.logged(LOG, "import " + id, e);
                metrics.importsFailed.inc();
                ImportReport failed = last[0];
                record(id, new ImportReport(failed.kind(), failed.encoding(), ImportReport.Status.FAILED, failed.rowsRead(),
                        failed.imported(), failed.rejected(), failed.errors(), reason,
                        failed.format(), failed.titleRows(), failed.created(), failed.updated(), failed.unchanged()));
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}", file, e);
                }
            }
        });
        return find(id).orElseThrow();
    }

    private void record(long id, ImportReport report) {
        String failure = report.failure() == null || report.failure().length() <= 2000 ? report.failure()
                : report.failure().substring(0, 2000);
        jdbi.useExtension(ImportJobDao.class, dao -> dao.update(id, report.status().name(), report.encoding(),
                report.rowsRead(), report.imported(), report.rejected(), errorsJson(report.errors()), failure,
                report.format(), report.titleRows(), report.created(), report.updated(), report.unchanged()));
    }

    private String errorsJson(List<RowError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("row errors always serialise", e);
        }
    }

    public Optional<ImportJob> find(long id) {
        return jdbi.withExtension(ImportJobDao.class, dao -> dao.find(id)).map(this::job);
    }

    /** The latest jobs, newest first. */
    public List<ImportJob> latest(int limit) {
        return jdbi.withExtension(ImportJobDao.class, dao -> dao.latest(limit)).stream().map(this::job).toList();
    }

    private ImportJob job(ImportJobDao.ImportJobRow row) {
        List<RowError> errors;
        try {
            errors = json.readValue(row.errorsJson(), ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("import " + row.id() + " has unreadable row errors", e);
        }
        return new ImportJob(row.id(), row.fileName(), row.startedAt(), row.updatedAt(), new ImportReport(row.kind(),
                row.encoding(), ImportReport.Status.valueOf(row.status()), row.rowsRead(), row.imported(), row.rejected(),
                errors, row.failure(), row.format(), row.titleRows(), row.created(), row.updated(), row.unchanged()));
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
}
