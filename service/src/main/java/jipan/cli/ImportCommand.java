package jipan.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import jipan.JipanConfiguration;
import jipan.api.ImportReport;
import jipan.db.Database;
import jipan.imports.DmsImporter;
import jipan.imports.ImportKind;
import jipan.imports.RejectedRows;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Imports a DMS export (CSV or xlsx) into the customer store, with a progress bar and a summary.
 *
 * <pre>
 * java -jar service/target/jipan.jar import --kind customers customers.csv config/jipan.yml
 * java -jar service/target/jipan.jar import --kind repair-orders [--encoding GBK] ro.xlsx config/jipan.yml
 * </pre>
 *
 * Kinds: customers, vehicles, repair-orders, leads (import them in that order: vehicles need their
 * customer, repair orders their vehicle). A CSV's encoding is detected (UTF-8 or GBK) unless given; a
 * workbook's first sheet is read. Title lines above the header row are skipped. Rejected rows are listed with
 * their place, column and reason, and written to {@code FILE.rejected.csv} (or {@code .xlsx}) with a reason
 * column, ready to fix and import again; the command then exits 1 (the good rows are stored).
 */
public class ImportCommand extends StoreCommand {
    private static final int SHOWN_REJECTIONS = 20;

    public ImportCommand() {
        super("import", "Imports a DMS export (CSV or xlsx): customers, vehicles, repair-orders or leads");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--kind").dest("kind").required(true)
                .choices("customers", "vehicles", "repair-orders", "leads");
        subparser.addArgument("--encoding").dest("encoding").metavar("CHARSET")
                .help("UTF-8 or GBK; detected when not given");
        subparser.addArgument("export").metavar("EXPORT_FILE").help("the export to import: CSV (UTF-8 or GBK) or .xlsx");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration)
            throws IOException, RowsRejectedException {
        ImportKind kind = ImportKind.fromCliName(namespace.getString("kind"));
        Path file = Path.of(namespace.getString("export"));
        Charset charset = namespace.getString("encoding") == null ? null : Charset.forName(namespace.getString("encoding"));
        long size = Files.size(file);
        long start = System.nanoTime();
        DmsImporter.Result result;
        try (Database database = openStore(configuration, true);
             CountingStream in = new CountingStream(Files.newInputStream(file))) {
            Progress progress = new Progress(Math.max(size, 1));
            result = configuration.getImports().importer(database.jdbi())
                    .importFile(kind, in, charset, running -> progress.update(in.count.get()));
            progress.finish();
        }
        ImportReport report = result.report();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %s (%s%s): %,d rows read, %,d imported (%,d new, %,d updated, %,d unchanged), %,d rejected "
                        + "in %.1f s (%,.0f rows/s)%n", kind.cliName(), report.status(), report.encoding(),
                report.titleRows() > 0 ? ", " + report.titleRows() + " title line(s) above the header skipped" : "",
                report.rowsRead(), report.imported(), report.created(), report.updated(), report.unchanged(),
                report.rejected(), seconds, report.rowsRead() / Math.max(seconds, 1e-9));
        report.errors().stream().limit(SHOWN_REJECTIONS).forEach(error -> System.out.println("  " + error));
        if (!report.columns().unknownHeaders().isEmpty()) {
            System.out.println("columns not read (name them under imports.headers." + kind.cliName()
                    + " in the configuration): " + report.columns().unknownHeaders().stream()
                    .map(Object::toString).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (!report.columns().missingFields().isEmpty()) {
            System.out.println("fields without a column, left empty: " + String.join(", ", report.columns().missingFields()));
        }
        if (report.failure() != null) {
            throw new IllegalStateException(report.failure());
        }
        if (report.rejected() > 0) {
            Path rejected = file.resolveSibling(RejectedRows.fileName(file.getFileName().toString(), report.format()));
            writeWhole(rejected, out -> RejectedRows.write(report.format(), result.header(), result.rejected(), out));
            throw new RowsRejectedException((report.rejected() > SHOWN_REJECTIONS ? "  …\n" : "") + report.rejected()
                    + " row(s) rejected; they are in " + rejected + " with a reason column: fix them and import that file"
                    + (report.rejected() > result.rejected().size() ? " (the first " + result.rejected().size() + ")" : ""));
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        // the counts and the rejected-rows file say it all: no stack trace
        if (e instanceof RowsRejectedException || e instanceof IllegalStateException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    /** Rows were rejected: the command exits 1 (the good rows are stored). */
    static final class RowsRejectedException extends Exception {
        RowsRejectedException(String message) {
            super(message);
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingStream extends FilterInputStream {
        final AtomicLong count = new AtomicLong();

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
