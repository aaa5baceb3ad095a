package jipan.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import jipan.JipanConfiguration;
import jipan.api.ImportReport;
import jipan.db.Database;
import jipan.imports.ImportKind;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Imports a DMS export (CSV) into the customer store, with a progress bar and a summary.
 *
 * <pre>
 * java -jar service/target/jipan.jar import --kind customers customers.csv config/jipan.yml
 * java -jar service/target/jipan.jar import --kind repair-orders [--encoding GBK] ro.csv config/jipan.yml
 * </pre>
 *
 * Kinds: customers, vehicles, repair-orders, leads (import them in that order: vehicles need their
 * customer, repair orders their vehicle). The encoding is detected (UTF-8 or GBK) unless given. Rejected
 * rows are listed with line, column and reason, all of them in {@code FILE.rejected.txt}.
 */
public class ImportCommand extends StoreCommand {
    private static final int SHOWN_REJECTIONS = 20;

    public ImportCommand() {
        super("import", "Imports a DMS export (CSV): customers, vehicles, repair-orders or leads");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--kind").dest("kind").required(true)
                .choices("customers", "vehicles", "repair-orders", "leads");
        subparser.addArgument("--encoding").dest("encoding").metavar("CHARSET")
                .help("UTF-8 or GBK; detected when not given");
        subparser.addArgument("csv").metavar("CSV_FILE").help("the export to import");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration)
            throws IOException {
        ImportKind kind = ImportKind.fromCliName(namespace.getString("kind"));
        Path csv = Path.of(namespace.getString("csv"));
        Charset charset = namespace.getString("encoding") == null ? null : Charset.forName(namespace.getString("encoding"));
        long size = Files.size(csv);
        long start = System.nanoTime();
        ImportReport report;
        try (Database database = openStore(configuration, true);
             CountingStream in = new CountingStream(Files.newInputStream(csv))) {
            Progress progress = new Progress(Math.max(size, 1));
            report = configuration.getImports().importer(database.jdbi())
                    .importCsv(kind, in, charset, running -> progress.update(in.count.get()));
            progress.finish();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %s (%s): %,d rows read, %,d imported, %,d rejected in %.1f s (%,.0f rows/s)%n",
                kind.cliName(), report.status(), report.encoding(), report.rowsRead(), report.imported(),
                report.rejected(), seconds, report.rowsRead() / Math.max(seconds, 1e-9));
        report.errors().stream().limit(SHOWN_REJECTIONS).forEach(error -> System.out.println("  " + error));
        if (report.rejected() > 0) {
            Path rejected = Path.of(csv + ".rejected.txt");
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(rejected, StandardCharsets.UTF_8))) {
                report.errors().forEach(out::println);
            }
            System.out.println((report.rejected() > SHOWN_REJECTIONS ? "  …\n" : "") + "rejected rows: " + rejected
                    + (report.rejected() > report.errors().size() ? " (the first " + report.errors().size() + ")" : ""));
        }
        if (report.failure() != null) {
            throw new IllegalStateException(report.failure());
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
