package jipan.reports;

import static jipan.reports.ReportParameter.choice;
import static jipan.reports.ReportParameter.date;
import static jipan.reports.ReportParameter.month;
import static jipan.reports.ReportParameter.run;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every KPI report, each defined once; the REST resource, the {@code report} command and OpenAPI read this list. */
public final class ReportRegistry {
    private static final List<String> GROUPS = List.of("none", "region", "industry", "kind", "model", "lifecycle",
            "origin");
    private static final String GROUP_HELP = "group rows by customer (region, industry, kind) or by vehicle (model, "
            + "lifecycle: the stage of the latest finished run, origin: sold here or not), where each row counts "
            + "vehicles; default none";
    private static final List<String> CUSTOMER_GROUPS = List.of("region", "industry", "kind", "none");
    private static final ReportParameter BY_CUSTOMER = choice("by", CUSTOMER_GROUPS, "region",
            "group customers by region, industry or kind (none: all together); default region");
    private static final ReportParameter RUN = run("run", false, "the classification run (default: the latest finished)");
    private static final ReportParameter FROM = date("from", "the first day of the period");
    private static final ReportParameter TO = date("to", "the last day of the period");
    private static final ReportParameter AS_OF = date("asOf", "the date the report is as of");
    /** The horizons a holdout comparison may look over, in months. */
    private static final List<String> HORIZONS = java.util.stream.IntStream.rangeClosed(1, 24)
            .mapToObj(String::valueOf).toList();

    public static final List<ReportDefinition> ALL = List.of(
            new ReportDefinition("churn-monthly", "churn/monthly", "Monthly churn", "月度流失率",
                    "Of the customers who visited in month N-6, the share with no visit in N-5..N.",
                    List.of(month("month", "the month N")), Reports.MonthlyChurn.class, true, Set.of(),
                    (reports, a) -> List.of(reports.monthlyChurn(a.month("month")))),
            new ReportDefinition("churn-series", "churn/monthly-series", "Monthly churn, twelve months",
                    "月度流失率（近12个月）", "The monthly churn of the twelve months up to and including `to`.",
                    List.of(month("to", "the last month of the series")), Reports.MonthlyChurn.class, false, Set.of(),
                    (reports, a) -> reports.monthlyChurnSeries(a.month("to"))),
            new ReportDefinition("churn-annual", "churn/annual", "Annual churn", "年度流失率",
                    "Vehicles that visited in the year ending 12 months before asOf and not since.",
                    List.of(AS_OF), Reports.AnnualChurn.class, true, Set.of(),
                    (reports, a) -> List.of(reports.annualChurn(a.date("asOf")))),
            new ReportDefinition("churn-spend", "churn/spend", "Absolute and relative churn", "绝对与相对流失率",
                    "Of the customers of the year ending 12 months before asOf, the share lost since, and the share "
                            + "of their spend lost.",
                    List.of(AS_OF), Reports.SpendChurn.class, true, Set.of(),
                    (reports, a) -> List.of(reports.spendChurn(a.date("asOf")))),
            new ReportDefinition("growth", "growth", "Transaction growth", "产值增长",
                    "Customers, visits and revenue of [from, to] against the same dates a year earlier.",
                    List.of(FROM, TO), Reports.Growth.class, true, Set.of(),
                    (reports, a) -> List.of(reports.growth(a.date("from"), a.date("to")))),
            new ReportDefinition("structure", "structure", "Customer structure", "客户结构",
                    "Customers with visits in [from, to] by visit-count bucket: customers, visits, revenue, average "
                            + "ticket, per-vehicle contribution, and each bucket's share of its group.",
                    List.of(FROM, TO, choice("by", GROUPS, "none", GROUP_HELP)), Reports.StructureLine.class, false,
                    ordered("customers", "visits", "revenue"),
                    (reports, a) -> reports.structure(a.date("from"), a.date("to"), a.choice("by"))),
            new ReportDefinition("structure-yoy", "structure/year-over-year", "Customer structure, year over year",
                    "客户结构同比", "The structure table of [from, to] beside that of the same dates a year earlier.",
                    List.of(FROM, TO, choice("by", GROUPS, "none", GROUP_HELP)), Reports.YearOverYearLine.class, false,
                    Set.of(), (reports, a) -> reports.structureYearOverYear(a.date("from"), a.date("to"), a.choice("by"))),
            new ReportDefinition("tier-distribution", "tier-distribution", "Tier distribution", "等级分布",
                    "Customers by tier in a classification run (default: the latest finished), with each tier's share.",
                    List.of(run("run", false, "the classification run (default: the latest finished)")),
                    Reports.TierShare.class, false, ordered("customers"),
                    (reports, a) -> reports.tierDistribution(a.run("run"))),
            new ReportDefinition("tier-migration", "tier-migration", "Tier migration", "等级迁移",
                    "Customers by tier in run `from` against run `to` (A→B …), for the customers both runs "
                            + "classified; by default the latest finished run against the finished run before it.",
                    List.of(run("from", false, "the earlier classification run (default: the finished run before `to`)"),
                            run("to", false, "the later classification run (default: the latest finished)")),
                    Reports.TierMove.class, false, ordered("customers"),
                    (reports, a) -> reports.tierMigration(a.run("from"), a.run("to"))),
            new ReportDefinition("recapture", "recapture", "Recapture of the call lists", "回访召回效果",
                    "Whether the calls work: the follow-ups of run `from` by kind, assignee, person and recorded outcome "
                            + "(NONE: none), and how many of their customers visited before run `to`'s date; by "
                            + "default the finished run before the latest finished one against the latest.",
                    List.of(run("from", false, "the run whose call list was worked (default: the finished run before `to`)"),
                            run("to", false, "the later run: visits up to its date count (default: the latest finished)")),
                    Reports.RecaptureLine.class, false, ordered("customers", "visited"),
                    (reports, a) -> reports.recapture(a.run("from"), a.run("to"))),
            new ReportDefinition("recapture-holdout", "recapture/holdout", "Recapture against the held-out customers",
                    "回访增量（对照组）",
                    "The call lists' own effect: per kind of task of run `run`, the customers listed and those held out "
                            + "(callLists.holdoutPercent), how many of each came back (a customer-pay visit) within "
                            + "`horizonMonths` after the run's date — or up to the latest data, until then — and the "
                            + "difference with its 95 % confidence interval.",
                    List.of(run("run", false, "the run whose call list was worked (default: the latest finished run "
                                    + "whose horizon has passed, else the latest finished)"),
                            choice("horizonMonths", HORIZONS, "6", "months after the run's date a return counts")),
                    Reports.HoldoutLine.class, false, ordered("listed", "heldOut"),
                    (reports, a) -> reports.recaptureHoldout(a.run("run"), Integer.parseInt(a.choice("horizonMonths")))),
            new ReportDefinition("challenger", "challenger", "Champion against challenger", "现行规则与挑战者对比",
                    "The answers of run `run` (default: the latest finished) by its own rules and by the challenger "
                            + "named when it ran, per output (TIER, CHURN, BASE_GRADE): how many customers each pair "
                            + "of answers has, and their share.",
                    List.of(RUN), Reports.ChallengerLine.class, false, ordered("customers"),
                    (reports, a) -> reports.challenger(a.run("run"))),
            new ReportDefinition("defeat-categories", "defeats/categories", "Leads by category", "战败类别",
                    "The leads of a classification run (default: the latest finished) by the category the rules "
                            + "gave them.",
                    List.of(run("run", false, "the classification run (default: the latest finished)")),
                    Reports.CategoryLine.class, false, ordered("leads", "conquestService"),
                    (reports, a) -> reports.leadsByCategory(a.run("run"))),
            new ReportDefinition("defeat-competitors", "defeats/competitors", "Defeats by competitor", "战败竞品",
                    "Defeated leads closed in [from, to] by the competitor brand and model that won them.",
                    List.of(FROM, TO), Reports.CompetitorLine.class, false, ordered("defeated"),
                    (reports, a) -> reports.defeatsByCompetitor(a.date("from"), a.date("to"))),
            new ReportDefinition("defeat-monthly", "defeats/monthly", "Monthly defeat rate", "月度战败率",
                    "Per month: defeated / (won + defeated) of the leads closed that month.",
                    List.of(FROM, TO), Reports.MonthDefeatRate.class, false, ordered("won", "defeated"),
                    (reports, a) -> reports.defeatRateByMonth(a.date("from"), a.date("to"))),
            new ReportDefinition("conquest", "defeats/conquest", "Defeated prospects won for after-sales",
                    "战败客户转售后", "How many prospects defeated in [from, to] later came to the workshop.",
                    List.of(FROM, TO), Reports.Conquest.class, true, Set.of(),
                    (reports, a) -> List.of(reports.conquest(a.date("from"), a.date("to")))),
            new ReportDefinition("people", "people", "Tasks by person", "人员跟进效果",
                    "Per month and person (the person a task went to, else who recorded its outcome): the outcomes "
                            + "recorded in [from, to], how they ended, and how many of the customers called visited "
                            + "after the call, up to `to`.",
                    List.of(FROM, TO), Reports.PersonMonth.class, false,
                    ordered("handled", "done", "unreachable", "declined", "customers", "cameBack"),
                    (reports, a) -> reports.people(a.date("from"), a.date("to"))),
            new ReportDefinition("churn-reasons", "churn/reasons", "Why customers left", "流失原因",
                    "The churn reasons recorded on retention and win-back calls in [from, to], by month and the "
                            + "customer's tier in the run whose list it was; each line's share of its month and tier.",
                    List.of(FROM, TO), Reports.ChurnReasonLine.class, false, ordered("customers"),
                    (reports, a) -> reports.churnReasons(a.date("from"), a.date("to"))),
            new ReportDefinition("grade-structure", "grade-structure", "Base grades by group, two runs",
                    "基盘等级结构（两期对比）",
                    "Customers per base grade (PREMIUM, POTENTIAL, GENERAL) and region, industry or kind in run `from` "
                            + "and run `to` (by default the finished run before the latest finished one and the "
                            + "latest; the latest alone when it is the only one), each with its share of the group, and each group's total (TOTAL); the last "
                            + "lines total every group. A cell's customers: grade-structure/customers.",
                    List.of(BY_CUSTOMER, run("from", false, "the earlier run (default: the finished run before `to`)"),
                            run("to", false, "the later run (default: the latest finished)")),
                    BaseReports.GradeLine.class, false, Set.of(),
                    (reports, a) -> {
                        Reports.RunPair runs = reports.runsOrOne(a.run("from"), a.run("to"));
                        return reports.base().gradeStructure(a.choice("by"), runs.from(), runs.to());
                    }),
            new ReportDefinition("grade-structure-customers", "grade-structure/customers",
                    "Customers of a grade-structure cell", "基盘等级结构明细",
                    "The customers (up to 100,000) of one group (`group`: a region, industry or kind as the report "
                            + "shows it, or TOTAL for every group) with one base grade in a run.",
                    List.of(BY_CUSTOMER, ReportParameter.text("group", "the group's value, as the grade-structure "
                                    + "report shows it (TOTAL: every group; left out: the customers without one)"),
                            choice("grade", BaseReports.GRADES, "PREMIUM",
                                    "the base grade; default PREMIUM"), RUN),
                    BaseReports.GradeCustomer.class, false, Set.of(),
                    (reports, a) -> reports.base().gradeCell(reports.run(a.run("run")).id(), a.choice("by"),
                            a.text("group"), a.choice("grade"))),
            new ReportDefinition("lifecycle-structure", "lifecycle-structure", "Lifecycle structure", "生命周期结构",
                    "Vehicles with visits in [from, to] by stage: first maintenance done in the period (首保), in "
                            + "warranty at `to` (在保), out of warranty (出保), UNKNOWN without a warranty end; their "
                            + "customers, visits, revenue, revenue per visit and per vehicle, and each stage's share.",
                    List.of(FROM, TO), BaseReports.StageLine.class, false,
                    ordered("vehicles", "customers", "visits", "revenue"),
                    (reports, a) -> reports.base().lifecycleStructure(a.date("from"), a.date("to"))),
            new ReportDefinition("churn-origin", "churn/origin", "Annual churn of cars sold here and elsewhere",
                    "本店售车与非本店售车流失率",
                    "The annual vehicle churn (vehicles that visited in the year ending 12 months before asOf and not "
                            + "since) for cars sold here (BOUGHT_HERE), cars bought elsewhere, and all (TOTAL).",
                    List.of(AS_OF), BaseReports.OriginChurn.class, false, Set.of(),
                    (reports, a) -> reports.base().churnByOrigin(a.date("asOf"))),
            new ReportDefinition("retained", "retained", "Retained base", "保有客户数与保有率",
                    "Per month of the twelve up to `to`: base customers at the month's end (a visit, or a car bought "
                            + "here, by then), retained customers among them (at least reports.retainedMinVisits "
                            + "customer-pay visits in the twelve months to the month's end; 1 by default, as tiers "
                            + "A–C), and the retained rate.",
                    List.of(month("to", "the last month of the series")), BaseReports.RetainedMonth.class, false,
                    Set.of(), (reports, a) -> reports.base().retained(a.month("to"))),
            new ReportDefinition("growth-compare", "growth/compare", "Growth, year over year and period over period",
                    "产值增长（同比与环比）",
                    "Customers, visits and revenue of [from, to] against the same dates a year earlier (YEAR_OVER_YEAR) "
                            + "and against the period of the same length just before (PERIOD_OVER_PERIOD), for all "
                            + "customers (ALL) and for existing customers (EXISTING: those with a visit in the earlier "
                            + "period, their spend now against all of the earlier period's).",
                    List.of(FROM, TO), BaseReports.GrowthLine.class, false, Set.of(),
                    (reports, a) -> reports.base().growth(a.date("from"), a.date("to"))),
            new ReportDefinition("models", "structure/models", "Model structure", "车型结构",
                    "Per model: vehicles with visits in [from, to], their customers, visits and revenue, revenue per "
                            + "visit and per vehicle, and each model's share of vehicles, visits and revenue.",
                    List.of(FROM, TO), BaseReports.ModelLine.class, false,
                    ordered("vehicles", "customers", "visits", "revenue"),
                    (reports, a) -> reports.base().models(a.date("from"), a.date("to"))),
            new ReportDefinition("loyalty", "loyalty", "Loyalty levels by group", "忠诚度分布",
                    "The customers of a run (default: the latest finished) by region, industry or kind and loyalty "
                            + "level, each level's share of its group, and the average score and parts.",
                    List.of(BY_CUSTOMER, RUN), BaseReports.LoyaltyLine.class, false, ordered("customers"),
                    (reports, a) -> reports.base().loyalty(reports.run(a.run("run")).id(), a.choice("by"))),
            new ReportDefinition("loyalty-scores", "loyalty/scores", "Loyalty scores", "忠诚度得分分布",
                    "How many customers of a run (default: the latest finished) have each loyalty score, 0 to 10.",
                    List.of(RUN), BaseReports.ScoreLine.class, false, ordered("customers"),
                    (reports, a) -> reports.base().loyaltyScores(reports.run(a.run("run")).id())),
            new ReportDefinition("defeat-segments", "defeats/segments", "Win rate of existing customers and new "
                    + "prospects", "老客户与新客户成交率",
                    "Leads closed in [from, to]: won, defeated and win rate for prospects who were already customers "
                            + "when the lead was made (a visit or a car bought before) and for new prospects.",
                    List.of(FROM, TO), BaseReports.SegmentWinRate.class, false, Set.of(),
                    (reports, a) -> reports.base().winRateBySegment(a.date("from"), a.date("to"))),
            new ReportDefinition("defeat-consultants", "defeats/consultants", "Defeat rate per sales consultant",
                    "销售顾问战败率",
                    "Per sales consultant (销售顾问 of the lead): leads closed in [from, to], won, defeated, defeat rate.",
                    List.of(FROM, TO), BaseReports.ConsultantLine.class, false, ordered("closed", "won", "defeated"),
                    (reports, a) -> reports.base().defeatsByConsultant(a.date("from"), a.date("to"))),
            new ReportDefinition("data-quality", "data-quality", "Data quality", "数据质量",
                    "Customers without a phone or sharing one, vehicles without a purchase date or whose VIN repeats "
                            + "(case and spaces ignored), repair orders without a pay type, service type or amount: "
                            + "each count of its total. The records behind a count: data-quality/rows.",
                    List.of(), BaseReports.QualityLine.class, false, Set.of(),
                    (reports, a) -> reports.base().dataQuality()),
            new ReportDefinition("data-quality-rows", "data-quality/rows", "Records behind a data-quality count",
                    "数据质量明细",
                    "The records (up to 100,000) a data-quality check counts: their key, customer and what is wrong.",
                    List.of(choice("check", BaseReports.CHECKS, "NO_PHONE", "the check; default NO_PHONE")),
                    BaseReports.QualityRecord.class, false, Set.of(),
                    (reports, a) -> reports.base().dataQualityRows(a.choice("check"))),
            new ReportDefinition("latest-imports", "imports/latest", "Latest import of each kind", "各类数据最近导入",
                    "The latest import of each kind: its file, when it started, how it ended, rows read, imported "
                            + "and rejected.",
                    List.of(), BaseReports.ImportLine.class, false, Set.of(),
                    (reports, a) -> reports.base().latestImports()),
            new ReportDefinition("store-league", "stores/league", "League table of the stores", "门店排名",
                    "Each 4S store of the group for a month: its monthly churn, retained rate, recapture of its latest "
                            + "worked call list and defeat rate, each ranked across the stores (1: best; lower churn "
                            + "and defeat rate, higher retained and recapture rates), the stores ordered by their mean "
                            + "rank.",
                    List.of(month("month", "the month the measures are of")), StoreLeague.StoreLine.class, false,
                    Set.of(), (reports, a) -> reports.league(a.month("month"))),
            new ReportDefinition("store-shared", "stores/shared", "Customers two stores share", "门店共有客户",
                    "For each pair of stores: the customers of the first who are customers of the second too (the "
                            + "same phone, or a car of the same VIN: a person of two stores is two customers, a car "
                            + "two stores service is each store's vehicle), their share of the first store's "
                            + "customers, and how many of them visited the second store last. For keys of the whole "
                            + "group.",
                    List.of(), StoreLeague.SharedLine.class, false, Set.of(), (reports, a) -> reports.sharedCustomers()));

    private ReportRegistry() {
    }

    public static Optional<ReportDefinition> byName(String name) {
        return ALL.stream().filter(report -> report.name().equals(name)).findFirst();
    }

    public static Optional<ReportDefinition> byPath(String path) {
        return ALL.stream().filter(report -> report.path().equals(path)).findFirst();
    }

    /** Every parameter of every report, each name once (the command line declares each flag once). */
    public static List<ReportParameter> allParameters() {
        Map<String, ReportParameter> byName = new LinkedHashMap<>();
        ALL.forEach(report -> report.parameters().forEach(parameter -> byName.putIfAbsent(parameter.name(), parameter)));
        return List.copyOf(byName.values());
    }

    private static Set<String> ordered(String... columns) {
        return new LinkedHashSet<>(List.of(columns));
    }
}
