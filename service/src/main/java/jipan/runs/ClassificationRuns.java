package jipan.runs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.IntConsumer;
import jipan.api.CustomerResult;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.core.FollowUpResult;
import jipan.core.LeadResult;
import jipan.core.VehicleResult;
import jipan.db.ClassificationRunDao;
import jipan.db.ClassificationRunRow;
import jipan.db.CustomerStore;
import jipan.db.StoredResultRow;
import jipan.lifecycle.LiveRules;
import org.jdbi.v3.core.Jdbi;
import com.codahale.metrics.Timer;
import jipan.admin.ServiceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies every stored customer as of a date with the live rules and stores each result with the run's
 * date and rule set version. Customers are taken in id order, a page at a time; each page's results and the
 * run's progress are committed together, so a run stopped half-way resumes after the last stored customer.
 */
public final class ClassificationRuns {
    private static final Logger LOG = LoggerFactory.getLogger(ClassificationRuns.class);
    /** Customers classified and committed together. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    private volatile ServiceMetrics metrics = ServiceMetrics.NONE;

    /** Times runs and counts the customers they classify and the runs that fail into these metrics. */
    public void metrics(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    private final Jdbi jdbi;
    private final CustomerStore customers;
    private final LiveRules rules;
    private final ObjectMapper json;
    private final int pageSize;

    public ClassificationRuns(Jdbi jdbi, CustomerStore customers, LiveRules rules, ObjectMapper json,
                              int pageSize) {
        this.jdbi = jdbi;
        this.customers = customers;
        this.rules = rules;
        this.json = json;
        this.pageSize = pageSize;
    }

    /**
     * Records a new run; {@link #execute} then does the work. A run for the same date that is still running
     * is refused ({@link AlreadyRunning}): two would write the same results twice.
     */
    public synchronized ClassificationRunRow create(LocalDate asOf) {
        long id = jdbi.inTransaction(handle -> {
            ClassificationRunDao dao = handle.attach(ClassificationRunDao.class);
            List<ClassificationRunRow> running = dao.runningFor(asOf);
            if (!running.isEmpty()) {
                throw new AlreadyRunning(running.get(0));
            }
            return dao.insertRun(asOf, rules.current().rulesetVersion(), customers.count());
        });
        return find(id);
    }

    /** A run for the same date is running already. */
    public static final class AlreadyRunning extends RuntimeException {
        private final transient ClassificationRunRow run;

        AlreadyRunning(ClassificationRunRow run) {
            super("classification run " + run.id() + " for " + run.asOf() + " is running ("
                    + run.customersDone() + " of " + run.customersTotal() + " customers); wait for it or follow "
                    + "/api/v1/classification-runs/" + run.id());
            this.run = run;
        }

        public ClassificationRunRow run() {
            return run;
        }
    }

    public ClassificationRunRow find(long id) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> dao.findRun(id)).orElse(null);
    }

    public List<ClassificationRunRow> latest(int limit) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> dao.latestRuns(limit));
    }

    public List<StoredResultRow> historyOf(String customerId) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> dao.historyOf(customerId));
    }

    /** Marks runs a stopped process left RUNNING as INTERRUPTED; returns how many. */
    public int markInterrupted() {
        return jdbi.withExtension(ClassificationRunDao.class, ClassificationRunDao::markInterrupted);
    }

    /** Runs {@link #execute} on the executor and returns at once. */
    public void submit(long runId, ExecutorService executor) {
        executor.submit(() -> execute(runId, done -> { }));
    }

    /**
     * Classifies the customers the run has not stored yet, reporting the running total after each page.
     * A run that fails is marked FAILED with the reason; what it stored stays, and it can be resumed.
     */
    public ClassificationRunRow execute(long runId, IntConsumer progress) {
        ClassificationRunRow run = find(runId);
        if (run == null) {
            throw new IllegalArgumentException("no classification run " + runId);
        }
        // the whole run classifies with one rule set, even if a new one goes live meanwhile
        Classifier classifier = rules.current();
        if (!run.rulesetVersion().equals(classifier.rulesetVersion())) {
            throw new IllegalStateException("run " + runId + " was made with rule set " + run.rulesetVersion()
                    + " but " + classifier.rulesetVersion() + " is live: start a new run instead");
        }
        jdbi.useExtension(ClassificationRunDao.class, dao -> dao.markRunning(runId));
        long started = System.nanoTime();
        Timer.Context timing = metrics.runs.time();
        LOG.info("classification run {} starts: {} customers as of {} with rule set {}{}", runId, run.customersTotal(),
                run.asOf(), run.rulesetVersion(), run.customersDone() > 0 ? ", resuming after " + run.customersDone() : "");
        try {
            String after = jdbi.withExtension(ClassificationRunDao.class, dao -> dao.lastCustomerOf(runId)).orElse("");
            int done = run.customersDone();
            List<CustomerFacts> page;
            while (!(page = customers.page(after, pageSize)).isEmpty()) {
                List<StoredResultRow> rows = new ArrayList<>(page.size());
                List<ClassificationRunDao.StoredLeadRow> leads = new ArrayList<>();
                List<ClassificationRunDao.StoredVehicleRow> vehicles = new ArrayList<>();
                List<ClassificationRunDao.StoredFollowUpRow> followUps = new ArrayList<>();
                for (Classification result : classifier.classify(run.asOf(), page)) {
                    rows.add(row(run, result));
                    for (VehicleResult vehicle : result.vehicles()) {
                        vehicles.add(new ClassificationRunDao.StoredVehicleRow(runId, vehicle.vin(), result.customerId(),
                                vehicle.lifecycle() == null ? null : vehicle.lifecycle().name()));
                    }
                    for (FollowUpResult followUp : result.followUps()) {
                        followUps.add(new ClassificationRunDao.StoredFollowUpRow(runId, result.customerId(),
                                followUp.kind().name(), followUp.subject(), followUp.priority(), followUp.due(),
                                followUp.assignee().name(), clip(followUp.basis(), 200), clip(followUp.reason(), 2000)));
                    }
                    for (LeadResult lead : result.leads()) {
                        if (lead.category() != null || !lead.flags().isEmpty()) {
                            leads.add(new ClassificationRunDao.StoredLeadRow(runId, lead.leadId(), result.customerId(),
                                    lead.category(), lead.action(), lead.flags().contains("CONQUEST_SERVICE")));
                        }
                    }
                }
                jdbi.useTransaction(handle -> {
                    ClassificationRunDao dao = handle.attach(ClassificationRunDao.class);
                    dao.insertResults(rows);
                    if (!leads.isEmpty()) {
                        dao.insertLeads(leads);
                    }
                    if (!vehicles.isEmpty()) {
                        dao.insertVehicles(vehicles);
                    }
                    if (!followUps.isEmpty()) {
                        dao.insertFollowUps(followUps);
                    }
                    dao.addDone(runId, rows.size());
                });
                done += rows.size();
                metrics.runCustomers.inc(rows.size());
                after = page.get(page.size() - 1).customer().getId();
                progress.accept(done);
            }
            jdbi.useExtension(ClassificationRunDao.class, dao -> dao.finish(runId, "DONE", null));
            LOG.info("classification run {} done: {} customers in {} s", runId, done,
                    String.format("%.1f", (System.nanoTime() - started) / 1e9));
        } catch (RuntimeException e) {
            LOG.error("classification run {} failed", runId, e);
            metrics.runsFailed.inc();
            String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            jdbi.useExtension(ClassificationRunDao.class,
                    dao -> dao.finish(runId, "FAILED", reason.substring(0, Math.min(2000, reason.length()))));
        } finally {
            timing.stop();
        }
        return find(runId);
    }

    private StoredResultRow row(ClassificationRunRow run, Classification result) {
        try {
            return new StoredResultRow(run.id(), result.customerId(), run.asOf(), run.rulesetVersion(),
                    name(result.tier()), name(result.churn()),
                    result.loyalty() == null ? null : result.loyalty().score(),
                    result.loyalty() == null ? null : name(result.loyalty().level()),
                    name(result.baseGrade()), json.writeValueAsString(CustomerResult.of(result)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of customer " + result.customerId(), e);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A rule's text cut to its column's width ('' for none). */
    private static String clip(String text, int width) {
        return text == null ? "" : text.length() > width ? text.substring(0, width) : text;
    }
}
