package jipan.imports;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jipan.api.ImportReport;
import jipan.api.RowError;
import jipan.core.facts.Customer;
import jipan.core.facts.Lead;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import jipan.db.CustomerDao;
import jipan.db.ImportDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports one DMS export (CSV) into the customer store. Columns are found by their headers; each row is
 * read into a fact or rejected with its line, column and reason; good rows are stored a batch at a time,
 * each batch in one transaction. A bad row never stops the file and is never half-written; rows reported
 * as imported are committed; importing the same file again changes nothing, since every row is merged by
 * its key.
 */
public final class CsvImporter {
    public static final int MAX_ERRORS_KEPT = 10_000;
    private static final Charset GBK = Charset.forName("GBK");
    private static final int SNIFF_BYTES = 64 * 1024;

    private final Jdbi jdbi;
    private final Map<ImportKind, Map<String, List<String>>> dealerHeaders;
    private final int batchSize;

    /**
     * @param dealerHeaders per kind and field, headers this dealer's DMS uses besides the defaults
     */
    public CsvImporter(Jdbi jdbi, Map<ImportKind, Map<String, List<String>>> dealerHeaders, int batchSize) {
        this.jdbi = jdbi;
        this.dealerHeaders = dealerHeaders;
        this.batchSize = batchSize;
    }

    /**
     * Imports the file; {@code charset} null means detect UTF-8 (with or without BOM) or GBK. {@code progress}
     * receives the report after every committed batch.
     */
    public ImportReport importCsv(ImportKind kind, InputStream input, Charset charset, Consumer<ImportReport> progress)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(input, SNIFF_BYTES);
        Charset encoding = charset != null ? charset : detect(in);
        Run run = new Run(kind, encoding.name(), progress);
        try (Reader reader = new InputStreamReader(in, encoding)) {
            CsvMapper csv = new CsvMapper();
            csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            csv.enable(CsvParser.Feature.TRIM_SPACES);
            csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(reader);
            if (!rows.hasNext()) {
                return run.fail("the file is empty: the first line must name the columns");
            }
            Columns columns;
            try {
                columns = Columns.of(kind, dealerHeaders.getOrDefault(kind, Map.of()), stripBom(rows.next()));
            } catch (IllegalArgumentException e) {
                return run.fail(e.getMessage());
            }
            List<Parsed> batch = new ArrayList<>(batchSize);
            while (rows.hasNext()) {
                String[] row;
                // after a row the parser stands at the start of the next line: the line this row starts on
                long line = rows.getParser().currentLocation().getLineNr();
                try {
                    row = rows.next();
                } catch (RuntimeException e) {
                    return run.fail("unreadable CSV after line " + rows.getParser().currentLocation().getLineNr()
                            + ": " + e.getMessage());
                }
                run.rowsRead++;
                try {
                    batch.add(new Parsed(line, RowParser.parse(kind, columns, row)));
                } catch (RowParser.RowRejected rejected) {
                    run.reject(new RowError(line, rejected.column, rejected.getMessage()));
                }
                if (batch.size() == batchSize) {
                    store(kind, batch, run);
                    batch.clear();
                }
            }
            store(kind, batch, run);
        }
        return run.finish();
    }

    /** One row read into its fact, and the line it came from. */
    private record Parsed(long line, Object fact) {
    }

    /** Stores a batch in one transaction after checking what it refers to; on a database error, row by row. */
    private void store(ImportKind kind, List<Parsed> batch, Run run) {
        if (batch.isEmpty()) {
            return;
        }
        List<Parsed> accepted = checkReferences(kind, batch, run);
        try {
            jdbi.useTransaction(handle -> write(kind, handle.attach(CustomerDao.class), handle.attach(ImportDao.class),
                    accepted));
            run.imported += accepted.size();
        } catch (RuntimeException batchFailed) {
            for (Parsed row : accepted) {
                try {
                    jdbi.useTransaction(handle -> write(kind, handle.attach(CustomerDao.class),
                            handle.attach(ImportDao.class), List.of(row)));
                    run.imported++;
                } catch (RuntimeException rowFailed) {
                    run.reject(new RowError(row.line(), null, "the database refused the row: "
                            + rootMessage(rowFailed)));
                }
            }
        }
        run.progress();
    }

    /** Vehicles and leads need their customer stored, repair orders their vehicle; other rows are rejected. */
    private List<Parsed> checkReferences(ImportKind kind, List<Parsed> batch, Run run) {
        if (kind == ImportKind.CUSTOMERS) {
            return batch;
        }
        List<Parsed> accepted = new ArrayList<>(batch.size());
        if (kind == ImportKind.REPAIR_ORDERS) {
            Set<String> vins = new HashSet<>();
            batch.forEach(row -> vins.add(((Visit) row.fact()).getVin()));
            Map<String, String> owners = new HashMap<>();
            jdbi.useExtension(ImportDao.class, dao -> dao.ownersOf(List.copyOf(vins))
                    .forEach(owner -> owners.put(owner.vin(), owner.customerId())));
            for (Parsed row : batch) {
                String vin = ((Visit) row.fact()).getVin();
                if (owners.containsKey(vin)) {
                    accepted.add(new Parsed(row.line(), new OwnedVisit(owners.get(vin), (Visit) row.fact())));
                } else {
                    run.reject(new RowError(row.line(), "vin", "vehicle " + vin
                            + " is not in the customer store: import the vehicles export first"));
                }
            }
            return accepted;
        }
        Set<String> customerIds = new HashSet<>();
        batch.forEach(row -> customerIds.add(((Owned) row.fact()).customerId()));
        Set<String> known = new HashSet<>(jdbi.withExtension(ImportDao.class,
                dao -> dao.existingCustomers(List.copyOf(customerIds))));
        for (Parsed row : batch) {
            String customerId = ((Owned) row.fact()).customerId();
            if (known.contains(customerId)) {
                accepted.add(row);
            } else {
                run.reject(new RowError(row.line(), "customerId", "customer " + customerId
                        + " is not in the customer store: import the customers export first"));
            }
        }
        return accepted;
    }

    /** A vehicle or lead row with the customer it belongs to. */
    interface Owned {
        String customerId();
    }

    record OwnedVehicle(String customerId, Vehicle vehicle) implements Owned {
    }

    record OwnedLead(String customerId, Lead lead) implements Owned {
    }

    record OwnedVisit(String customerId, Visit visit) {
    }

    private static void write(ImportKind kind, CustomerDao customers, ImportDao imports, List<Parsed> rows) {
        switch (kind) {
            case CUSTOMERS -> imports.upsertCustomerAttributes(rows.stream().map(r -> (Customer) r.fact()).toList());
            case VEHICLES -> customers.upsertVehicles(
                    rows.stream().map(r -> ((OwnedVehicle) r.fact()).customerId()).toList(),
                    rows.stream().map(r -> ((OwnedVehicle) r.fact()).vehicle()).toList());
            case REPAIR_ORDERS -> customers.upsertVisits(
                    rows.stream().map(r -> ((OwnedVisit) r.fact()).customerId()).toList(),
                    rows.stream().map(r -> ((OwnedVisit) r.fact()).visit()).toList());
            case LEADS -> customers.upsertLeads(
                    rows.stream().map(r -> ((OwnedLead) r.fact()).customerId()).toList(),
                    rows.stream().map(r -> ((OwnedLead) r.fact()).lead()).toList());
        }
    }

    /** UTF-8 when the first 64 KiB decode as UTF-8 (a BOM is dropped); otherwise GBK, as Chinese DMSs write. */
    static Charset detect(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), head.length < SNIFF_BYTES);
        return result.isError() ? GBK : StandardCharsets.UTF_8;
    }

    private static String[] stripBom(String[] header) {
        if (header.length > 0 && header[0] != null && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        return header;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The counts of one import as it goes. */
    private static final class Run {
        final String kind;
        final String encoding;
        final Consumer<ImportReport> progress;
        final List<RowError> errors = new ArrayList<>();
        long rowsRead;
        long imported;
        long rejected;

        Run(ImportKind kind, String encoding, Consumer<ImportReport> progress) {
            this.kind = kind.cliName();
            this.encoding = encoding;
            this.progress = progress;
        }

        void reject(RowError error) {
            rejected++;
            if (errors.size() < MAX_ERRORS_KEPT) {
                errors.add(error);
            }
        }

        ImportReport report(ImportReport.Status status, String failure) {
            return new ImportReport(kind, encoding, status, rowsRead, imported, rejected, List.copyOf(errors), failure);
        }

        void progress() {
            progress.accept(report(ImportReport.Status.RUNNING, null));
        }

        ImportReport finish() {
            ImportReport done = report(ImportReport.Status.DONE, null);
            progress.accept(done);
            return done;
        }

        ImportReport fail(String why) {
            ImportReport failed = report(ImportReport.Status.FAILED, why);
            progress.accept(failed);
            return failed;
        }
    }

    /** Where each field is in the file's rows. */
    static final class Columns {
        final Map<String, Integer> index = new LinkedHashMap<>();
        final Map<String, String> header = new HashMap<>();

        static Columns of(ImportKind kind, Map<String, List<String>> dealer, String[] headerRow) {
            Columns columns = new Columns();
            for (Map.Entry<String, List<String>> field : kind.defaultHeaders().entrySet()) {
                List<String> names = new ArrayList<>(dealer.getOrDefault(field.getKey(), List.of()));
                names.addAll(field.getValue());
                for (int i = 0; i < headerRow.length && !columns.index.containsKey(field.getKey()); i++) {
                    String written = headerRow[i] == null ? "" : headerRow[i].strip();
                    if (names.stream().anyMatch(written::equalsIgnoreCase)) {
                        columns.index.put(field.getKey(), i);
                        columns.header.put(field.getKey(), written);
                    }
                }
            }
            List<String> missing = kind.required().stream().filter(f -> !columns.index.containsKey(f)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("line 1: no column for " + missing + "; headers understood for "
                        + kind.cliName() + ": " + kind.defaultHeaders() + " (add your DMS's headers under "
                        + "imports.headers." + kind.cliName() + " in the configuration)");
            }
            return columns;
        }

        /** The trimmed value of a field in a row, or null when the column is absent or the cell empty. */
        String value(String field, String[] row) {
            Integer i = index.get(field);
            if (i == null || i >= row.length || row[i] == null || row[i].isBlank()) {
                return null;
            }
            return row[i].strip();
        }

        String headerOf(String field) {
            return header.getOrDefault(field, field);
        }
    }
}
