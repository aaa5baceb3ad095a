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
    private static final List<String> GROUPS = List.of("none", "region", "industry", "kind", "model", "lifecycle");
    private static final String GROUP_HELP = "group rows by customer (region, industry, kind) or by vehicle (model, "
            + "lifecycle: the stage of the latest finished run), where each row counts vehicles; default none";
    private static final ReportParameter FROM = date("from", "the first day of the period");
    private static final ReportParameter TO = date("to", "the last day of the period");
    private static final ReportParameter AS_OF = date("asOf", "the date the report is as of");

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
                    (reports, a) -> reports.churnReasons(a.date("from"), a.date("to"))));

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
