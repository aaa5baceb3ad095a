package jipan.runs;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import jipan.db.Columns;
import jipan.db.ScopedJdbi;
import jipan.api.CallList;
import jipan.api.MovedCustomers;
import jipan.api.OutcomeRequest;
import jipan.api.TaskOutcome;
import jipan.core.Lang;
import jipan.core.ReasonText;
import jipan.core.documents.JsonSettings;
import jipan.db.CallListDao;
import jipan.db.EvidenceDao;
import jipan.db.ClassificationRunDao;
import jipan.db.ClassificationRunRow;
import jipan.reports.ReportParameterException;
import jipan.reports.Reports;
import org.jdbi.v3.core.Jdbi;

/**
 * The call lists of classification runs: the follow-ups each run stored, filtered and paged, and the outcomes of
 * the tasks people worked. A task with an outcome is left out of the open list of every run that raises it on
 * the same basis.
 */
public final class CallLists {
    /** The most lines one answer carries (a CSV download asks for this many). */
    public static final int MAX_LINES = 100_000;
    /** Which tasks a list shows: without an outcome, with one, or both. */
    public static final List<String> STATES = List.of("open", "handled", "all");
    private static final LocalDate NO_LIMIT = LocalDate.of(9999, 12, 31);
    private static final ObjectMapper RESULTS = JsonSettings.newObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;
    private final ScopedJdbi scoped;

    /** The call lists of every store. */
    public CallLists(Jdbi jdbi) {
        this(jdbi, Clock.systemUTC(), ScopedJdbi.everyStoreOnly(jdbi, "these call lists"));
    }

    /** The call lists of a database, which can be limited to stores ({@link #in}). */
    public CallLists(jipan.db.Database database) {
        this(database.jdbi(), Clock.systemUTC(), ScopedJdbi.of(database));
    }

    CallLists(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, scope -> jdbi);
    }

    private CallLists(Jdbi jdbi, Clock clock, ScopedJdbi scoped) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.scoped = scoped;
    }

    /** The same lists, of the customers of {@code scope}'s stores only. */
    public CallLists in(jipan.stores.StoreScope scope) {
        return scope.isAll() ? this : new CallLists(scoped.in(scope), clock, scoped);
    }

    /** The orders a list can be in: by due date and priority, or by the observed return rate, lowest first. */
    public static final List<String> ORDERS = List.of("due", "observed");

    /**
     * Page {@code page} (from 1) of {@code size} lines of run {@code run} (null: the latest finished), only
     * {@code kind} and {@code assignee} when given, due by {@code dueBy} when given, in {@code state} (one of
     * {@link #STATES}; null: open), each task's reason in {@code lang}, in {@code order} (one of {@link #ORDERS};
     * null: due), each line with the observed return rate of the latest backtest of the run's rules.
     */
    public CallList page(Long run, String kind, String assignee, String person, LocalDate dueBy, String state,
                         String order, int page, int size, Lang lang) {
        String s = state == null ? "open" : state;
        return jdbi.withHandle(handle -> {
            ClassificationRunDao runs = handle.attach(ClassificationRunDao.class);
            CallListDao lists = handle.attach(CallListDao.class);
            long id = run != null ? run : Reports.latestDoneRun(runs);
            ClassificationRunRow found = runs.findRun(id).orElseThrow(() ->
                    ReportParameterException.unknown("run: no classification run " + id));
            String k = kind == null ? "" : kind;
            String a = assignee == null ? "" : assignee;
            String p = person == null ? "" : person;
            LocalDate by = dueBy == null ? NO_LIMIT : dueBy;
            StoredResults.Rules rules = StoredResults.Rules.of(runs.runRules(id));
            Optional<EvidenceDao.BacktestRow> source = handle.attach(EvidenceDao.class)
                    .observedSource(found.rulesetVersion());
            long backtest = source.map(EvidenceDao.BacktestRow::id).orElse(-1L);
            long offset = (long) (page - 1) * size;
            List<CallListDao.CallListRow> rows = "observed".equals(order)
                    ? lists.pageByObserved(id, k, a, p, by, s, backtest, size, offset)
                    : lists.page(id, k, a, p, by, s, backtest, size, offset);
            List<CallList.Item> items = rows.stream()
                    .map(r -> new CallList.Item(r.customerId(), r.name(), r.phone(), r.kind(), r.subject(), r.model(),
                            r.priority(), r.due(), r.assignee(), r.person(), r.basis(),
                            StoredResults.followUpReason(RESULTS, r.reason(), rules, lang), r.lastVisit(), r.tier(),
                            r.churn(), r.baseGrade(), r.outcome(), r.churnReason(), r.satisfaction(), r.note(),
                            r.handledBy(), r.handledAt(), r.observedReturnRate()))
                    .toList();
            return new CallList(id, found.asOf(), s, lists.size(id, k, a, p, by, s), page, size, items,
                    source.map(b -> new CallList.ObservedFrom(b.id(), b.asOf(), b.horizonMonths(), b.liveVersion()))
                            .orElse(null));
        });
    }

    /**
     * Records what became of a task of run {@code request.run()} (replacing an earlier outcome of the same task),
     * by {@code caller}; empty when the run has no such task.
     */
    public Optional<TaskOutcome> record(OutcomeRequest request, String caller) {
        if (request.churnReason() != null && !OutcomeRequest.ASKS_WHY_THEY_LEFT.contains(request.kind())) {
            throw new ReportParameterException("churnReason: only the outcome of a RETENTION_CALL or WIN_BACK task "
                    + "says why the customer left (this is a " + request.kind() + " task)");
        }
        if (request.satisfaction() != null && request.outcome() != OutcomeRequest.Outcome.DONE) {
            throw new ReportParameterException("satisfaction: only a call that reached the customer (outcome DONE) "
                    + "records their satisfaction (the outcome is " + request.outcome() + ")");
        }
        return jdbi.inTransaction(handle -> {
            CallListDao lists = handle.attach(CallListDao.class);
            Optional<CallListDao.TaskRow> task = lists.taskOf(request.run(), request.customerId(),
                    request.kind().name(), request.subject());
            if (task.isEmpty()) {
                return Optional.empty();
            }
            String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
            CallListDao.OutcomeRow row = new CallListDao.OutcomeRow(request.customerId(), request.kind().name(),
                    request.subject(), task.get().basis(), request.outcome().name(), note,
                    Columns.clip(caller, 100), now, request.run(), task.get().person(),
                    request.churnReason() == null ? null : request.churnReason().name(), request.satisfaction(), null);
            // the outcome replaced takes the survey it kept with it; a satisfaction given now is kept as a new one
            lists.surveyOf(row).ifPresent(seq -> lists.deleteSurvey(row.customerId(), seq));
            lists.deleteOutcome(row);
            Integer surveySeq = null;
            if (request.satisfaction() != null) {
                surveySeq = lists.nextSurveySeq(row.customerId());
                lists.insertSurvey(row.customerId(), surveySeq, now.atZone(ZoneOffset.UTC).toLocalDate(),
                        request.satisfaction());
            }
            CallListDao.OutcomeRow kept = row.withSurvey(surveySeq);
            lists.insertOutcome(kept);
            return Optional.of(new TaskOutcome(kept.customerId(), kept.kind(), kept.subject(), kept.basis(),
                    kept.person(), request.outcome(), request.churnReason(), request.satisfaction(), kept.note(),
                    kept.handledBy(), kept.handledAt(), kept.runId()));
        });
    }

    /**
     * Page {@code page} (from 1) of {@code size} customers in tier {@code fromTier} in run {@code fromRun} and in
     * {@code toTier} in run {@code toRun} ({@code NONE}: not classified), with the call list's columns and the
     * sentence that gave the later tier.
     */
    public MovedCustomers moved(long fromRun, long toRun, String fromTier, String toTier, int page, int size,
                                Lang lang) {
        return jdbi.withHandle(handle -> {
            ClassificationRunDao runs = handle.attach(ClassificationRunDao.class);
            for (long run : new long[] {fromRun, toRun}) {
                if (runs.findRun(run).isEmpty()) {
                    throw ReportParameterException.unknown("no classification run " + run);
                }
            }
            CallListDao lists = handle.attach(CallListDao.class);
            StoredResults.Rules toRules = StoredResults.Rules.of(runs.runRules(toRun));
            List<MovedCustomers.Line> lines = lists.moved(fromRun, toRun, fromTier, toTier, size,
                    (long) (page - 1) * size).stream().map(row -> new MovedCustomers.Line(row.customerId(),
                    row.name(), row.phone(), row.vin(), row.model(), row.lastVisit(), row.fromTier(), row.tier(),
                    row.churn(), row.baseGrade(), tierReason(row.resultJson(), toRules, lang))).toList();
            return new MovedCustomers(fromRun, toRun, fromTier, toTier,
                    lists.movedCount(fromRun, toRun, fromTier, toTier), page, size, lines);
        });
    }

    /** The sentence of a stored result's tier rule (its reason of topic {@code tiers}), or null. */
    private static String tierReason(String resultJson, StoredResults.Rules runRules, Lang lang) {
        return StoredResults.read(RESULTS, resultJson, runRules, lang).reasons().stream()
                .filter(reason -> "tiers".equals(reason.topic())).map(ReasonText::message)
                .findFirst().orElse(null);
    }
}
