package jipan.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import jipan.core.facts.LoyaltyLevel;
import jipan.core.kpi.Kpis;
import jipan.db.BaseReportDao;
import jipan.db.ClassificationRunRow;
import jipan.db.ReportDao;
import org.jdbi.v3.core.Jdbi;

/**
 * The tables of the dealership practice (seed 003) that describe the customer base: base grades by group and
 * year, the lifecycle table with its 首保 column, own-sold vehicles, the retained base (保有客户), growth period
 * over period and over existing customers, models, loyalty, defeats by segment and consultant, data quality.
 * Each states its cohort or window; docs/domain.md defines each with its formula.
 */
public final class BaseReports {
    /** The grades in the order the practice's table shows them; NONE: a customer the rules gave no grade. */
    public static final List<String> GRADES = List.of("PREMIUM", "POTENTIAL", "GENERAL", "NONE");
    /** What a total line says in place of a group or a grade. */
    public static final String TOTAL = "TOTAL";
    private static final List<String> STAGES = List.of("FIRST_MAINTENANCE", "IN_WARRANTY", "OUT_OF_WARRANTY", "UNKNOWN");
    /** The checks of the data-quality report, in the order it lists them. */
    public static final List<String> CHECKS = List.of("NO_PHONE", "DUPLICATE_PHONE", "NO_PURCHASE_DATE", "DUPLICATE_VIN",
            "NO_PAY_TYPE", "NO_SERVICE_TYPE", "NO_AMOUNT");
    /** The most rows a data-quality or report-cell list gives. */
    public static final int MAX_ROWS = 100_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final int retainedMinVisits;

    BaseReports(Jdbi jdbi, Clock clock, int retainedMinVisits) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.retainedMinVisits = retainedMinVisits;
    }

    // ---- base grades by group and run ------------------------------------------------------------------------

    /**
     * A line of the grade structure: the customers of a group (TOTAL: all) with a base grade (TOTAL: any) in two
     * runs, each with its share of the group in that run, and the change.
     */
    public record GradeLine(String group, String baseGrade, long earlierRunId, LocalDate earlierAsOf,
                            int earlierCustomers, BigDecimal earlierShare, long laterRunId, LocalDate laterAsOf,
                            int laterCustomers, BigDecimal laterShare, int change) {
    }

    /** Customers per base grade and group in run {@code from} and run {@code to}, each group with its total line. */
    public List<GradeLine> gradeStructure(String by, ClassificationRunRow from, ClassificationRunRow to) {
        String group = customerGroup(by);
        Map<String, Map<String, int[]>> counts = new TreeMap<>();
        ClassificationRunRow[] runs = {from, to};
        for (int i = 0; i < 2; i++) {
            int which = i;
            jdbi.withExtension(BaseReportDao.class, dao -> dao.gradeCounts(group, runs[which].id())).forEach(count -> {
                for (String g : new String[] {count.groupValue(), TOTAL}) {
                    for (String grade : new String[] {count.grade(), TOTAL}) {
                        counts.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(grade, k -> new int[2])
                                [which] += count.customers();
                    }
                }
            });
        }
        // the groups in order, the grand total last
        List<String> groups = new ArrayList<>(counts.keySet());
        groups.remove(TOTAL);
        groups.add(TOTAL);
        List<GradeLine> lines = new ArrayList<>();
        for (String g : groups) {
            Map<String, int[]> byGrade = counts.get(g);
            if (byGrade == null) {
                continue;
            }
            int[] total = byGrade.get(TOTAL);
            List<String> grades = new ArrayList<>(GRADES);
            grades.add(TOTAL);
            for (String grade : grades) {
                int[] n = byGrade.getOrDefault(grade, new int[2]);
                if (grade.equals("NONE") && n[0] == 0 && n[1] == 0) {
                    continue;
                }
                lines.add(new GradeLine(g, grade, from.id(), from.asOf(), n[0], Kpis.ratio(n[0], total[0]), to.id(),
                        to.asOf(), n[1], Kpis.ratio(n[1], total[1]), n[1] - n[0]));
            }
        }
        return lines;
    }

    /** A customer of one cell of the grade structure, as the cell's list shows them. */
    public record GradeCustomer(long runId, String customerId, String name, String phone, String region,
                                String industry, String tier, String churnStatus, String baseGrade,
                                Integer loyaltyScore) {
    }

    /** The customers of a group (TOTAL: any) with a base grade in a run: a cell of the grade structure. */
    public List<GradeCustomer> gradeCell(long run, String by, String groupValue, String grade) {
        if (!GRADES.contains(grade)) {
            throw new ReportParameterException("grade: must be one of " + String.join(", ", GRADES) + " (got '"
                    + grade + "')");
        }
        String group = groupValue.equals(TOTAL) ? "CAST('" + TOTAL + "' AS VARCHAR(5))" : customerGroup(by);
        return jdbi.withExtension(BaseReportDao.class, dao -> dao.gradeCell(group, run, groupValue, grade, MAX_ROWS))
                .stream().map(c -> new GradeCustomer(run, c.customerId(), c.name(), c.phone(), c.region(), c.industry(),
                        c.tier(), c.churn(), c.baseGrade(), c.loyaltyScore())).toList();
    }

    // ---- lifecycle, own-sold vehicles, models -------------------------------------------------------------------

    /**
     * A line of the lifecycle table: the vehicles with visits in the period at a stage — 首保 (their first
     * maintenance fell in the period), 在保 (in warranty at the period's end), 出保 (out of warranty) — with the
     * table's five figures and each stage's share.
     */
    public record StageLine(LocalDate from, LocalDate to, String stage, int vehicles, int customers, int visits,
                            BigDecimal revenue, BigDecimal averageTicket, BigDecimal perVehicle, BigDecimal vehicleShare,
                            BigDecimal revenueShare) {
    }

    public List<StageLine> lifecycleStructure(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        // the period's vehicles with what they brought, then every vehicle's owner and warranty end: two passes
        // joined here, which H2 does faster than a lookup of each vehicle
        Map<String, BaseReportDao.VinSpend> spends = new HashMap<>();
        Map<String, Stage> byStage = new LinkedHashMap<>();
        STAGES.forEach(stage -> byStage.put(stage, new Stage()));
        jdbi.useExtension(BaseReportDao.class, dao -> {
            try (var rows = dao.vinSpend(from, to)) {
                rows.forEach(row -> spends.put(row.vehicle(), row));
            }
            try (var vehicles = dao.vehicleWarranties()) {
                vehicles.forEach(vehicle -> {
                    BaseReportDao.VinSpend spend = spends.get(vehicle.vehicle());
                    if (spend != null) {
                        byStage.get(spend.firstMaintenance() > 0 ? "FIRST_MAINTENANCE"
                                : vehicle.warrantyEnd() == null ? "UNKNOWN"
                                : !vehicle.warrantyEnd().isBefore(to) ? "IN_WARRANTY" : "OUT_OF_WARRANTY")
                                .add(vehicle.customerId(), spend);
                    }
                });
            }
        });
        int vehicles = byStage.values().stream().mapToInt(stage -> stage.vehicles).sum();
        BigDecimal revenue = byStage.values().stream().map(stage -> stage.revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<StageLine> lines = new ArrayList<>();
        byStage.forEach((name, stage) -> {
            if (!name.equals("UNKNOWN") || stage.vehicles > 0) {
                lines.add(new StageLine(from, to, name, stage.vehicles, stage.customers.size(), stage.visits,
                        stage.revenue, divide(stage.revenue, stage.visits), divide(stage.revenue, stage.vehicles),
                        Kpis.ratio(stage.vehicles, vehicles), share(stage.revenue, revenue)));
            }
        });
        return lines;
    }

    /** What the vehicles of one lifecycle stage brought, as they are added up. */
    private static final class Stage {
        final java.util.Set<String> customers = new java.util.HashSet<>();
        int vehicles;
        int visits;
        BigDecimal revenue = BigDecimal.ZERO;

        void add(String customerId, BaseReportDao.VinSpend spend) {
            customers.add(customerId);
            vehicles++;
            visits += spend.visits();
            revenue = revenue.add(spend.revenue());
        }
    }

    /** Annual vehicle churn split by origin: cars sold here (本店销售) against the others. */
    public record OriginChurn(LocalDate asOf, String origin, int cohort, int lost, BigDecimal churn) {
    }

    public List<OriginChurn> churnByOrigin(LocalDate asOf) {
        Reports.notInFuture("asOf", asOf, clock);
        Kpis.Periods periods = Kpis.annual(asOf);
        Map<Boolean, BaseReportDao.OriginCohort> byOrigin = new HashMap<>();
        jdbi.withExtension(BaseReportDao.class, dao -> dao.vehiclesReturningByOrigin(periods.cohortStart(),
                periods.cohortEnd(), periods.returnStart(), periods.returnEnd()))
                .forEach(row -> byOrigin.put(row.boughtHere(), row));
        List<OriginChurn> lines = new ArrayList<>();
        int cohort = 0;
        int lost = 0;
        for (boolean here : new boolean[] {true, false}) {
            BaseReportDao.OriginCohort row = byOrigin.getOrDefault(here, new BaseReportDao.OriginCohort(here, 0, 0));
            int gone = row.cohort() - row.returned();
            lines.add(new OriginChurn(asOf, origin(here), row.cohort(), gone, Kpis.ratio(gone, row.cohort())));
            cohort += row.cohort();
            lost += gone;
        }
        lines.add(new OriginChurn(asOf, TOTAL, cohort, lost, Kpis.ratio(lost, cohort)));
        return lines;
    }

    /** The origin of a vehicle as reports name it. */
    public static String origin(boolean boughtHere) {
        return boughtHere ? "BOUGHT_HERE" : "BOUGHT_ELSEWHERE";
    }

    /** A model's line: its vehicles with visits in the period, their customers, visits and revenue, and shares. */
    public record ModelLine(String model, int vehicles, int customers, int visits, BigDecimal revenue,
                            BigDecimal averageTicket, BigDecimal perVehicle, BigDecimal vehicleShare,
                            BigDecimal visitShare, BigDecimal revenueShare) {
    }

    public List<ModelLine> models(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        List<BaseReportDao.ModelRow> rows = jdbi.withExtension(BaseReportDao.class, dao -> dao.models(from, to));
        int vehicles = rows.stream().mapToInt(BaseReportDao.ModelRow::vehicles).sum();
        int visits = rows.stream().mapToInt(BaseReportDao.ModelRow::visits).sum();
        BigDecimal revenue = rows.stream().map(BaseReportDao.ModelRow::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return rows.stream().map(r -> new ModelLine(r.model(), r.vehicles(), r.customers(), r.visits(), r.revenue(),
                divide(r.revenue(), r.visits()), divide(r.revenue(), r.vehicles()), Kpis.ratio(r.vehicles(), vehicles),
                Kpis.ratio(r.visits(), visits), share(r.revenue(), revenue))).toList();
    }

    // ---- the retained base ----------------------------------------------------------------------------------------

    /**
     * A month of the retained base (保有客户): of the base customers at the month's end (a visit, or a car bought
     * here, by then), those with at least {@code minVisits} customer-pay visits in the twelve months to it.
     */
    public record RetainedMonth(YearMonth month, int baseCustomers, int retained, BigDecimal retainedRate,
                                int minVisits) {
    }

    /** The retained base of the twelve months up to and including {@code to}. */
    public List<RetainedMonth> retained(YearMonth to) {
        Reports.notInFuture("to", to, clock);
        YearMonth first = to.minusMonths(11);
        // customers who became base customers per month, counted up to each month's end
        TreeMap<YearMonth, Integer> becameBase = new TreeMap<>();
        jdbi.withExtension(BaseReportDao.class, BaseReportDao::baseCustomersByFirstMonth).forEach(row ->
                becameBase.merge(YearMonth.of(row.firstYear(), row.firstMonth()), row.customers(), Integer::sum));
        // each customer's customer-pay visits per month, from the window of the first month on
        Map<String, int[]> visits = new HashMap<>();
        YearMonth windowStart = first.minusMonths(11);
        int months = (int) windowStart.until(to, ChronoUnit.MONTHS) + 1;
        jdbi.useExtension(BaseReportDao.class, dao -> {
            try (var paid = dao.customerPayVisits(windowStart.atDay(1), to.atEndOfMonth())) {
                paid.forEach(visit -> visits.computeIfAbsent(visit.customerId(), id -> new int[months])
                        [(int) windowStart.until(YearMonth.from(visit.visitDate()), ChronoUnit.MONTHS)]++);
            }
        });
        List<RetainedMonth> series = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            YearMonth month = first.plusMonths(m);
            int base = becameBase.headMap(month, true).values().stream().mapToInt(Integer::intValue).sum();
            int retained = 0;
            for (int[] perMonth : visits.values()) {
                int sum = 0;
                for (int k = m; k <= m + 11; k++) {
                    sum += perMonth[k];
                }
                if (sum >= retainedMinVisits) {
                    retained++;
                }
            }
            series.add(new RetainedMonth(month, base, retained, Kpis.ratio(retained, base), retainedMinVisits));
        }
        return series;
    }

    // ---- growth ------------------------------------------------------------------------------------------------------

    /**
     * Growth of [from, to] against an earlier period — the same dates a year earlier (YEAR_OVER_YEAR, 同比) or the
     * period of the same length just before (PERIOD_OVER_PERIOD, 环比) — for all customers (ALL) or for the
     * existing ones (EXISTING: customers with a visit in the earlier period, their spend then and now).
     */
    public record GrowthLine(String comparison, String scope, LocalDate from, LocalDate to, int customers, int visits,
                             BigDecimal revenue, LocalDate previousFrom, LocalDate previousTo, int previousCustomers,
                             int previousVisits, BigDecimal previousRevenue, BigDecimal customerGrowth,
                             BigDecimal visitGrowth, BigDecimal revenueGrowth) {
    }

    public List<GrowthLine> growth(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Map<String, LocalDate[]> earlier = new LinkedHashMap<>();
        earlier.put("YEAR_OVER_YEAR", new LocalDate[] {from.minusYears(1), to.minusYears(1)});
        earlier.put("PERIOD_OVER_PERIOD", new LocalDate[] {from.minusDays(days), from.minusDays(1)});
        // each customer's visits and spend per period, read once per distinct period (a year's period over period is
        // its year over year); the sums and the existing customers' share are added up here
        Map<List<LocalDate>, Map<String, CustomerSpend>> spends = new HashMap<>();
        Map<String, CustomerSpend> now = spendOf(spends, from, to);
        ReportDao.PeriodSpend nowTotal = total(now.values());
        List<GrowthLine> lines = new ArrayList<>();
        earlier.forEach((comparison, period) -> {
            Map<String, CustomerSpend> before = spendOf(spends, period[0], period[1]);
            ReportDao.PeriodSpend beforeTotal = total(before.values());
            lines.add(growthLine(comparison, "ALL", from, to, nowTotal, period, beforeTotal));
            lines.add(growthLine(comparison, "EXISTING", from, to, total(now.values().stream()
                    .filter(spend -> before.containsKey(spend.customerId)).toList()), period, beforeTotal));
        });
        return lines;
    }

    private Map<String, CustomerSpend> spendOf(Map<List<LocalDate>, Map<String, CustomerSpend>> read, LocalDate from,
                                               LocalDate to) {
        // the period's visits added up per customer here: H2 streams them from an index faster than it groups them
        return read.computeIfAbsent(List.of(from, to), period -> jdbi.withExtension(BaseReportDao.class, dao -> {
            Map<String, CustomerSpend> byCustomer = new HashMap<>();
            try (var visits = dao.visitAmounts(from, to)) {
                visits.forEach(visit -> byCustomer.computeIfAbsent(visit.customerId(), CustomerSpend::new).add(visit.amount()));
            }
            return byCustomer;
        }));
    }

    /** A customer's visits and spend in a period, as they are added up. */
    private static final class CustomerSpend {
        final String customerId;
        int visits;
        BigDecimal revenue = BigDecimal.ZERO;

        CustomerSpend(String customerId) {
            this.customerId = customerId;
        }

        void add(BigDecimal amount) {
            visits++;
            if (amount != null) {
                revenue = revenue.add(amount);
            }
        }
    }

    private static ReportDao.PeriodSpend total(java.util.Collection<CustomerSpend> spends) {
        return new ReportDao.PeriodSpend(spends.size(), spends.stream().mapToInt(spend -> spend.visits).sum(),
                spends.stream().map(spend -> spend.revenue).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static GrowthLine growthLine(String comparison, String scope, LocalDate from, LocalDate to,
                                         ReportDao.PeriodSpend now, LocalDate[] period, ReportDao.PeriodSpend before) {
        return new GrowthLine(comparison, scope, from, to, now.customers(), now.visits(), now.revenue(), period[0],
                period[1], before.customers(), before.visits(), before.revenue(),
                growth(now.customers(), before.customers()), growth(now.visits(), before.visits()),
                Reports.change(now.revenue(), before.revenue()));
    }

    private static BigDecimal growth(int now, int before) {
        return before == 0 ? null : Kpis.ratio(now - before, before);
    }

    // ---- loyalty -------------------------------------------------------------------------------------------------------

    /**
     * Customers of a run by group and loyalty level, each level's share of its group, and the average score and
     * parts (satisfaction, maintenance, activity, advocacy; parts only for runs stored since they are kept).
     */
    public record LoyaltyLine(long runId, String group, String loyaltyLevel, int customers, BigDecimal share,
                              BigDecimal averageScore, BigDecimal averageSatisfaction, BigDecimal averageMaintenance,
                              BigDecimal averageActivity, BigDecimal averageAdvocacy) {
    }

    public List<LoyaltyLine> loyalty(long run, String by) {
        String group = customerGroup(by);
        List<BaseReportDao.LoyaltyRow> rows = jdbi.withExtension(BaseReportDao.class, dao -> dao.loyalty(group, run));
        Map<String, Integer> groupTotals = new HashMap<>();
        rows.forEach(r -> groupTotals.merge(r.groupValue(), r.customers(), Integer::sum));
        List<LoyaltyLine> lines = new ArrayList<>();
        rows.stream().sorted(java.util.Comparator.comparing(BaseReportDao.LoyaltyRow::groupValue)
                        .thenComparing(row -> LoyaltyLevel.valueOf(row.level())))
                .forEach(r -> lines.add(new LoyaltyLine(run, r.groupValue(), r.level(), r.customers(),
                        Kpis.ratio(r.customers(), groupTotals.get(r.groupValue())),
                        average(r.score(), r.customers()), average(r.satisfaction(), r.withParts()),
                        average(r.maintenance(), r.withParts()), average(r.activity(), r.withParts()),
                        average(r.advocacy(), r.withParts()))));
        return lines;
    }

    /** How many customers of a run have each loyalty score, 0 to 10, with each score's share. */
    public record ScoreLine(long runId, int score, int customers, BigDecimal share) {
    }

    public List<ScoreLine> loyaltyScores(long run) {
        Map<Integer, Integer> counts = new HashMap<>();
        jdbi.withExtension(BaseReportDao.class, dao -> dao.scores(run)).forEach(c -> counts.put(c.score(), c.customers()));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int highest = Math.max(10, counts.keySet().stream().mapToInt(Integer::intValue).max().orElse(10));
        List<ScoreLine> lines = new ArrayList<>();
        for (int score = 0; score <= highest; score++) {
            int n = counts.getOrDefault(score, 0);
            lines.add(new ScoreLine(run, score, n, Kpis.ratio(n, total)));
        }
        return lines;
    }

    // ---- defeats --------------------------------------------------------------------------------------------------------

    /** Win rate of the leads closed in a period, for existing customers (EXISTING) and new prospects (NEW_PROSPECT). */
    public record SegmentWinRate(LocalDate from, LocalDate to, String segment, int won, int defeated,
                                 BigDecimal winRate) {
    }

    public List<SegmentWinRate> winRateBySegment(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        Map<Boolean, BaseReportDao.SegmentOutcome> bySegment = new HashMap<>();
        jdbi.withExtension(BaseReportDao.class, dao -> dao.outcomesBySegment(from, to))
                .forEach(row -> bySegment.put(row.existing(), row));
        List<SegmentWinRate> lines = new ArrayList<>();
        int won = 0;
        int defeated = 0;
        for (boolean existing : new boolean[] {true, false}) {
            BaseReportDao.SegmentOutcome row = bySegment.getOrDefault(existing,
                    new BaseReportDao.SegmentOutcome(existing, 0, 0));
            lines.add(new SegmentWinRate(from, to, existing ? "EXISTING" : "NEW_PROSPECT", row.won(), row.defeated(),
                    Kpis.ratio(row.won(), row.won() + row.defeated())));
            won += row.won();
            defeated += row.defeated();
        }
        lines.add(new SegmentWinRate(from, to, TOTAL, won, defeated, Kpis.ratio(won, won + defeated)));
        return lines;
    }

    /** A sales consultant's leads closed in a period: won, defeated and the defeat rate. */
    public record ConsultantLine(LocalDate from, LocalDate to, String consultant, int closed, int won, int defeated,
                                BigDecimal defeatRate) {
    }

    public List<ConsultantLine> defeatsByConsultant(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return jdbi.withExtension(BaseReportDao.class, dao -> dao.outcomesByConsultant(from, to)).stream()
                .map(r -> new ConsultantLine(from, to, r.consultant(), r.won() + r.defeated(), r.won(), r.defeated(),
                        Kpis.ratio(r.defeated(), r.won() + r.defeated()))).toList();
    }

    /** Defeated prospects of a period who later bought here (a won lead or a car sold here after the defeat). */
    ReportDao.CohortCount defeatedLaterBought(LocalDate from, LocalDate to) {
        return jdbi.withExtension(BaseReportDao.class, dao -> dao.defeatedLaterBought(from, to));
    }

    // ---- data quality ---------------------------------------------------------------------------------------------------

    /** A data-quality check: how many records fail it, of how many, and the share. */
    public record QualityLine(String check, String records, int count, int total, BigDecimal share) {
    }

    public List<QualityLine> dataQuality() {
        BaseReportDao.QualityCounts customers = jdbi.withExtension(BaseReportDao.class, BaseReportDao::customerQuality);
        BaseReportDao.QualityCounts vehicles = jdbi.withExtension(BaseReportDao.class, BaseReportDao::vehicleQuality);
        BaseReportDao.QualityCounts orders = jdbi.withExtension(BaseReportDao.class, BaseReportDao::repairOrderQuality);
        return List.of(quality("NO_PHONE", "CUSTOMERS", customers.checkOne(), customers.allRows()),
                quality("DUPLICATE_PHONE", "CUSTOMERS", customers.checkTwo(), customers.allRows()),
                quality("NO_PURCHASE_DATE", "VEHICLES", vehicles.checkOne(), vehicles.allRows()),
                quality("DUPLICATE_VIN", "VEHICLES", vehicles.checkTwo(), vehicles.allRows()),
                quality("NO_PAY_TYPE", "REPAIR_ORDERS", orders.checkOne(), orders.allRows()),
                quality("NO_SERVICE_TYPE", "REPAIR_ORDERS", orders.checkTwo(), orders.allRows()),
                quality("NO_AMOUNT", "REPAIR_ORDERS", orders.checkThree(), orders.allRows()));
    }

    private static QualityLine quality(String check, String records, int count, int total) {
        return new QualityLine(check, records, count, total, Kpis.ratio(count, total));
    }

    /** A record behind a data-quality count: its key (customer id, VIN, repair order), customer and detail. */
    public record QualityRecord(String check, String key, String customerId, String detail) {
    }

    public List<QualityRecord> dataQualityRows(String check) {
        List<BaseReportDao.QualityRow> rows = jdbi.withExtension(BaseReportDao.class, dao -> switch (check) {
            case "NO_PHONE" -> dao.noPhone(MAX_ROWS);
            case "DUPLICATE_PHONE" -> dao.duplicatePhones(MAX_ROWS);
            case "NO_PURCHASE_DATE" -> dao.noPurchaseDate(MAX_ROWS);
            case "DUPLICATE_VIN" -> dao.duplicateVins(MAX_ROWS);
            case "NO_PAY_TYPE" -> dao.repairOrdersWhere(BaseReportDao.NO_PAY_TYPE, MAX_ROWS);
            case "NO_SERVICE_TYPE" -> dao.repairOrdersWhere(BaseReportDao.NO_SERVICE_TYPE, MAX_ROWS);
            case "NO_AMOUNT" -> dao.repairOrdersWhere(BaseReportDao.NO_AMOUNT, MAX_ROWS);
            default -> throw new ReportParameterException("check: must be one of " + String.join(", ", CHECKS)
                    + " (got '" + check + "')");
        });
        return rows.stream().map(r -> new QualityRecord(check, r.rowKey(), r.customerId(), r.detail())).toList();
    }

    /** The latest import of each kind: the file, when, how it ended. */
    public record ImportLine(String importKind, String fileName, String status, java.time.LocalDateTime startedAt,
                             long rowsRead, long imported, long rejected) {
    }

    public List<ImportLine> latestImports() {
        return jdbi.withExtension(BaseReportDao.class, BaseReportDao::latestImports).stream()
                .map(i -> new ImportLine(i.kind(), i.fileName(), i.status(), i.startedAt(), i.rowsRead(), i.imported(),
                        i.rejected())).toList();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------------

    /** The SQL of a customer grouping ({@code by}: none, region, industry, kind). */
    static String customerGroup(String by) {
        String group = Kpis.CUSTOMER_GROUPS.get(by);
        if (group == null) {
            throw new ReportParameterException("by: must be one of " + String.join(", ", new TreeSet<>(
                    Kpis.CUSTOMER_GROUPS.keySet())) + " (got '" + by + "')");
        }
        return group;
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        Reports.checkPeriod(from, to);
    }

    private static BigDecimal divide(BigDecimal amount, int count) {
        return Reports.divide(amount, count);
    }

    private static BigDecimal average(long sum, int count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return Reports.share(part, whole);
    }
}
