package jipan.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports uploaded over REST: the upload is streamed to a temporary file, imported in the background, and
 * its report polled by id. Jobs are kept in memory until the service stops.
 */
public final class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    /** A job's id, what it imports and its latest report. */
    public record Job(long id, String file, ImportReport report) {
    }

    private final CsvImporter importer;
    private final ExecutorService executor;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();

    public ImportJobs(CsvImporter importer, ExecutorService executor) {
        this.importer = importer;
        this.executor = executor;
    }

    public Job start(ImportKind kind, String name, InputStream upload, Charset charset) throws IOException {
        Path file = Files.createTempFile("jipan-import-", ".csv");
        Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
        long id = ids.incrementAndGet();
        Job queued = new Job(id, name, new ImportReport(kind.cliName(), null, "QUEUED", 0, 0, 0, List.of(), null));
        jobs.put(id, queued);
        executor.submit(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                importer.importCsv(kind, in, charset, report -> jobs.put(id, new Job(id, name, report)));
            } catch (IOException | RuntimeException e) {
                LOG.error("import {} failed", id, e);
                ImportReport last = jobs.get(id).report();
                jobs.put(id, new Job(id, name, new ImportReport(last.kind(), last.encoding(), "FAILED", last.rowsRead(),
                        last.imported(), last.rejected(), last.errors(), String.valueOf(e.getMessage()))));
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}", file, e);
                }
            }
        });
        return queued;
    }

    public Optional<Job> find(long id) {
        return Optional.ofNullable(jobs.get(id));
    }
}
