package jipan.imports;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jipan.api.ColumnReport;
import jipan.api.ImportReport;
import jipan.api.RowError;
import jipan.core.Chinese;
import jipan.core.facts.Complaint;
import jipan.core.facts.Customer;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.Referral;
import jipan.core.facts.Survey;
import jipan.core.facts.Lead;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import jipan.db.CustomerDao;
import jipan.db.Failures;
import jipan.db.ImportDao;
import jipan.db.StoreKeys;
import jipan.db.StoredRow;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one DMS export — CSV or xlsx ({@link ImportSource}) — into the customer store. The header row is
 * found by its headers (title lines above it are skipped); each row is read into a fact or rejected with its
 * row, column and reason (and kept, cells as read, for the rejected-rows file); good rows are compared with
 * what the store holds and counted new, updated or unchanged; new and updated rows are stored a batch at a
 * time, each batch in one transaction. A bad row never stops the file and is never half-written; rows
 * reported as imported are committed; importing the same file again changes nothing.
 */
public final class DmsImporter {
    private static final Logger LOG = LoggerFactory.getLogger(DmsImporter.class);
    public static final int MAX_ERRORS_KEPT = 10_000;
    /** Rows searched for the header row: title lines (维修工单明细表, a date range, …) above it are skipped. */
    static final int HEADER_SEARCH_ROWS = 20;

    private final Jdbi jdbi;
    private final Map<ImportKind, Map<String, List<String>>> dealerHeaders;
    private final CsvValues values;
    private final int batchSize;

    /**
     * @param dealerHeaders per kind and field, headers this dealer's DMS uses besides the defaults
     * @param dealerWords per coded type ({@code payType}, …), the dealer's words and the constant each means
     */
    public DmsImporter(Jdbi jdbi, Map<ImportKind, Map<String, List<String>>> dealerHeaders,
                       Map<String, Map<String, String>> dealerWords, int batchSize) {
        this.jdbi = jdbi;
        this.dealerHeaders = dealerHeaders;
        this.values = new CsvValues(dealerWords);
        this.batchSize = batchSize;
    }

    public DmsImporter(Jdbi jdbi, Map<ImportKind, Map<String, List<String>>> dealerHeaders, int batchSize) {
        this(jdbi, dealerHeaders, Map.of(), batchSize);
    }

    /** A row left out, with its cells as read: what the rejected-rows file holds. */
    public record RejectedRow(long number, List<String> cells, String reason) {
    }

    /** The stop of an import before its end (no header row): the reason is the report's failure. */
    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Imports the file; {@code charset} (CSV) null means detect UTF-8 (with or without BOM) or GBK. {@code
     * progress} receives the report after every committed batch. The rows left out are in {@link Result#rejected}.
     */
    public Result importFile(ImportKind kind, InputStream input, Charset charset, Consumer<ImportReport> progress)
            throws IOException {
        return importFile(kind, input, charset, jipan.stores.Stores.DEFAULT, progress);
    }

    /**
     * The same, for one store's file ({@code store}: its code): new customers become its customers, and a row about a
     * customer (or a vehicle) of another store is rejected, naming that store.
     */
    public Result importFile(ImportKind kind, InputStream input, Charset charset, String store,
                             Consumer<ImportReport> progress) throws IOException {
        Run run = new Run(kind, progress);
        run.store = store;
        Sink sink = new Sink(kind, run);
        try {
            run.read = ImportSource.read(input, charset, sink);
        } catch (Stop stop) {
            return run.fail(stop.getMessage());
        } catch (ImportSource.Unreadable unreadable) {
            return run.fail(unreadable.getMessage());
        }
        if (sink.columns == null) {
            return run.fail(sink.candidates == 0 ? "the file is empty: a row must name the columns"
                    : "no header row: " + sink.headerProblem);
        }
        store(kind, sink.batch, run);
        return run.finish();
    }

    /** The same, for callers that need the report only. */
    public ImportReport importCsv(ImportKind kind, InputStream input, Charset charset, Consumer<ImportReport> progress)
            throws IOException {
        return importFile(kind, input, charset, progress).report();
    }

    /** The report, and the rows left out with the header they were read under. */
    public record Result(ImportReport report, List<String> header, List<RejectedRow> rejected) {
    }

    /** Takes the rows as they are read: finds the header, parses, batches. */
    private final class Sink implements ImportSource.Rows {
        private final ImportKind kind;
        private final Run run;
        Columns columns;
        int candidates;
        String headerProblem;
        final List<Parsed> batch = new ArrayList<>();

        Sink(ImportKind kind, Run run) {
            this.kind = kind;
            this.run = run;
        }

        @Override
        public void start(ImportSource.Read read) {
            run.read = read;
        }

        @Override
        public void row(long number, String[] cells) {
            if (columns == null) {
                candidates++;
                try {
                    columns = Columns.of(kind, dealerHeaders.getOrDefault(kind, Map.of()), cells, run.read.where(number));
                    run.columns = columns.report;
                    run.header = Arrays.asList(cells);
                    run.titleRows = candidates - 1;
                } catch (IllegalArgumentException e) {
                    if (headerProblem == null) {
                        headerProblem = e.getMessage();
                    }
                    if (candidates >= HEADER_SEARCH_ROWS) {
                        throw new Stop("no header row among the first " + HEADER_SEARCH_ROWS + " rows: " + headerProblem);
                    }
                }
                return;
            }
            run.rowsRead++;
            try {
                batch.add(new Parsed(number, cells, RowParser.parse(kind, columns, cells, values)));
            } catch (RowParser.RowRejected rejected) {
                run.reject(number, cells, rejected.column, run.read.cell(columns.indexOfHeader(rejected.column), number),
                        rejected.getMessage());
            }
            if (batch.size() == batchSize) {
                store(kind, batch, run);
                batch.clear();
            }
        }
    }

    /** One row read into its fact, its number in the file and its cells as read. */
    private record Parsed(long number, String[] cells, Object fact) {
    }

    /**
     * Stores a batch after checking what it refers to: each row is compared with the stored one of its key,
     * new and changed rows are written in one transaction, unchanged ones are only counted; on a database
     * error, row by row.
     */
    private void store(ImportKind kind, List<Parsed> batch, Run run) {
        if (batch.isEmpty()) {
            return;
        }
        List<Parsed> accepted = notAnotherStores(kind, checkReferences(kind, batch, run), run);
        Map<String, List<String>> stored = new HashMap<>();
        List<String> keys = accepted.stream().map(row -> key(row.fact())).distinct().toList();
        if (!keys.isEmpty()) {
            List<String> customerIds = accepted.stream().map(Parsed::fact).filter(Owned.class::isInstance)
                    .map(fact -> ((Owned) fact).customerId()).distinct().toList();
            jdbi.useExtension(ImportDao.class, dao -> stored(kind, dao, run.store, keys, customerIds)
                    .forEach(row -> stored.put(row.key(), row.values())));
        }
        List<Parsed> changed = new ArrayList<>(accepted.size());
        long created = 0;
        long updated = 0;
        for (Parsed row : accepted) {
            List<String> before = stored.get(key(row.fact()));
            if (before == null) {
                created++;
                changed.add(row);
            } else if (!sameAsStored(before, signature(row.fact()))) {
                updated++;
                changed.add(row);
            } else {
                run.unchanged++;
            }
        }
        try {
            if (!changed.isEmpty()) {
                jdbi.useTransaction(handle -> write(kind, handle.attach(CustomerDao.class), handle.attach(ImportDao.class),
                        changed));
            }
            run.created += created;
            run.updated += updated;
        } catch (RuntimeException batchFailed) {
            for (Parsed row : changed) {
                try {
                    jdbi.useTransaction(handle -> write(kind, handle.attach(CustomerDao.class),
                            handle.attach(ImportDao.class), List.of(row)));
                    if (stored.containsKey(key(row.fact()))) {
                        run.updated++;
                    } else {
                        run.created++;
                    }
                } catch (RuntimeException rowFailed) {
                    run.reject(row.number(), row.cells(), null, null,
                            Failures.rowRefused(LOG, kind.cliName() + " row " + row.number(), rowFailed));
                }
            }
        }
        run.progress();
    }

    /**
     * The stored rows of these keys. A customer's facts without an id of their own (keyed customer|day|…) are read by
     * their customers ({@code customerIds}, the index), not by a key computed over the whole table.
     */
    private static List<StoredRow> stored(ImportKind kind, ImportDao dao, String store, List<String> keys,
                                          List<String> customerIds) {
        return switch (kind) {
            case CUSTOMERS -> dao.storedCustomers(keys);
            case VEHICLES -> dao.storedVehicles(store, keys);
            case REPAIR_ORDERS -> dao.storedVisits(keys);
            case LEADS -> dao.storedLeads(keys);
            case COMPLAINTS -> dao.storedComplaints(keys, customerIds);
            case SURVEYS -> dao.storedSurveys(keys, customerIds);
            case EVENTS -> dao.storedEvents(keys, customerIds);
            case REFERRALS -> dao.storedReferrals(keys, customerIds);
        };
    }

    /**
     * The key a row is merged by: customer id, VIN, repair-order number, lead id; a complaint's customer, day and
     * subject; a survey's customer and day; an event's customer, day and event; a referral's customer, day and person.
     */
    private static String key(Object fact) {
        if (fact instanceof ImportedCustomer customer) {
            return customer.customer().getId();
        } else if (fact instanceof OwnedVehicle vehicle) {
            return vehicle.vehicle().getVin();
        } else if (fact instanceof OwnedVisit visit) {
            return visit.visit().getRoNumber();
        } else if (fact instanceof OwnedLead lead) {
            return lead.lead().getLeadId();
        } else if (fact instanceof OwnedComplaint complaint) {
            return childKey(complaint.customerId(), complaint.complaint().getDate(),
                    complaint.complaint().getSubject().name());
        } else if (fact instanceof OwnedSurvey survey) {
            return survey.customerId() + "|" + survey.survey().getDate();
        } else if (fact instanceof OwnedEvent event) {
            return childKey(event.customerId(), event.event().getDate(), event.event().getEventId());
        } else if (fact instanceof OwnedReferral referral) {
            return childKey(referral.customerId(), referral.referral().getDate(), referral.referral().getReferredName());
        }
        throw new IllegalArgumentException("not an imported fact: " + fact);
    }

    /** What an import writes of a row, in the order {@link ImportDao}'s stored… queries read it back. */
    private static List<String> signature(Object fact) {
        List<Object> values;
        if (fact instanceof ImportedCustomer imported) {
            Customer c = imported.customer();
            values = Arrays.asList(c.getName(), c.getPhone(), c.getRegion(), c.getIndustry(), c.getBirthYear(), c.getKind(),
                    flag(imported.leadsPassedFirst()), flag(imported.negativePublicity()));
        } else if (fact instanceof OwnedVehicle v) {
            values = Arrays.asList(v.customerId(), v.vehicle().getModel(), v.vehicle().getPurchaseDate(),
                    v.vehicle().getWarrantyEnd(), v.vehicle().isBoughtHere(), v.vehicle().isInstallment());
        } else if (fact instanceof OwnedVisit v) {
            values = Arrays.asList(v.customerId(), v.visit().getVin(), v.visit().getDate(),
                    v.visit().getMileage(), v.visit().getPayType(), v.visit().getServiceType(), v.visit().getAmount(),
                    v.visit().getAdvisor());
        } else if (fact instanceof OwnedLead l) {
            values = Arrays.asList(l.customerId(), l.lead().getModel(), l.lead().getCreatedOn(),
                    l.lead().getClosedOn(), l.lead().getStatus(), l.lead().getDefeatReason(), l.lead().getCompetitorBrand(),
                    l.lead().getCompetitorModel(), l.lead().getFollowUps(), l.lead().getLastFollowUp(),
                    l.lead().getConsultant());
        } else if (fact instanceof OwnedComplaint c) {
            values = Arrays.asList(c.complaint().isResolved(), c.complaint().getAnsweredOn(),
                    c.complaint().getResolvedOn());
        } else if (fact instanceof OwnedSurvey s) {
            values = Arrays.asList(s.survey().getSatisfaction(), s.survey().getRepurchaseIntent(), s.survey().getRecommend());
        } else if (fact instanceof OwnedEvent e) {
            values = Arrays.asList(e.event().isAttended(), e.event().getBroughtProspects());
        } else if (fact instanceof OwnedReferral r) {
            values = Arrays.asList(r.referral().isClosed());
        } else {
            throw new IllegalArgumentException("not an imported fact: " + fact);
        }
        return values.stream().map(StoredRow::canonical).toList();
    }

    /**
     * One key for a customer's fact without an id of its own, as {@link ImportDao}'s stored… queries build it in SQL:
     * customer, day and what tells the day's facts apart ('' when not given).
     */
    static String childKey(String customerId, LocalDate date, String which) {
        return customerId + "|" + date + "|" + (which == null ? "" : which);
    }

    /** A flag the file may leave out: its column's value, or {@link #KEPT} when absent (the stored one stays). */
    private static Object flag(Boolean value) {
        return value == null ? KEPT : value;
    }

    /** What a signature holds for a value the file does not give: it matches whatever is stored. */
    private static final String KEPT = "\u0000kept";

    /** Whether a row would change nothing stored: equal values, a value the file does not give matching any. */
    private static boolean sameAsStored(List<String> stored, List<String> row) {
        if (stored.size() != row.size()) {
            return false;
        }
        for (int i = 0; i < row.size(); i++) {
            if (!KEPT.equals(row.get(i)) && !java.util.Objects.equals(stored.get(i), row.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A repair order or lead is one store's: a row whose key (repair-order number, lead id) is stored for a customer
     * of another store is rejected, naming that store, instead of taking the record from it. A VIN is not: each store
     * that has the car keeps its own vehicle (migration 31), and the group links the two by it.
     */
    private List<Parsed> notAnotherStores(ImportKind kind, List<Parsed> rows, Run run) {
        if (rows.isEmpty() || (kind != ImportKind.REPAIR_ORDERS && kind != ImportKind.LEADS)) {
            return rows;
        }
        List<String> keys = rows.stream().map(row -> key(row.fact())).toList();
        Map<String, String> storeOf = jdbi.withExtension(ImportDao.class, dao -> StoreKeys.storesOf(
                kind == ImportKind.REPAIR_ORDERS ? dao::visitStores : dao::leadStores, keys));
        List<Parsed> ours = new ArrayList<>(rows.size());
        String column = kind == ImportKind.REPAIR_ORDERS ? "roNumber" : "leadId";
        for (Parsed row : rows) {
            String other = storeOf.get(key(row.fact()));
            if (other != null && !other.equals(run.store)) {
                run.reject(row.number(), row.cells(), column, null, StoreKeys.recordElsewhere(key(row.fact()), other,
                        run.store));
            } else {
                ours.add(row);
            }
        }
        return ours;
    }

    /** Vehicles and leads need their customer stored, repair orders their vehicle; other rows are rejected. */
    private List<Parsed> checkReferences(ImportKind kind, List<Parsed> batch, Run run) {
        List<Parsed> accepted = new ArrayList<>(batch.size());
        if (kind == ImportKind.CUSTOMERS) {
            Map<String, String> storeOf = jdbi.withExtension(ImportDao.class, dao -> StoreKeys.storesOf(
                    dao::customerStores, batch.stream().map(row -> ((ImportedCustomer) row.fact()).customer().getId())
                            .toList()));
            for (Parsed row : batch) {
                ImportedCustomer imported = (ImportedCustomer) row.fact();
                String was = storeOf.get(imported.customer().getId());
                if (was != null && !was.equals(run.store)) {
                    run.reject(row.number(), row.cells(), "id", null, StoreKeys.customerElsewhere(
                            imported.customer().getId(), was, run.store) + StoreKeys.TWO_STORES);
                } else {
                    accepted.add(new Parsed(row.number(), row.cells(), new ImportedCustomer(
                            imported.customer().inStore(run.store), imported.leadsPassedFirst(),
                            imported.negativePublicity())));
                }
            }
            return accepted;
        }
        if (kind == ImportKind.REPAIR_ORDERS) {
            Set<String> vins = new HashSet<>();
            batch.forEach(row -> vins.add(((Visit) row.fact()).getVin()));
            Map<String, ImportDao.VehicleOwner> owners = new HashMap<>();
            jdbi.useExtension(ImportDao.class, dao -> dao.ownersOf(run.store, List.copyOf(vins))
                    .forEach(owner -> owners.put(owner.vin(), owner)));
            for (Parsed row : batch) {
                String vin = ((Visit) row.fact()).getVin();
                ImportDao.VehicleOwner owner = owners.get(vin);
                if (owner != null) {
                    accepted.add(new Parsed(row.number(), row.cells(), new OwnedVisit(owner.customerId(),
                            (Visit) row.fact())));
                } else {
                    run.reject(row.number(), row.cells(), "vin", null, "vehicle " + vin
                            + " is not in the customer store: import the vehicles export first");
                }
            }
            return accepted;
        }
        Map<String, String> storeOf = jdbi.withExtension(ImportDao.class, dao -> StoreKeys.storesOf(
                dao::customerStores, batch.stream().map(row -> ((Owned) row.fact()).customerId()).toList()));
        for (Parsed row : batch) {
            String customerId = ((Owned) row.fact()).customerId();
            String its = storeOf.get(customerId);
            if (run.store.equals(its)) {
                accepted.add(row);
            } else if (its != null) {
                run.reject(row.number(), row.cells(), "customerId", null, "customer " + customerId
                        + " is a customer of another store than " + run.store);
            } else {
                run.reject(row.number(), row.cells(), "customerId", null, "customer " + customerId
                        + " is not in the customer store: import the customers export first");
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

    record OwnedComplaint(String customerId, Complaint complaint) implements Owned {
    }

    record OwnedSurvey(String customerId, Survey survey) implements Owned {
    }

    record OwnedEvent(String customerId, EventAttendance event) implements Owned {
    }

    record OwnedReferral(String customerId, Referral referral) implements Owned {
    }

    /** A customer row and the staff-recorded flags where the file has their column (null: keep the stored one). */
    record ImportedCustomer(Customer customer, Boolean leadsPassedFirst, Boolean negativePublicity) {
    }

    record OwnedVisit(String customerId, Visit visit) {
    }

    private static void write(ImportKind kind, CustomerDao customers, ImportDao imports, List<Parsed> rows) {
        switch (kind) {
            case CUSTOMERS -> {
                List<ImportedCustomer> imported = facts(rows, ImportedCustomer.class);
                imports.upsertCustomerAttributes(imported.stream().map(ImportedCustomer::customer).toList(),
                        imported.stream().map(ImportedCustomer::leadsPassedFirst).toList(),
                        imported.stream().map(ImportedCustomer::negativePublicity).toList());
            }
            case VEHICLES -> customers.upsertVehicles(
                    rows.stream().map(r -> ((OwnedVehicle) r.fact()).customerId()).toList(),
                    rows.stream().map(r -> ((OwnedVehicle) r.fact()).vehicle()).toList());
            case REPAIR_ORDERS -> customers.upsertVisits(
                    rows.stream().map(r -> ((OwnedVisit) r.fact()).customerId()).toList(),
                    rows.stream().map(r -> ((OwnedVisit) r.fact()).visit()).toList());
            case LEADS -> customers.upsertLeads(
                    rows.stream().map(r -> ((OwnedLead) r.fact()).customerId()).toList(),
                    rows.stream().map(r -> ((OwnedLead) r.fact()).lead()).toList());
            // a customer's fact stored already under the row's key is updated; a new one is added after their others
            case COMPLAINTS -> updateElseInsert(facts(rows, OwnedComplaint.class), OwnedComplaint::complaint,
                    imports::updateComplaints, imports::insertComplaints);
            case SURVEYS -> updateElseInsert(facts(rows, OwnedSurvey.class), OwnedSurvey::survey,
                    imports::updateSurveys, imports::insertSurveys);
            case EVENTS -> updateElseInsert(facts(rows, OwnedEvent.class), OwnedEvent::event,
                    imports::updateEvents, imports::insertEvents);
            case REFERRALS -> updateElseInsert(facts(rows, OwnedReferral.class), OwnedReferral::referral,
                    imports::updateReferrals, imports::insertReferrals);
        }
    }

    private static <T> List<T> facts(List<Parsed> rows, Class<T> type) {
        return rows.stream().map(row -> type.cast(row.fact())).toList();
    }

    /** Updates a batch's facts by key and inserts, as a second batch, those no stored row matched. */
    private static <O extends Owned, F> void updateElseInsert(List<O> rows, java.util.function.Function<O, F> fact,
            java.util.function.BiFunction<List<String>, List<F>, int[]> update,
            java.util.function.BiConsumer<List<String>, List<F>> insert) {
        int[] updated = update.apply(rows.stream().map(Owned::customerId).toList(), rows.stream().map(fact).toList());
        List<O> added = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (updated[i] == 0) {
                added.add(rows.get(i));
            }
        }
        if (!added.isEmpty()) {
            insert.accept(added.stream().map(Owned::customerId).toList(), added.stream().map(fact).toList());
        }
    }

    /** The counts of one import as it goes. */
    private static final class Run {
        final String kind;
        final Consumer<ImportReport> progress;
        final List<RowError> errors = new ArrayList<>();
        final List<RejectedRow> rejectedRows = new ArrayList<>();
        ImportSource.Read read = new ImportSource.Read(ImportSource.Format.CSV, null, null);
        List<String> header = List.of();
        ColumnReport columns = ColumnReport.NONE;
        long titleRows;
        long rowsRead;
        long created;
        long updated;
        long unchanged;
        long rejected;

        String store = jipan.stores.Stores.DEFAULT;

        Run(ImportKind kind, Consumer<ImportReport> progress) {
            this.kind = kind.cliName();
            this.progress = progress;
        }

        void reject(long number, String[] cells, String column, String cell, String reason) {
            rejected++;
            if (errors.size() < MAX_ERRORS_KEPT) {
                RowError error = new RowError(number, column, reason, cell);
                errors.add(error);
                // the rejected rows go back to the dealer's data clerk: why in Chinese, the original beside it
                rejectedRows.add(new RejectedRow(number, Arrays.asList(cells), Chinese.withOriginal(error.toString())));
            }
        }

        ImportReport report(ImportReport.Status status, String failure) {
            return new ImportReport(kind, read.encoding(), status, rowsRead, created + updated + unchanged, rejected,
                    List.copyOf(errors), failure, read.format().extension, titleRows, created, updated, unchanged, columns);
        }

        void progress() {
            progress.accept(report(ImportReport.Status.RUNNING, null));
        }

        Result finish() {
            ImportReport done = report(ImportReport.Status.DONE, null);
            progress.accept(done);
            return new Result(done, header, List.copyOf(rejectedRows));
        }

        Result fail(String why) {
            ImportReport failed = report(ImportReport.Status.FAILED, why);
            progress.accept(failed);
            return new Result(failed, header, List.copyOf(rejectedRows));
        }
    }

    /** Where each field is in the file's rows. */
    static final class Columns {
        private static final String FORMULA_START = "=+-@";
        final Map<String, Integer> index = new LinkedHashMap<>();
        final Map<String, String> header = new HashMap<>();
        /** The headers no field was read from and the fields without a column. */
        ColumnReport report = ColumnReport.NONE;

        /** The columns a header row names, or why it is not the header row ({@code where}: its place). */
        static Columns of(ImportKind kind, Map<String, List<String>> dealer, String[] headerRow, String where) {
            Columns columns = new Columns();
            for (Map.Entry<String, List<String>> field : kind.defaultHeaders().entrySet()) {
                List<String> names = names(kind, dealer, field.getKey());
                for (int i = 0; i < headerRow.length && !columns.index.containsKey(field.getKey()); i++) {
                    String written = written(headerRow, i);
                    if (names.stream().anyMatch(written::equalsIgnoreCase)) {
                        columns.index.put(field.getKey(), i);
                        columns.header.put(field.getKey(), written);
                    }
                }
            }
            List<String> missing = kind.required().stream().filter(f -> !columns.index.containsKey(f)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(where + ": no column for " + missing + "; headers understood for "
                        + kind.cliName() + ": " + kind.defaultHeaders() + " (add your DMS's headers under "
                        + "imports.headers." + kind.cliName() + " in the configuration)");
            }
            columns.report = columns.report(kind, dealer, headerRow);
            return columns;
        }

        /** A header as written, trimmed ('' for an empty cell). */
        private static String written(String[] headerRow, int i) {
            return headerRow[i] == null ? "" : headerRow[i].strip();
        }

        /**
         * The trimmed value of a field in a row, or null when the column is absent or the cell empty. A cell a
         * rejected-rows file wrote as text ({@code '=…}, so no spreadsheet runs it) reads as what it was.
         */
        String value(String field, String[] row) {
            Integer i = index.get(field);
            if (i == null || i >= row.length || row[i] == null || row[i].isBlank()) {
                return null;
            }
            String value = row[i].strip();
            return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_START.indexOf(value.charAt(1)) >= 0
                    ? value.substring(1) : value;
        }

        /**
         * The headers of {@code headerRow} no field was read from, each with the nearest header of a field the file
         * has no column for, and the fields still without a column.
         */
        private ColumnReport report(ImportKind kind, Map<String, List<String>> dealer, String[] headerRow) {
            List<ColumnReport.UnknownHeader> unknown = new ArrayList<>();
            for (int i = 0; i < headerRow.length; i++) {
                String written = written(headerRow, i);
                if (written.isEmpty() || index.containsValue(i)) {
                    continue;
                }
                String bestField = null;
                String bestHeader = null;
                int best = Integer.MAX_VALUE;
                for (String field : kind.defaultHeaders().keySet()) {
                    if (index.containsKey(field)) {
                        continue;
                    }
                    for (String known : names(kind, dealer, field)) {
                        int distance = HeaderDistance.between(written, known);
                        if (distance < best && HeaderDistance.near(written, known, distance)) {
                            best = distance;
                            bestField = field;
                            bestHeader = known;
                        }
                    }
                }
                unknown.add(new ColumnReport.UnknownHeader(written, bestField, bestHeader));
            }
            List<String> missing = kind.defaultHeaders().keySet().stream().filter(field -> !index.containsKey(field))
                    .sorted().toList();
            return new ColumnReport(List.copyOf(unknown), missing);
        }

        /** The headers a field is known by: the dealer's first, then the defaults. */
        private static List<String> names(ImportKind kind, Map<String, List<String>> dealer, String field) {
            List<String> names = new ArrayList<>(dealer.getOrDefault(field, List.of()));
            names.addAll(kind.defaultHeaders().get(field));
            return names;
        }

        boolean has(String field) {
            return index.containsKey(field);
        }

        String headerOf(String field) {
            return header.getOrDefault(field, field);
        }

        /** The column a header is in, or -1. */
        int indexOfHeader(String written) {
            return header.entrySet().stream().filter(entry -> entry.getValue().equals(written))
                    .map(entry -> index.get(entry.getKey())).findFirst().orElse(-1);
        }
    }
}
