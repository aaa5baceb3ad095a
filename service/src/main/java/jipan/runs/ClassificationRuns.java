package jipan.runs;
import com.codahale.metrics.Timer;
import jipan.stores.StoreScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import jipan.admin.ServiceMetrics;
import jipan.api.StoredClassification;
import jipan.concurrent.NamedThreads;
import jipan.core.Classification;
import jipan.core.LoyaltyResult;
import jipan.core.Lang;
import jipan.core.RuleTexts;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.core.FollowUpResult;
import jipan.core.LeadResult;
import jipan.core.Stages;
import jipan.core.VehicleResult;
import jipan.core.evidence.Holdout;
import jipan.db.ClassificationRunDao;
import jipan.db.EvidenceDao;
import jipan.db.ClassificationRunRow;
import jipan.db.CustomerStore;
import jipan.db.Failures;
import jipan.db.ImportDao;
import jipan.db.StoredResultRow;
import jipan.db.WorkOwner;
import jipan.webhooks.Events;
import jipan.webhooks.WebhookEvent;
import jipan.lifecycle.LiveRules;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies every stored customer as of a date with the live rules and stores each result with the run's
 * date and rule set version. Customers are taken in id order, a page at a time; each page's results and the
 * run's progress are committed together, so a run stopped half-way resumes after the last stored customer.
 * The pages flow through three stages at once: while one page is classified — split across {@code threads}
 * workers — the next is read and the one before is written (by one writer, in order).
 */
public final class ClassificationRuns {
    private static final Logger LOG = LoggerFactory.getLogger(ClassificationRuns.class);
    /** Customers classified and committed together. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    private volatile ServiceMetrics metrics = ServiceMetrics.NONE;
    private volatile Events events = Events.NONE;
    private volatile Holdout holdout = Holdout.NONE;
    private volatile Supplier<Optional<Classifier>> challenger = Optional::empty;

    /** Times runs and counts the customers they classify and the runs that fail into these metrics. */
    /** The instance whose runs these are (the store records it; another instance's live runs are left alone). */
    public void owner(WorkOwner owner) {
        this.owner = owner;
    }

    public WorkOwner owner() {
        return owner;
    }

    /**
     * Where the challenger comes from (docs/domain.md §6.6): each run asks once, at its start, and also classifies
     * with the challenger when one is named, storing its answers apart.
     */
    public void challenger(Supplier<Optional<Classifier>> challenger) {
        this.challenger = challenger;
    }

    /** Holds this share of each kind of task out of the call lists (stored, marked held out). */
    public void holdout(Holdout holdout) {
        this.holdout = holdout;
    }

    /** Tells {@code events} when a run finishes (and its call lists are ready) or fails. */
    public void events(Events events) {
        this.events = events;
    }

    public void metrics(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    private final Jdbi jdbi;
    private final CustomerStore customers;
    private final LiveRules rules;
    private final ObjectMapper json;
    private final int pageSize;
    private final int threads;
    private WorkOwner owner = WorkOwner.thisProcess();

    public ClassificationRuns(Jdbi jdbi, CustomerStore customers, LiveRules rules, ObjectMapper json,
                              int pageSize) {
        this(jdbi, customers, rules, json, pageSize, Runtime.getRuntime().availableProcessors());
    }

    /** @param threads how many threads classify a page (the machine's cores by default) */
    public ClassificationRuns(Jdbi jdbi, CustomerStore customers, LiveRules rules, ObjectMapper json,
                              int pageSize, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: at least 1 (got " + threads + ")");
        }
        this.jdbi = jdbi;
        this.customers = customers;
        this.rules = rules;
        this.json = json;
        this.pageSize = pageSize;
        this.threads = threads;
    }

    /**
     * Records a new run; {@link #execute} then does the work. A run for the same date that is still running
     * is refused ({@link AlreadyRunning}): two would write the same results twice.
     */
    public synchronized ClassificationRunRow create(LocalDate asOf) {
        return create(asOf, null);
    }

    /**
     * The same for the customers of one store ({@code store}: its code; null: the whole group). Runs of two stores
     * for one date may run at once; a group run overlaps every store's.
     */
    public synchronized ClassificationRunRow create(LocalDate asOf, String store) {
        long id = jdbi.inTransaction(handle -> {
            ClassificationRunDao dao = handle.attach(ClassificationRunDao.class);
            List<ClassificationRunRow> running = dao.runningFor(asOf, store);
            if (!running.isEmpty()) {
                throw new AlreadyRunning(running.get(0));
            }
            LocalDateTime until = dao.now(); // the run classifies the customers stored by now
            return dao.insertRun(asOf, rules.current().rulesetVersion(), customersOf(store).count(until), owner.id(),
                    until, store);
        });
        return find(id);
    }

    /** The customers a run of {@code store} classifies (null: every store's). */
    private CustomerStore customersOf(String store) {
        return store == null ? customers : customers.in(StoreScope.of(List.of(store)));
    }

    /**
     * Takes run {@code runId} over for this instance, to resume it: refused while its owner is alive (a heartbeat
     * within {@link WorkOwner#staleAfter()}), and when another instance took it over first. A finished run has nothing
     * to resume.
     */
    public ClassificationRunRow claim(long runId) {
        return jdbi.inTransaction(handle -> {
            ClassificationRunDao dao = handle.attach(ClassificationRunDao.class);
            ClassificationRunRow run = dao.findRun(runId).orElseThrow(
                    () -> new IllegalArgumentException("no classification run " + runId));
            if (run.status().equals("DONE")) {
                throw new NothingToResume(run);
            }
            LocalDateTime now = dao.now();
            boolean alive = run.status().equals("RUNNING") && run.heartbeatAt() != null
                    && run.heartbeatAt().isAfter(now.minus(owner.staleAfter()));
            if (alive) {
                throw new OwnedElsewhere(run, now);
            }
            if (dao.claim(runId, owner.id(), run.status(), run.owner() == null ? "" : run.owner(),
                    run.heartbeatAt() == null ? LocalDateTime.of(1900, 1, 1, 0, 0) : run.heartbeatAt()) == 0) {
                throw new OwnedElsewhere(dao.findRun(runId).orElseThrow(), now);
            }
            LOG.info("classification run {} {} {} (was {} by {})", runId,
                    owner.id().equals(run.owner()) ? "resumed by" : "taken over by", owner.id(), run.status(), run.owner());
            return dao.findRun(runId).orElseThrow();
        });
    }

    /** A run that another instance is doing: it is not resumed here. */
    public static final class OwnedElsewhere extends RuntimeException {
        OwnedElsewhere(ClassificationRunRow run, LocalDateTime now) {
            super("classification run " + run.id() + " is being run by " + run.owner() + " (last heartbeat "
                    + (run.heartbeatAt() == null ? "unknown" : run.heartbeatAt() + ", "
                    + Duration.between(run.heartbeatAt(), now).toSeconds() + " s ago")
                    + "): it can be resumed once that instance has stopped");
        }
    }

    /** A run that finished. */
    public static final class NothingToResume extends RuntimeException {
        NothingToResume(ClassificationRunRow run) {
            super("run " + run.id() + " is " + run.status() + ": nothing to resume");
        }
    }

    /** This instance's run was taken over by another (it had stopped sending heartbeats): it stops writing. */
    public static final class TakenOver extends RuntimeException {
        TakenOver(long runId) {
            super("classification run " + runId + " was taken over by another instance while this one was not "
                    + "sending heartbeats: it stopped here");
        }
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
        return latest(limit, StoreScope.ALL);
    }

    /** The latest runs of a scope's stores (every run for the whole group). */
    public List<ClassificationRunRow> latest(int limit, StoreScope scope) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> scope.isAll() ? dao.latestRuns(limit)
                : dao.latestRunsOf(List.copyOf(scope.codes()), limit));
    }

    public List<StoredResultRow> historyOf(String customerId) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> dao.historyOf(customerId));
    }

    /** Every stored classification of the customer, latest first, read back as the API gives answers, in a language. */
    public List<StoredClassification> classificationsOf(String customerId, Lang lang) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> {
            Map<Long, StoredResults.Rules> rulesByRun = new HashMap<>();
            return dao.historyOf(customerId).stream().map(row -> new StoredClassification(row.runId(),
                    row.asOf(), row.rulesetVersion(), StoredResults.read(json, row.resultJson(),
                    rulesByRun.computeIfAbsent(row.runId(), run -> StoredResults.Rules.of(dao.runRules(run))), lang)))
                    .toList();
        });
    }

    /**
     * Marks runs left RUNNING by an instance that stopped — no heartbeat for {@link WorkOwner#staleAfter()} — as
     * INTERRUPTED, and says so in the log; returns how many. Runs of instances that are alive are left alone.
     */
    public int markInterrupted() {
        int interrupted = jdbi.withExtension(ClassificationRunDao.class,
                dao -> dao.markInterrupted(dao.now().minus(owner.staleAfter())));
        if (interrupted > 0) {
            LOG.warn("{} classification run(s) were left unfinished by a stop; resume them with POST "
                    + "/api/v1/classification-runs/{{id}}/resume", interrupted);
        }
        return interrupted;
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
        if (!owner.id().equals(run.owner()) || !run.status().equals("RUNNING")) {
            claim(runId);
        }
        Classifier rival = challenger.get().filter(c -> !c.rulesetVersion().equals(classifier.rulesetVersion()))
                .orElse(null);
        long started = System.nanoTime();
        Timer.Context timing = metrics.runs.time();
        LOG.info("classification run {} starts: {} customers as of {} with rule set {}{}{}", runId,
                run.customersTotal(), run.asOf(), run.rulesetVersion(),
                rival == null ? "" : " and the challenger " + rival.rulesetVersion(),
                run.customersDone() > 0 ? ", resuming after " + run.customersDone() : "");
        ExecutorService reader = NamedThreads.daemon("run-" + runId + "-reader").single();
        ExecutorService writer = NamedThreads.daemon("run-" + runId + "-writer").single();
        ExecutorService workers = NamedThreads.daemon("run-" + runId + "-classifier").pool(threads);
        try {
            String first = jdbi.withExtension(ClassificationRunDao.class, dao -> dao.lastCustomerOf(runId)).orElse("");
            LocalDateTime until = run.customersUntil() == null ? CustomerStore.ANY_TIME : run.customersUntil();
            StoredResults.RunRules rules = StoredResults.RunRules.of(runId,
                    jdbi.withExtension(ClassificationRunDao.class, dao -> dao.runRules(runId))).numbering(classifier.rules());
            AtomicInteger done = new AtomicInteger(run.customersDone());
            // where the time goes, per stage: its elapsed time (the stages overlap) and the CPU its threads used
            Stage reading = new Stage();
            Stage classifying = new Stage();
            Stage writing = new Stage();
            CustomerStore customers = customersOf(run.store());
            CompletableFuture<List<CustomerFacts>> next = CompletableFuture.supplyAsync(
                    () -> reading.timed(() -> customers.page(first, until, pageSize)), reader);
            CompletableFuture<Void> written = CompletableFuture.completedFuture(null);
            List<CustomerFacts> page;
            while (!(page = Stages.await(next)).isEmpty()) {
                String after = page.get(page.size() - 1).customer().getId();
                next = CompletableFuture.supplyAsync(() -> reading.timed(() -> customers.page(after, until, pageSize)), reader);
                List<CustomerFacts> classified = page;
                PageRows rows = classifying.elapsed(() -> classify(run, rules, classifier, rival, classified,
                        workers, classifying));
                Stages.await(written); // the page before is stored (or its failure ends the run here)
                written = CompletableFuture.runAsync(() -> {
                    writing.timed(() -> {
                        store(runId, rules, rows);
                        return null;
                    });
                    metrics.runCustomers.inc(rows.results().size());
                    progress.accept(done.addAndGet(rows.results().size()));
                }, writer);
            }
            Stages.await(written);
            jdbi.useExtension(ClassificationRunDao.class, dao -> dao.finish(runId, "DONE", null, owner.id()));
            finished(run);
            LOG.info("classification run {} done: {} customers in {} s (reading {}, classifying {} on {} "
                    + "thread(s), writing {}; the stages overlap)", runId, done.get(),
                    String.format("%.1f", (System.nanoTime() - started) / 1e9), reading, classifying, threads, writing);
        } catch (RuntimeException e) {
            // the page being written when another stage failed is stored whole, or not at all
            NamedThreads.close(writer, Duration.ofMinutes(5));
            metrics.runsFailed.inc();
            String reason = Failures.logged(LOG, "classification run " + runId, e);
            jdbi.useExtension(ClassificationRunDao.class, dao -> dao.finish(runId, "FAILED", reason, owner.id()));
            events.happened(WebhookEvent.RUN_FAILED, Map.of("run", runId, "asOf", run.asOf().toString(),
                    "reason", reason));
        } finally {
            NamedThreads.close(reader, Duration.ZERO);
            NamedThreads.close(workers, Duration.ZERO);
            NamedThreads.close(writer, Duration.ZERO);
            timing.stop();
        }
        return find(runId);
    }

    /**
     * Stores results classified elsewhere (the Spark job, docs/spark.md) as a run of this store, through the same
     * rows and page transactions as {@link #execute}: the service's reports and call lists then use it like any
     * run. {@code results} are read once, a page at a time; a result for a customer the store does not have fails
     * the run (named), and what was stored before stays, as in a run that fails.
     */
    public ClassificationRunRow store(LocalDate asOf, String rulesetVersion, RuleTexts texts, int total,
                                      Iterator<Classification> results, IntConsumer progress) {
        return store(asOf, rulesetVersion, texts, total, results, null, progress);
    }

    /** The same, for results of one store's customers ({@code store}: its code; null: the whole group's). */
    public ClassificationRunRow store(LocalDate asOf, String rulesetVersion, RuleTexts texts, int total,
                                      Iterator<Classification> results, String store, IntConsumer progress) {
        long runId = jdbi.withExtension(ClassificationRunDao.class, dao -> dao.insertRun(asOf, rulesetVersion, total,
                owner.id(), dao.now(), store));
        ClassificationRunRow run = find(runId);
        StoredResults.RunRules rules = StoredResults.RunRules.of(runId, List.of()).withTexts(texts);
        int done = 0;
        try {
            List<Classification> page = new ArrayList<>(pageSize);
            while (results.hasNext()) {
                page.add(results.next());
                if (page.size() == pageSize || !results.hasNext()) {
                    List<String> ids = page.stream().map(Classification::customerId).toList();
                    Set<String> known = new HashSet<>(jdbi.withExtension(ImportDao.class,
                            dao -> dao.existingCustomers(ids)));
                    for (String id : ids) {
                        if (!known.contains(id)) {
                            throw new IllegalArgumentException("customer " + id + " of the results is not in this store: "
                                    + "results are stored into the store they were classified from");
                        }
                    }
                    store(runId, rules, rows(run, rules, page));
                    done += page.size();
                    progress.accept(done);
                    page.clear();
                }
            }
            jdbi.useExtension(ClassificationRunDao.class, dao -> dao.finish(runId, "DONE", null, owner.id()));
            finished(run);
            LOG.info("classification run {} stored from outside: {} customers as of {} with rule set {}", runId, done,
                    asOf, rulesetVersion);
        } catch (RuntimeException e) {
            String reason = Failures.logged(LOG, "storing run " + runId, e);
            jdbi.useExtension(ClassificationRunDao.class, dao -> dao.finish(runId, "FAILED", reason, owner.id()));
            events.happened(WebhookEvent.RUN_FAILED, Map.of("run", runId, "asOf", asOf.toString(), "reason", reason));
        }
        return find(runId);
    }

    /** A run is done: it is said, and so is its call list, which can now be worked. */
    private void finished(ClassificationRunRow started) {
        ClassificationRunRow done = find(started.id());
        Map<String, Object> data = Map.of("run", done.id(), "asOf", done.asOf().toString(), "rulesetVersion",
                done.rulesetVersion(), "customers", done.customersDone());
        events.happened(WebhookEvent.RUN_FINISHED, data);
        events.happened(WebhookEvent.CALL_LIST_READY, Map.of("run", done.id(), "asOf", done.asOf().toString(),
                "callList", "/api/v1/call-lists?run=" + done.id()));
    }

    /** A page's rows for the store's tables. */
    private record PageRows(List<StoredResultRow> results, List<ClassificationRunDao.StoredLeadRow> leads,
                            List<ClassificationRunDao.StoredVehicleRow> vehicles,
                            List<ClassificationRunDao.StoredFollowUpRow> followUps,
                            List<EvidenceDao.ChallengerResultRow> challengers) {
        PageRows() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void addAll(PageRows other) {
            results.addAll(other.results);
            leads.addAll(other.leads);
            vehicles.addAll(other.vehicles);
            followUps.addAll(other.followUps);
            challengers.addAll(other.challengers);
        }
    }

    /**
     * Classifies a page in {@code threads} slices on the workers, and with the challenger when there is one
     * ({@code rival}, else null); the rows keep the page's order.
     */
    private PageRows classify(ClassificationRunRow run, StoredResults.RunRules rules, Classifier classifier,
                              Classifier rival, List<CustomerFacts> page, ExecutorService workers, Stage stage) {
        int slice = (page.size() + threads - 1) / threads;
        List<CompletableFuture<PageRows>> slices = new ArrayList<>();
        for (int from = 0; from < page.size(); from += slice) {
            List<CustomerFacts> part = page.subList(from, Math.min(page.size(), from + slice));
            slices.add(CompletableFuture.supplyAsync(() -> stage.cpu(() -> {
                PageRows rows = rows(run, rules, classifier.classify(run.asOf(), part));
                if (rival != null) {
                    for (Classification answer : rival.classify(run.asOf(), part)) {
                        rows.challengers().add(new EvidenceDao.ChallengerResultRow(run.id(), answer.customerId(),
                                rival.rulesetVersion(), name(answer.tier()), name(answer.churn()),
                                name(answer.baseGrade())));
                    }
                }
                return rows;
            }), workers));
        }
        PageRows all = new PageRows();
        slices.forEach(part -> all.addAll(Stages.await(part)));
        return all;
    }

    private PageRows rows(ClassificationRunRow run, StoredResults.RunRules rules, List<Classification> results) {
        long runId = run.id();
        PageRows rows = new PageRows();
        for (Classification result : results) {
            rows.results().add(row(run, rules, result));
            for (VehicleResult vehicle : result.vehicles()) {
                rows.vehicles().add(new ClassificationRunDao.StoredVehicleRow(runId, vehicle.vin(), result.customerId(),
                        vehicle.lifecycle() == null ? null : vehicle.lifecycle().name()));
            }
            for (FollowUpResult followUp : result.followUps()) {
                rows.followUps().add(new ClassificationRunDao.StoredFollowUpRow(runId, result.customerId(),
                        followUp.kind().name(), followUp.subject(), followUp.priority(), followUp.due(),
                        followUp.assignee().name(), followUp.person() == null ? null : clip(followUp.person(), 200),
                        clip(followUp.basis(), 200),
                        StoredResults.followUpReason(json, followUp),
                        holdout.heldOut(result.customerId(), followUp.kind())));
            }
            for (LeadResult lead : result.leads()) {
                if (lead.category() != null || !lead.flags().isEmpty()) {
                    rows.leads().add(new ClassificationRunDao.StoredLeadRow(runId, lead.leadId(), result.customerId(),
                            lead.category(), lead.action(), lead.flags().contains("CONQUEST_SERVICE")));
                }
            }
        }
        return rows;
    }

    /** Stores a page's rows, the rules they are the first to name, and the run's progress in one transaction. */
    private void store(long runId, StoredResults.RunRules rules, PageRows rows) {
        jdbi.useTransaction(handle -> {
            ClassificationRunDao dao = handle.attach(ClassificationRunDao.class);
            List<ClassificationRunDao.RunRuleRow> named = rules.takeUnsaved();
            if (!named.isEmpty()) {
                dao.insertRunRules(named);
            }
            dao.insertResults(rows.results());
            if (!rows.leads().isEmpty()) {
                dao.insertLeads(rows.leads());
            }
            if (!rows.vehicles().isEmpty()) {
                dao.insertVehicles(rows.vehicles());
            }
            if (!rows.followUps().isEmpty()) {
                dao.insertFollowUps(rows.followUps());
            }
            if (!rows.challengers().isEmpty()) {
                handle.attach(EvidenceDao.class).insertChallengerResults(rows.challengers());
            }
            if (dao.addDone(runId, rows.results().size(), owner.id()) == 0) {
                throw new TakenOver(runId); // the page is not kept: the new owner classifies these customers
            }
        });
    }

    /** A stage's elapsed time and the CPU time of the threads that did its work, summed over its pages. */
    private static final class Stage {
        private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
        private static final boolean MEASURED = CPU.isCurrentThreadCpuTimeSupported() && CPU.isThreadCpuTimeEnabled();
        private final AtomicLong elapsed = new AtomicLong();
        private final AtomicLong cpu = new AtomicLong();

        /** Work done on the calling thread: its elapsed and CPU time. */
        <T> T timed(Supplier<T> work) {
            return elapsed(() -> cpu(work));
        }

        /** Work spread over other threads (which count their CPU with {@link #cpu}): its elapsed time. */
        <T> T elapsed(Supplier<T> work) {
            long start = System.nanoTime();
            try {
                return work.get();
            } finally {
                elapsed.addAndGet(System.nanoTime() - start);
            }
        }

        /** The calling thread's CPU time for the work (nothing counted on a JVM that cannot tell). */
        <T> T cpu(Supplier<T> work) {
            if (!MEASURED) {
                return work.get();
            }
            long start = CPU.getCurrentThreadCpuTime();
            try {
                return work.get();
            } finally {
                cpu.addAndGet(CPU.getCurrentThreadCpuTime() - start);
            }
        }

        @Override
        public String toString() {
            return String.format("%.1f s, CPU %.1f s", elapsed.get() / 1e9, cpu.get() / 1e9);
        }
    }

    private StoredResultRow row(ClassificationRunRow run, StoredResults.RunRules rules, Classification result) {
        LoyaltyResult loyalty = result.loyalty();
        return new StoredResultRow(run.id(), result.customerId(), run.asOf(), run.rulesetVersion(),
                name(result.tier()), name(result.churn()),
                loyalty == null ? null : loyalty.score(), loyalty == null ? null : name(loyalty.level()),
                name(result.baseGrade()), StoredResults.write(json, result, rules),
                loyalty == null ? null : loyalty.satisfaction(), loyalty == null ? null : loyalty.maintenance(),
                loyalty == null ? null : loyalty.activity(), loyalty == null ? null : loyalty.advocacy());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A rule's text cut to its column's width ('' for none). */
    private static String clip(String text, int width) {
        return text == null ? "" : text.length() > width ? text.substring(0, width) : text;
    }
}
