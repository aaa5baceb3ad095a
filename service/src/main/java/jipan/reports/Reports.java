package jipan.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jipan.core.Limits;
import jipan.core.kpi.Kpis;
import jipan.db.ClassificationRunDao;
import jipan.db.ScopedJdbi;
import jipan.db.ClassificationRunRow;
import jipan.db.ReportDao;
import jipan.db.ReportDao.CohortCount;
import jipan.db.ReportDao.StructureRow;
import org.jdbi.v3.core.Jdbi;

/**
 * The KPI reports of SPEC §4, computed in the database. Every report states its cohort or window and the
 * inputs of its formula, so a manager can check it by hand.
 */
public final class Reports {
    private static final List<String> BUCKETS = List.of(">=4", "3", "2", "1");

    /** How the structure table may be grouped by customer: the name a client uses and the SQL behind it. */
    private static final Map<String, String> GROUPS = Kpis.CUSTOMER_GROUPS;
    /** … and by vehicle, where each row counts vehicles, not customers. */
    private static final Map<String, String> VEHICLE_GROUPS = Map.of("model", "COALESCE(v.model, '')",
            "lifecycle", "COALESCE(cv.lifecycle, '')",
            "origin", "CASE WHEN v.bought_here THEN 'BOUGHT_HERE' ELSE 'BOUGHT_ELSEWHERE' END");

    /** The retained base's threshold by default: one customer-pay visit in twelve months, as tiers A–C. */
    public static final int DEFAULT_RETAINED_MIN_VISITS = 1;

    private final Jdbi jdbi;
    private final Clock clock;
    private final BaseReports base;
    private final int retainedMinVisits;
    private final ScopedJdbi scoped;

    /**
     * @param retainedMinVisits the customer-pay visits in twelve months that make a base customer retained
     *                          (保有客户; {@code reports.retainedMinVisits})
     */
    public Reports(Jdbi jdbi, Clock clock, int retainedMinVisits) {
        this(jdbi, clock, retainedMinVisits, ScopedJdbi.everyStoreOnly(jdbi, "these reports"));
    }

    /** The reports of a database's customers, which can be limited to stores ({@link #in}). */
    public Reports(jipan.db.Database database, Clock clock, int retainedMinVisits) {
        this(database.jdbi(), clock, retainedMinVisits, ScopedJdbi.of(database));
    }

    private Reports(Jdbi jdbi, Clock clock, int retainedMinVisits, ScopedJdbi scoped) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retainedMinVisits = retainedMinVisits;
        this.scoped = scoped;
        this.base = new BaseReports(jdbi, clock, retainedMinVisits);
    }

    /** The same reports, of the customers of {@code scope}'s stores only (and its stores' runs by default). */
    public Reports in(jipan.stores.StoreScope scope) {
        if (scope.equals(this.scope)) {
            return this;
        }
        Reports limited = new Reports(scoped.in(scope), clock, retainedMinVisits, scoped);
        limited.scope = scope;
        limited.stores = stores;
        return limited;
    }

    private jipan.stores.StoreScope scope = jipan.stores.StoreScope.ALL;
    private jipan.stores.Stores stores = jipan.stores.Stores.single();

    /** The group's stores, for the league table (one store, {@code default}, unless set). */
    public Reports stores(jipan.stores.Stores stores) {
        this.stores = stores;
        return this;
    }

    Clock clock() {
        return clock;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** The group view: customers two stores share, and where they went ({@link StoreLeague#shared}). */
    public List<StoreLeague.SharedLine> sharedCustomers() {
        return StoreLeague.shared(this, stores, scope);
    }

    /** The league table of the stores this report sees, for a month ({@link StoreLeague}). */
    public List<StoreLeague.StoreLine> league(YearMonth month) {
        return StoreLeague.of(this, stores, scope, month);
    }

    public Reports(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, DEFAULT_RETAINED_MIN_VISITS);
    }

    /** The customer-base tables of the practice (grades, lifecycle, retained base, loyalty, data quality …). */
    public BaseReports base() {
        return base;
    }

    /** Monthly churn (seed 001): of the customers who visited in month N-6, those with no visit in N-5..N. */
    public record MonthlyChurn(YearMonth month, YearMonth cohortMonth, int cohort, int returned, BigDecimal churn,
                               String formula) {
    }

    public MonthlyChurn monthlyChurn(YearMonth month) {
        notInFuture("month", month, clock);
        YearMonth cohortMonth = month.minusMonths(6);
        Kpis.Periods periods = Kpis.monthly(month);
        CohortCount count = jdbi.withExtension(ReportDao.class, dao -> dao.customersReturning(
                periods.cohortStart(), periods.cohortEnd(), periods.returnStart(), periods.returnEnd()));
        BigDecimal churn = count.cohort() == 0 ? null
                : BigDecimal.ONE.subtract(ratio(count.returned(), count.cohort()));
        return new MonthlyChurn(month, cohortMonth, count.cohort(), count.returned(), churn,
                "1 - returned / cohort: cohort = customers with a visit in " + cohortMonth + ", returned = those of them "
                        + "with a visit from " + cohortMonth.plusMonths(1) + " to " + month);
    }

    /** The monthly churn of the twelve months up to {@code to}. */
    public List<MonthlyChurn> monthlyChurnSeries(YearMonth to) {
        List<MonthlyChurn> series = new ArrayList<>();
        for (int back = 11; back >= 0; back--) {
            series.add(monthlyChurn(to.minusMonths(back)));
        }
        return series;
    }

    /** Annual churn (seed 001): vehicles that visited in the year ending 12 months before asOf and not since. */
    public record AnnualChurn(LocalDate asOf, LocalDate cohortAfter, LocalDate cohortUpTo, int cohort, int lost,
                              BigDecimal churn, String formula) {
    }

    public AnnualChurn annualChurn(LocalDate asOf) {
        notInFuture("asOf", asOf, clock);
        Kpis.Periods periods = Kpis.annual(asOf);
        LocalDate yearAgo = periods.cohortEnd();
        LocalDate twoYearsAgo = periods.cohortStart();
        CohortCount count = jdbi.withExtension(ReportDao.class, dao -> dao.vehiclesReturning(periods.cohortStart(),
                periods.cohortEnd(), periods.returnStart(), periods.returnEnd()));
        int lost = count.cohort() - count.returned();
        return new AnnualChurn(asOf, twoYearsAgo, yearAgo, count.cohort(), lost,
                count.cohort() == 0 ? null : ratio(lost, count.cohort()),
                "lost / cohort: cohort = vehicles (VINs) with a visit after " + twoYearsAgo + " up to " + yearAgo
                        + ", lost = those of them with no visit after " + yearAgo + " up to " + asOf);
    }

    /**
     * Absolute and relative churn (seed 001) as of a date: of the customers who visited in the year ending
     * 12 months before asOf, the share lost since (absolute), weighted by what the lost spent in that year
     * against the average (relative = absolute × lost average spend / average spend = the share of spend lost).
     */
    public record SpendChurn(LocalDate asOf, LocalDate baseAfter, LocalDate baseUpTo, int customers, int lost,
                             BigDecimal averageSpend, BigDecimal averageSpendOfLost, BigDecimal absoluteChurn,
                             BigDecimal relativeChurn, String formula) {
    }

    public SpendChurn spendChurn(LocalDate asOf) {
        notInFuture("asOf", asOf, clock);
        LocalDate baseEnd = asOf.minusMonths(12);
        LocalDate baseStart = asOf.minusMonths(24);
        ReportDao.LostSpend spend = jdbi.withExtension(ReportDao.class, dao -> dao.lostSpend(baseStart, baseEnd, asOf));
        BigDecimal average = divide(spend.revenue(), spend.customers());
        BigDecimal averageLost = divide(spend.lostRevenue(), spend.lost());
        return new SpendChurn(asOf, baseStart, baseEnd, spend.customers(), spend.lost(), average, averageLost,
                ratio(spend.lost(), spend.customers()),
                share(spend.lostRevenue(), spend.revenue()),
                "absolute = lost / customers; relative = absolute × average spend of the lost / average spend; "
                        + "customers = those with a visit after " + baseStart + " up to " + baseEnd + " and their spend "
                        + "then; lost = those of them with no visit after " + baseEnd + " up to " + asOf);
    }

    /** Transaction growth (seed 000) of [from, to] against the same dates a year earlier. */
    public record Growth(LocalDate from, LocalDate to, int customers, int visits, BigDecimal revenue,
                         LocalDate previousFrom, LocalDate previousTo, int previousCustomers, int previousVisits,
                         BigDecimal previousRevenue, BigDecimal revenueGrowth, String formula) {
    }

    public Growth growth(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        LocalDate previousFrom = from.minusYears(1);
        LocalDate previousTo = to.minusYears(1);
        ReportDao.PeriodSpend now = jdbi.withExtension(ReportDao.class, dao -> dao.spend(from, to));
        ReportDao.PeriodSpend before = jdbi.withExtension(ReportDao.class, dao -> dao.spend(previousFrom, previousTo));
        return new Growth(from, to, now.customers(), now.visits(), now.revenue(), previousFrom, previousTo,
                before.customers(), before.visits(), before.revenue(),
                change(now.revenue(), before.revenue()),
                "(revenue - previousRevenue) / previousRevenue, the previous period being the same dates a year earlier");
    }

    /** One row of the customer structure table (seed 003). */
    public record StructureLine(String group, String bucket, int customers, int visits, BigDecimal revenue,
                                BigDecimal averageTicket, BigDecimal perVehicle, BigDecimal customerShare,
                                BigDecimal revenueShare, BigDecimal visitShare) {
    }

    /**
     * Customers with visits in [from, to] by visit-count bucket (>=4, 3, 2, 1): customers, visits, revenue,
     * average ticket (revenue / visits), per-vehicle contribution (revenue / customers) and each bucket's share
     * of its group's customers and revenue; grouped by {@code by}: none, region, industry, kind, or by
     * vehicle — model, lifecycle (the stage the rules gave it in the latest finished run) — where each row
     * counts vehicles instead of customers.
     */
    public List<StructureLine> structure(LocalDate from, LocalDate to, String by) {
        checkPeriod(from, to);
        List<StructureRow> rows;
        if (GROUPS.containsKey(by)) {
            rows = jdbi.withExtension(ReportDao.class, dao -> dao.structure(GROUPS.get(by), from, to));
        } else if (VEHICLE_GROUPS.containsKey(by)) {
            long run = by.equals("lifecycle") ? latestDoneRun() : -1;
            rows = jdbi.withExtension(ReportDao.class, dao -> dao.vehicleStructure(VEHICLE_GROUPS.get(by), from, to, run));
        } else {
            throw new ReportParameterException("by: must be one of none, region, industry, kind, model, lifecycle, origin (got '"
                    + by + "')");
        }
        Map<String, List<StructureRow>> byGroup = rows.stream().collect(Collectors.groupingBy(StructureRow::groupValue,
                TreeMap::new, Collectors.toList()));
        List<StructureLine> lines = new ArrayList<>();
        byGroup.forEach((groupValue, groupRows) -> {
            int customers = groupRows.stream().mapToInt(StructureRow::customers).sum();
            int visits = groupRows.stream().mapToInt(StructureRow::visits).sum();
            BigDecimal revenue = groupRows.stream().map(StructureRow::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, StructureRow> byBucket = new LinkedHashMap<>();
            groupRows.forEach(row -> byBucket.put(row.bucket(), row));
            for (String bucket : BUCKETS) {
                StructureRow row = byBucket.get(bucket);
                if (row != null) {
                    lines.add(new StructureLine(groupValue, bucket, row.customers(), row.visits(), row.revenue(),
                            divide(row.revenue(), row.visits()), divide(row.revenue(), row.customers()),
                            ratio(row.customers(), customers),
                            share(row.revenue(), revenue),
                            ratio(row.visits(), visits)));
                }
            }
        });
        return lines;
    }

    /** Leads of a classification run by the category the rules gave them (war-defeat categories, STALLED). */
    public record CategoryLine(long runId, String category, int leads, int conquestService) {
    }

    /** By category in run {@code runId}, or in the latest finished run when null. */
    public List<CategoryLine> leadsByCategory(Long runId) {
        long run = run(runId).id();
        return jdbi.withExtension(ReportDao.class, dao -> dao.leadsByCategory(run)).stream()
                .map(count -> new CategoryLine(run, count.category(), count.leads(), count.conquest())).toList();
    }

    /** Defeated leads closed in a period by the competitor that won them ('' where not recorded). */
    public record CompetitorLine(String competitorBrand, String competitorModel, int defeated) {
    }

    /** Defeated leads closed in [from, to] by the competitor brand and model that won them. */
    public List<CompetitorLine> defeatsByCompetitor(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return jdbi.withExtension(ReportDao.class, dao -> dao.defeatsByCompetitor(from, to)).stream()
                .map(row -> new CompetitorLine(row.competitorBrand(), row.competitorModel(), row.defeated())).toList();
    }

    /** Defeat rate per month: defeated / (won + defeated) of the leads closed that month. */
    public record MonthDefeatRate(YearMonth month, int won, int defeated, BigDecimal defeatRate) {
    }

    public List<MonthDefeatRate> defeatRateByMonth(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return jdbi.withExtension(ReportDao.class, dao -> dao.outcomesByMonth(from, to)).stream()
                .map(m -> new MonthDefeatRate(YearMonth.of(m.closeYear(), m.closeMonth()), m.won(), m.defeated(),
                        ratio(m.defeated(), m.won() + m.defeated())))
                .toList();
    }

    /**
     * How many prospects defeated in [from, to] later came to the workshop (conquered for after-sales), and how many
     * later bought here after all (a won lead or a car sold here after the defeat).
     */
    public record Conquest(LocalDate from, LocalDate to, int defeated, int laterServiceCustomers, BigDecimal share,
                           int laterBought, BigDecimal laterBoughtShare) {
    }

    public Conquest conquest(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        CohortCount count = jdbi.withExtension(ReportDao.class, dao -> dao.defeatedLaterServiced(from, to));
        CohortCount bought = base.defeatedLaterBought(from, to);
        return new Conquest(from, to, count.cohort(), count.returned(), ratio(count.returned(), count.cohort()),
                bought.returned(), ratio(bought.returned(), bought.cohort()));
    }

    /** How many customers moved from one tier to another between two runs. */
    public record TierMove(String fromTier, String toTier, int customers) {
    }

    /** Customers by tier in one classification run, with each tier's share. */
    public record TierShare(long runId, LocalDate asOf, String tier, int customers, BigDecimal share) {
    }

    /** The tier distribution of run {@code runId}, or of the latest finished run when null. */
    public List<TierShare> tierDistribution(Long runId) {
        ClassificationRunRow found = run(runId);
        long run = found.id();
        List<ClassificationRunDao.TierCount> counts = jdbi.withExtension(ClassificationRunDao.class,
                dao -> dao.tierCounts(run));
        int total = counts.stream().mapToInt(ClassificationRunDao.TierCount::customers).sum();
        return counts.stream().map(c -> new TierShare(run, found.asOf(), c.tier(), c.customers(),
                ratio(c.customers(), total))).toList();
    }

    /**
     * Customers by tier in run {@code fromRun} against run {@code toRun} (A→B …), for those both classified; by
     * default the latest finished run against the finished run before it.
     */
    public List<TierMove> tierMigration(Long fromRun, Long toRun) {
        RunPair runs = runPair(fromRun, toRun);
        return jdbi.withExtension(ClassificationRunDao.class, dao -> dao.tierMoves(runs.from().id(), runs.to().id())
                .stream().map(move -> new TierMove(move.fromTier(), move.toTier(), move.customers())).toList());
    }

    /**
     * A line of the recapture report: of the customers run {@code runId} (as of {@code fromAsOf}) listed for a kind
     * of task and assignee, with that outcome recorded (NONE: none), how many visited after {@code fromAsOf} up to
     * {@code toAsOf}, the next run's date.
     */
    public record RecaptureLine(long runId, LocalDate fromAsOf, LocalDate toAsOf, String kind, String assignee,
                                String person, String outcome, int customers, int visited, BigDecimal share) {
    }

    /**
     * A line of the per-person view: of the tasks a person's outcomes were recorded for in a month (the person the
     * task went to, else who recorded it), how many, how they ended, and how many of their customers visited after
     * the call, up to the period's end.
     */
    public record PersonMonth(String month, String person, int handled, int done, int unreachable, int declined,
                              int customers, int cameBack, BigDecimal share) {
    }

    /** The outcomes recorded in [from, to] by month and person. */
    public List<PersonMonth> people(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        List<ReportDao.HandledRow> rows = jdbi.withExtension(ReportDao.class, dao -> dao.handled(from.atStartOfDay(),
                to.plusDays(1).atStartOfDay(), to));
        Map<List<String>, List<ReportDao.HandledRow>> byMonthAndPerson = new java.util.TreeMap<>(
                java.util.Comparator.<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1)));
        for (ReportDao.HandledRow row : rows) {
            String month = java.time.YearMonth.from(row.handledAt().toLocalDateTime()).toString();
            byMonthAndPerson.computeIfAbsent(List.of(month, row.person()), key -> new ArrayList<>()).add(row);
        }
        List<PersonMonth> lines = new ArrayList<>();
        byMonthAndPerson.forEach((key, handled) -> {
            java.util.Set<String> customers = new java.util.HashSet<>();
            java.util.Set<String> cameBack = new java.util.HashSet<>();
            int[] outcomes = new int[3];
            for (ReportDao.HandledRow row : handled) {
                customers.add(row.customerId());
                if (row.cameBack()) {
                    cameBack.add(row.customerId());
                }
                outcomes[switch (row.outcome()) { case "DONE" -> 0; case "UNREACHABLE" -> 1; default -> 2; }]++;
            }
            lines.add(new PersonMonth(key.get(0), key.get(1), handled.size(), outcomes[0], outcomes[1], outcomes[2],
                    customers.size(), cameBack.size(), ratio(cameBack.size(), customers.size())));
        });
        return lines;
    }

    /** A line of the churn reasons: how many calls in a month recorded a reason, for customers of a tier. */
    public record ChurnReasonLine(String month, String tier, String churnReason, int customers, BigDecimal share) {
    }

    /** The churn reasons recorded in [from, to] by month, tier and reason; each line's share of its month and tier. */
    public List<ChurnReasonLine> churnReasons(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        List<ReportDao.ChurnReasonRow> rows = jdbi.withExtension(ReportDao.class, dao -> dao.churnReasons(
                from.atStartOfDay(), to.plusDays(1).atStartOfDay()));
        Map<List<String>, Integer> counts = new java.util.TreeMap<>(java.util.Comparator
                .<List<String>, String>comparing(key -> key.get(0)).thenComparing(key -> key.get(1))
                .thenComparing(key -> key.get(2)));
        Map<List<String>, Integer> groups = new java.util.HashMap<>();
        for (ReportDao.ChurnReasonRow row : rows) {
            String month = java.time.YearMonth.from(row.handledAt().toLocalDateTime()).toString();
            counts.merge(List.of(month, row.tier(), row.churnReason()), 1, Integer::sum);
            groups.merge(List.of(month, row.tier()), 1, Integer::sum);
        }
        List<ChurnReasonLine> lines = new ArrayList<>();
        counts.forEach((key, count) -> lines.add(new ChurnReasonLine(key.get(0), key.get(1), key.get(2), count,
                ratio(count, groups.get(List.of(key.get(0), key.get(1)))))));
        return lines;
    }

    /**
     * Whether the calls work: the follow-ups of run {@code fromRun} by kind, assignee and outcome, and how many of
     * their customers visited before run {@code toRun}; by default the finished run before the latest finished one
     * against the latest.
     */
    public List<RecaptureLine> recapture(Long fromRun, Long toRun) {
        RunPair runs = runPair(fromRun, toRun);
        if (runs.to().asOf().isBefore(runs.from().asOf())) {
            throw new ReportParameterException("to: run " + runs.to().id() + " (as of " + runs.to().asOf()
                    + ") must not be as of an earlier date than run " + runs.from().id() + " (as of "
                    + runs.from().asOf() + ")");
        }
        return jdbi.withExtension(ReportDao.class, dao -> dao.recapture(runs.from().id(), runs.from().asOf(),
                runs.to().asOf())).stream().map(row -> new RecaptureLine(runs.from().id(), runs.from().asOf(),
                runs.to().asOf(), row.kind(), row.assignee(), row.person(), row.outcome(), row.customers(), row.visited(),
                ratio(row.visited(), row.customers()))).toList();
    }

    /**
     * A line of the holdout comparison: of run {@code runId}'s tasks of a kind, the customers listed and those held
     * out, and how many of each came back (a customer-pay visit) after {@code asOf} up to {@code observedUntil} — the
     * horizon's end, or the latest data when the horizon has not passed yet; {@code difference} is the listed share
     * less the held-out share, with its 95 % confidence interval: the call list's own effect.
     */
    public record HoldoutLine(long runId, LocalDate asOf, LocalDate horizonEnd, LocalDate observedUntil, String kind,
                              int listed, int listedCameBack, BigDecimal listedShare, int heldOut,
                              int heldOutCameBack, BigDecimal heldOutShare, BigDecimal difference,
                              BigDecimal differenceLow, BigDecimal differenceHigh) {
    }

    /**
     * The holdout comparison of run {@code run} over {@code horizonMonths}; by default the latest finished run whose
     * horizon has passed (as of the latest data less the horizon, or earlier), else the latest finished.
     */
    public List<HoldoutLine> recaptureHoldout(Long run, int horizonMonths) {
        return jdbi.withHandle(handle -> {
            ClassificationRunDao runs = handle.attach(ClassificationRunDao.class);
            Optional<LocalDate> latestData = handle.attach(jipan.db.EvidenceDao.class).latestVisit();
            long id = run != null ? run : latestData.flatMap(latest -> runs.latestDoneRunUpTo(
                    latest.minusMonths(horizonMonths))).orElseGet(() -> latestDoneRun(runs));
            ClassificationRunRow found = runs.findRun(id).orElseThrow(() ->
                    ReportParameterException.unknown("run: no classification run " + id));
            LocalDate horizonEnd = found.asOf().plusMonths(horizonMonths);
            LocalDate latest = latestData.orElse(found.asOf());
            LocalDate until = latest.isBefore(horizonEnd) ? latest : horizonEnd;
            Map<String, int[]> byKind = new java.util.TreeMap<>();
            for (ReportDao.HoldoutRow row : handle.attach(ReportDao.class).holdout(id, found.asOf(), until)) {
                int[] counts = byKind.computeIfAbsent(row.kind(), k -> new int[4]);
                counts[row.heldOut() ? 2 : 0] = row.customers();
                counts[row.heldOut() ? 3 : 1] = row.cameBack();
            }
            List<HoldoutLine> lines = new ArrayList<>();
            byKind.forEach((kind, c) -> {
                jipan.core.evidence.Proportions d = jipan.core.evidence.Proportions.difference(c[1], c[0], c[3], c[2]);
                lines.add(new HoldoutLine(id, found.asOf(), horizonEnd, until, kind, c[0], c[1], ratio(c[1], c[0]),
                        c[2], c[3], ratio(c[3], c[2]), d == null ? null : d.difference(), d == null ? null : d.low(),
                        d == null ? null : d.high()));
            });
            return lines;
        });
    }

    /**
     * A line of the challenger comparison: of run {@code runId}'s customers, how many the run's rules (the champion)
     * put in {@code champion} and the challenger in {@code challenger}, for one output (TIER, CHURN, BASE_GRADE);
     * {@code share} of the customers both classified; {@code moved}: the two differ.
     */
    public record ChallengerLine(long runId, String challengerVersion, String output, String champion,
                                 String challenger, int customers, BigDecimal share, boolean moved) {
    }

    /**
     * The champion against the challenger in run {@code run} (default: the latest finished); no lines when the run
     * had no challenger (a run classifies with the challenger named when it starts).
     */
    public List<ChallengerLine> challenger(Long run) {
        return jdbi.withHandle(handle -> {
            ClassificationRunDao runs = handle.attach(ClassificationRunDao.class);
            long id = run != null ? run : latestDoneRun(runs);
            runs.findRun(id).orElseThrow(() -> ReportParameterException.unknown("run: no classification run " + id));
            List<jipan.db.EvidenceDao.ChallengerCellRow> cells = handle.attach(jipan.db.EvidenceDao.class)
                    .challengerCells(id);
            Map<String, Integer> totals = new java.util.HashMap<>();
            cells.forEach(cell -> totals.merge(cell.output(), cell.customers(), Integer::sum));
            return cells.stream().map(cell -> new ChallengerLine(id, cell.challengerVersion(), cell.output(),
                    cell.champion(), cell.challenger(), cell.customers(), ratio(cell.customers(),
                    totals.get(cell.output())), !cell.champion().equals(cell.challenger()))).toList();
        });
    }

    /** Two classification runs a report compares. */
    public record RunPair(ClassificationRunRow from, ClassificationRunRow to) {
    }

    /** Runs {@code from} and {@code to}, by default the finished run before {@code to} and the latest finished. */
    /**
     * Runs {@code from} and {@code to}, by default the finished run before {@code to} and the latest finished; with
     * no finished run before {@code to}, {@code to} itself (a structure of one run is still a table to read).
     */
    public RunPair runsOrOne(Long fromRun, Long toRun) {
        return runPair(fromRun, toRun, true);
    }

    private RunPair runPair(Long fromRun, Long toRun) {
        return runPair(fromRun, toRun, false);
    }

    private RunPair runPair(Long fromRun, Long toRun, boolean orOne) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> {
            long to = toRun != null ? toRun : latestDoneRun(dao);
            long from = fromRun != null ? fromRun : dao.doneRunBefore(to).orElseGet(() -> {
                if (orOne) {
                    return to;
                }
                throw new ReportParameterException("from: no finished classification run before run " + to
                        + " to compare it with");
            });
            ClassificationRunRow fromRow = dao.findRun(from).orElseThrow(() ->
                    ReportParameterException.unknown("from: no classification run " + from));
            ClassificationRunRow toRow = dao.findRun(to).orElseThrow(() ->
                    ReportParameterException.unknown("to: no classification run " + to));
            return new RunPair(fromRow, toRow);
        });
    }

    private long latestDoneRun() {
        return jdbi.withExtension(ClassificationRunDao.class, Reports::latestDoneRun);
    }

    /** The latest finished classification run: what reports and call lists default to, or 400 saying there is none. */
    public static long latestDoneRun(ClassificationRunDao dao) {
        return dao.latestDoneRun().orElseThrow(() -> new ReportParameterException("run: no finished classification "
                + "run yet; start one with POST /api/v1/classification-runs"));
    }

    /** The structure of [from, to] and of the same dates a year earlier, each row marked with its period. */
    public record YearOverYearLine(String period, String group, String bucket, int customers, int visits,
                                   BigDecimal revenue, BigDecimal averageTicket, BigDecimal perVehicle,
                                   BigDecimal customerShare, BigDecimal revenueShare, BigDecimal visitShare) {
        static YearOverYearLine of(String period, StructureLine line) {
            return new YearOverYearLine(period, line.group(), line.bucket(), line.customers(), line.visits(),
                    line.revenue(), line.averageTicket(), line.perVehicle(), line.customerShare(), line.revenueShare(),
                    line.visitShare());
        }
    }

    public List<YearOverYearLine> structureYearOverYear(LocalDate from, LocalDate to, String by) {
        List<YearOverYearLine> lines = new ArrayList<>();
        LocalDate previousFrom = from.minusYears(1);
        LocalDate previousTo = to.minusYears(1);
        structure(previousFrom, previousTo, by)
                .forEach(line -> lines.add(YearOverYearLine.of(previousFrom + ".." + previousTo, line)));
        structure(from, to, by).forEach(line -> lines.add(YearOverYearLine.of(from + ".." + to, line)));
        return lines;
    }

    /** The run a report reads: the one given (404 when unknown), else the latest finished (400 when none). */
    ClassificationRunRow run(Long runId) {
        return jdbi.withExtension(ClassificationRunDao.class, dao -> {
            long id = runId != null ? runId : latestDoneRun(dao);
            return dao.findRun(id).orElseThrow(() -> ReportParameterException.unknown("run: no classification run " + id));
        });
    }

    /** A date parameter's check: a report is not asked about a date after today. */
    static void notInFuture(String parameter, LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new ReportParameterException(parameter + ": " + date + " is in the future");
        }
    }

    /** A month parameter's check: a report is not asked about a month after this one. */
    static void notInFuture(String parameter, YearMonth month, Clock clock) {
        if (month.isAfter(YearMonth.now(clock))) {
            throw new ReportParameterException(parameter + ": " + month + " is in the future");
        }
    }

    /** part / whole to four places (half up); null for a whole of zero. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    /** (now - before) / before to four places (half up); null for nothing before. */
    static BigDecimal change(BigDecimal now, BigDecimal before) {
        return share(now.subtract(before), before);
    }

    /** A period's check, for every report over [from, to]. */
    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new ReportParameterException("from: " + from + " is after to: " + to);
        }
    }

    static BigDecimal ratio(int part, int whole) {
        return Kpis.ratio(part, whole);
    }

    /** amount / count to two places (half up); null for no count. */
    static BigDecimal divide(BigDecimal amount, int count) {
        return count == 0 ? null : amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
