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
    private static final String GROUP_HELP_ZH = "按客户（地区、行业、类型）或按车辆（车型；lifecycle：最近一次完成的运行中的"
            + "生命周期阶段；origin：是否本店售车，此时每行计的是车辆）分组；默认none";
    private static final List<String> CUSTOMER_GROUPS = List.of("region", "industry", "kind", "none");
    private static final ReportParameter BY_CUSTOMER = choice("by", CUSTOMER_GROUPS, "region",
            "group customers by region, industry or kind (none: all together); default region",
            "按地区、行业或类型分组客户（none：不分组）；默认region");
    private static final ReportParameter RUN = run("run", false, "the classification run (default: the latest finished)",
            "分类运行（默认：最近一次完成的）");
    private static final ReportParameter FROM = date("from", "the first day of the period",
            "期间的第一天");
    private static final ReportParameter TO = date("to", "the last day of the period",
            "期间的最后一天");
    private static final ReportParameter AS_OF = date("asOf", "the date the report is as of",
            "报表的截止日期");
    /** The horizons a holdout comparison may look over, in months. */
    private static final List<String> HORIZONS = java.util.stream.IntStream.rangeClosed(1, 24)
            .mapToObj(String::valueOf).toList();

    public static final List<ReportDefinition> ALL = List.of(
            new ReportDefinition("churn-monthly", "churn/monthly", "Monthly churn", "月度流失率",
                    "Of the customers who visited in month N-6, the share with no visit in N-5..N.",
                    "第N-6月进厂的客户中，N-5月至N月没有再进厂的比例。",
                    List.of(month("month", "the month N",
                            "月份N")), Reports.MonthlyChurn.class, true, Set.of(),
                    (reports, a) -> List.of(reports.monthlyChurn(a.month("month")))),
            new ReportDefinition("churn-series", "churn/monthly-series", "Monthly churn, twelve months",
                    "月度流失率（近12个月）", "The monthly churn of the twelve months up to and including `to`.",
                    "截至`to`（含）的十二个月，每月的月度流失率。",
                    List.of(month("to", "the last month of the series",
                            "序列的最后一个月")), Reports.MonthlyChurn.class, false, Set.of(),
                    (reports, a) -> reports.monthlyChurnSeries(a.month("to"))),
            new ReportDefinition("churn-annual", "churn/annual", "Annual churn", "年度流失率",
                    "Vehicles that visited in the year ending 12 months before asOf and not since.",
                    "在asOf前12个月为止的一年内进厂、此后再未进厂的车辆。",
                    List.of(AS_OF), Reports.AnnualChurn.class, true, Set.of(),
                    (reports, a) -> List.of(reports.annualChurn(a.date("asOf")))),
            new ReportDefinition("churn-spend", "churn/spend", "Absolute and relative churn", "绝对与相对流失率",
                    "Of the customers of the year ending 12 months before asOf, the share lost since, and the share "
                            + "of their spend lost.",
                    "asOf前12个月为止那一年的客户中，此后流失的比例，以及他们的消费额流失的比例。",
                    List.of(AS_OF), Reports.SpendChurn.class, true, Set.of(),
                    (reports, a) -> List.of(reports.spendChurn(a.date("asOf")))),
            new ReportDefinition("growth", "growth", "Transaction growth", "产值增长",
                    "Customers, visits and revenue of [from, to] against the same dates a year earlier.",
                    "[from, to]期间的客户数、进厂台次与产值，对比上一年同期。",
                    List.of(FROM, TO), Reports.Growth.class, true, Set.of(),
                    (reports, a) -> List.of(reports.growth(a.date("from"), a.date("to")))),
            new ReportDefinition("structure", "structure", "Customer structure", "客户结构",
                    "Customers with visits in [from, to] by visit-count bucket: customers, visits, revenue, average "
                            + "ticket, per-vehicle contribution, and each bucket's share of its group.",
                    "[from, to]期间有进厂的客户按进厂次数分档：客户数、台次、产值、客单价、"
                    + "单车贡献，以及各档在其分组中的占比。",
                    List.of(FROM, TO, choice("by", GROUPS, "none", GROUP_HELP,
                            GROUP_HELP_ZH)), Reports.StructureLine.class, false,
                    ordered("customers", "visits", "revenue"),
                    (reports, a) -> reports.structure(a.date("from"), a.date("to"), a.choice("by"))),
            new ReportDefinition("structure-yoy", "structure/year-over-year", "Customer structure, year over year",
                    "客户结构同比", "The structure table of [from, to] beside that of the same dates a year earlier.",
                    "[from, to]期间的客户结构表，与上一年同期的并列对比。",
                    List.of(FROM, TO, choice("by", GROUPS, "none", GROUP_HELP,
                            GROUP_HELP_ZH)), Reports.YearOverYearLine.class, false,
                    Set.of(), (reports, a) -> reports.structureYearOverYear(a.date("from"), a.date("to"), a.choice("by"))),
            new ReportDefinition("tier-distribution", "tier-distribution", "Tier distribution", "等级分布",
                    "Customers by tier in a classification run (default: the latest finished), with each tier's share.",
                    "一次分类运行（默认：最近一次完成的）中各等级的客户数及占比。",
                    List.of(RUN),
                    Reports.TierShare.class, false, ordered("customers"),
                    (reports, a) -> reports.tierDistribution(a.run("run"))),
            new ReportDefinition("tier-migration", "tier-migration", "Tier migration", "等级迁移",
                    "Customers by tier in run `from` against run `to` (A→B …), for the customers both runs "
                            + "classified; by default the latest finished run against the finished run before it.",
                    "两次运行都分类过的客户，在运行`from`与运行`to`中的等级对照（A→B……）；"
                    + "默认以最近一次完成的运行对比其前一次完成的运行。",
                    List.of(run("from", false, "the earlier classification run (default: the finished run before `to`)",
                            "较早的分类运行（默认：`to`之前完成的那次）"),
                            run("to", false, "the later classification run (default: the latest finished)",
                                    "较晚的分类运行（默认：最近一次完成的）")),
                    Reports.TierMove.class, false, ordered("customers"),
                    (reports, a) -> reports.tierMigration(a.run("from"), a.run("to"))),
            new ReportDefinition("recapture", "recapture", "Recapture of the call lists", "回访召回效果",
                    "Whether the calls work: the follow-ups of run `from` by kind, assignee, person and recorded outcome "
                            + "(NONE: none), and how many of their customers visited before run `to`'s date; by "
                            + "default the finished run before the latest finished one against the latest.",
                    "回访是否有效：运行`from`的跟进任务按类型、负责人、人员和已记录结果（NONE："
                    + "无记录）分列，以及其中多少客户在运行`to`的日期前进厂；默认以最近一次完成的运行之前的那次对比最近一次。",
                    List.of(run("from", false, "the run whose call list was worked (default: the finished run before `to`)",
                            "已跟进其名单的运行（默认：`to`之前完成的那次）"),
                            run("to", false, "the later run: visits up to its date count (default: the latest finished)",
                                    "较晚的运行：到其日期为止的进厂计入（默认：最近一次完成的）")),
                    Reports.RecaptureLine.class, false, ordered("customers", "visited"),
                    (reports, a) -> reports.recapture(a.run("from"), a.run("to"))),
            new ReportDefinition("recapture-holdout", "recapture/holdout", "Recapture against the held-out customers",
                    "回访增量（对照组）",
                    "The call lists' own effect: per kind of task of run `run`, the customers listed and those held out "
                            + "(callLists.holdoutPercent), how many of each came back (a customer-pay visit) within "
                            + "`horizonMonths` after the run's date — or up to the latest data, until then — and the "
                            + "difference with its 95 % confidence interval.",
                    "名单本身的效果：运行`run`每类任务中列入名单的客户与留作对照组的客户（callLists.holdoutPercent），"
                    + "各有多少在运行日期后`horizonMonths`个月内回厂（一次客户付费进厂；"
                    + "期满前算到最新数据），以及两者之差和95%置信区间。",
                    List.of(run("run", false, "the run whose call list was worked (default: the latest finished run "
                                    + "whose horizon has passed, else the latest finished)",
                            "已跟进其名单的运行（默认：观察期已满的最近一次完成的运行，否则为最近一次完成的）"),
                            choice("horizonMonths", HORIZONS, "6", "months after the run's date a return counts",
                                    "运行日期后多少个月内回厂计入")),
                    Reports.HoldoutLine.class, false, ordered("listed", "heldOut"),
                    (reports, a) -> reports.recaptureHoldout(a.run("run"), Integer.parseInt(a.choice("horizonMonths")))),
            new ReportDefinition("challenger", "challenger", "Champion against challenger", "现行规则与挑战者对比",
                    "The answers of run `run` (default: the latest finished) by its own rules and by the challenger "
                            + "named when it ran, per output (TIER, CHURN, BASE_GRADE): how many customers each pair "
                            + "of answers has, and their share.",
                    "运行`run`（默认：最近一次完成的）的结果，按现行规则与运行时指定的挑战者规则分别给出，"
                    + "按输出（TIER、CHURN、BASE_GRADE）列出每一对结果的客户数及占比。",
                    List.of(RUN), Reports.ChallengerLine.class, false, ordered("customers"),
                    (reports, a) -> reports.challenger(a.run("run"))),
            new ReportDefinition("defeat-categories", "defeats/categories", "Leads by category", "战败类别",
                    "The leads of a classification run (default: the latest finished) by the category the rules "
                            + "gave them.",
                    "一次分类运行（默认：最近一次完成的）中的线索，按规则判定的战败类别分列。",
                    List.of(RUN),
                    Reports.CategoryLine.class, false, ordered("leads", "conquestService"),
                    (reports, a) -> reports.leadsByCategory(a.run("run"))),
            new ReportDefinition("defeat-competitors", "defeats/competitors", "Defeats by competitor", "战败竞品",
                    "Defeated leads closed in [from, to] by the competitor brand and model that won them.",
                    "[from, to]期间关闭的战败线索，按赢得客户的竞品品牌和车型分列。",
                    List.of(FROM, TO), Reports.CompetitorLine.class, false, ordered("defeated"),
                    (reports, a) -> reports.defeatsByCompetitor(a.date("from"), a.date("to"))),
            new ReportDefinition("defeat-monthly", "defeats/monthly", "Monthly defeat rate", "月度战败率",
                    "Per month: defeated / (won + defeated) of the leads closed that month.",
                    "每月：当月关闭的线索中，战败数 /（成交数 + 战败数）。",
                    List.of(FROM, TO), Reports.MonthDefeatRate.class, false, ordered("won", "defeated"),
                    (reports, a) -> reports.defeatRateByMonth(a.date("from"), a.date("to"))),
            new ReportDefinition("conquest", "defeats/conquest", "Defeated prospects won for after-sales",
                    "战败客户转售后", "How many prospects defeated in [from, to] later came to the workshop.",
                    "[from, to]期间战败的潜客中，后来有多少到店进厂。",
                    List.of(FROM, TO), Reports.Conquest.class, true, Set.of(),
                    (reports, a) -> List.of(reports.conquest(a.date("from"), a.date("to")))),
            new ReportDefinition("people", "people", "Tasks by person", "人员跟进效果",
                    "Per month and person (the person a task went to, else who recorded its outcome): the outcomes "
                            + "recorded in [from, to], how they ended, and how many of the customers called visited "
                            + "after the call, up to `to`.",
                    "按月份和人员（任务分派给的人，否则为记录结果的人）：[from, to]期间记录的结果、"
                    + "结局，以及被回访的客户中有多少在回访后、`to`之前进厂。",
                    List.of(FROM, TO), Reports.PersonMonth.class, false,
                    ordered("handled", "done", "unreachable", "declined", "customers", "cameBack"),
                    (reports, a) -> reports.people(a.date("from"), a.date("to"))),
            new ReportDefinition("churn-reasons", "churn/reasons", "Why customers left", "流失原因",
                    "The churn reasons recorded on retention and win-back calls in [from, to], by month and the "
                            + "customer's tier in the run whose list it was; each line's share of its month and tier.",
                    "[from, to]期间保客回访与召回回访中记录的流失原因，按月份及客户在该名单所属运行中的等级分列；"
                    + "每行在其月份和等级中的占比。",
                    List.of(FROM, TO), Reports.ChurnReasonLine.class, false, ordered("customers"),
                    (reports, a) -> reports.churnReasons(a.date("from"), a.date("to"))),
            new ReportDefinition("grade-structure", "grade-structure", "Base grades by group, two runs",
                    "基盘等级结构（两期对比）",
                    "Customers per base grade (PREMIUM, POTENTIAL, GENERAL) and region, industry or kind in run `from` "
                            + "and run `to` (by default the finished run before the latest finished one and the "
                            + "latest; the latest alone when it is the only one), each with its share of the group, and each group's total (TOTAL); the last "
                            + "lines total every group. A cell's customers: grade-structure/customers.",
                    "运行`from`与运行`to`中，按基盘等级（PREMIUM、POTENTIAL、"
                    + "GENERAL）和地区、行业或客户类型分列的客户数（默认为最近一次完成的运行之前的那次与最近一次；"
                    + "只有一次时只列最近一次），各自在分组中的占比，以及每组合计（TOTAL）；最后几行为所有分组的合计。"
                    + "某一格的客户明细见grade-structure/customers。",
                    List.of(BY_CUSTOMER, run("from", false, "the earlier run (default: the finished run before `to`)",
                            "较早的运行（默认：`to`之前完成的那次）"),
                            run("to", false, "the later run (default: the latest finished)",
                                    "较晚的运行（默认：最近一次完成的）")),
                    BaseReports.GradeLine.class, false, Set.of(),
                    (reports, a) -> {
                        Reports.RunPair runs = reports.runsOrOne(a.run("from"), a.run("to"));
                        return reports.base().gradeStructure(a.choice("by"), runs.from(), runs.to());
                    }),
            new ReportDefinition("grade-structure-customers", "grade-structure/customers",
                    "Customers of a grade-structure cell", "基盘等级结构明细",
                    "The customers (up to 100,000) of one group (`group`: a region, industry or kind as the report "
                            + "shows it, or TOTAL for every group) with one base grade in a run.",
                    "一次运行中某一分组（`group`：报表中所示的地区、行业或类型，TOTAL为所有分组）"
                    + "某一基盘等级的客户（最多100,000个）。",
                    List.of(BY_CUSTOMER, ReportParameter.text("group", "the group's value, as the grade-structure "
                                    + "report shows it (TOTAL: every group; left out: the customers without one)",
                            "分组的取值，与基盘等级结构报表所示相同（TOTAL：所有分组；不填：没有分组取值的客户）"),
                            choice("grade", BaseReports.GRADES, "PREMIUM",
                                    "the base grade; default PREMIUM",
                                    "基盘等级；默认PREMIUM"), RUN),
                    BaseReports.GradeCustomer.class, false, Set.of(),
                    (reports, a) -> reports.base().gradeCell(reports.run(a.run("run")).id(), a.choice("by"),
                            a.text("group"), a.choice("grade"))),
            new ReportDefinition("lifecycle-structure", "lifecycle-structure", "Lifecycle structure", "生命周期结构",
                    "Vehicles with visits in [from, to] by stage: first maintenance done in the period (首保), in "
                            + "warranty at `to` (在保), out of warranty (出保), UNKNOWN without a warranty end; their "
                            + "customers, visits, revenue, revenue per visit and per vehicle, and each stage's share.",
                    "[from, to]期间有进厂的车辆按阶段分列：本期完成首保（首保）、`to`时在保修期内（在保）、"
                    + "已出保修期（出保）、无保修截止日期（UNKNOWN）；各阶段的客户数、台次、"
                    + "产值、每台次产值、单车产值及占比。",
                    List.of(FROM, TO), BaseReports.StageLine.class, false,
                    ordered("vehicles", "customers", "visits", "revenue"),
                    (reports, a) -> reports.base().lifecycleStructure(a.date("from"), a.date("to"))),
            new ReportDefinition("churn-origin", "churn/origin", "Annual churn of cars sold here and elsewhere",
                    "本店售车与非本店售车流失率",
                    "The annual vehicle churn (vehicles that visited in the year ending 12 months before asOf and not "
                            + "since) for cars sold here (BOUGHT_HERE), cars bought elsewhere, and all (TOTAL).",
                    "本店售车（BOUGHT_HERE）、非本店售车及全部车辆（TOTAL）的年度车辆流失率（在asOf前12个月为止的一年内进厂、"
                    + "此后再未进厂的车辆）。",
                    List.of(AS_OF), BaseReports.OriginChurn.class, false, Set.of(),
                    (reports, a) -> reports.base().churnByOrigin(a.date("asOf"))),
            new ReportDefinition("retained", "retained", "Retained base", "保有客户数与保有率",
                    "Per month of the twelve up to `to`: base customers at the month's end (a visit, or a car bought "
                            + "here, by then), retained customers among them (at least reports.retainedMinVisits "
                            + "customer-pay visits in the twelve months to the month's end; 1 by default, as tiers "
                            + "A–C), and the retained rate.",
                    "截至`to`的十二个月中每月：月末的基盘客户（到当时有过进厂，或在本店购车）、"
                    + "其中的保有客户（截至月末的十二个月内客户付费进厂至少reports.retainedMinVisits次；"
                    + "默认1次，与A–C级一致），以及保有率。",
                    List.of(month("to", "the last month of the series",
                            "序列的最后一个月")), BaseReports.RetainedMonth.class, false,
                    Set.of(), (reports, a) -> reports.base().retained(a.month("to"))),
            new ReportDefinition("growth-compare", "growth/compare", "Growth, year over year and period over period",
                    "产值增长（同比与环比）",
                    "Customers, visits and revenue of [from, to] against the same dates a year earlier (YEAR_OVER_YEAR) "
                            + "and against the period of the same length just before (PERIOD_OVER_PERIOD), for all "
                            + "customers (ALL) and for existing customers (EXISTING: those with a visit in the earlier "
                            + "period, their spend now against all of the earlier period's).",
                    "[from, to]期间的客户数、台次和产值，对比上一年同期（YEAR_OVER_YEAR）"
                    + "和紧接其前的等长期间（PERIOD_OVER_PERIOD），分全部客户（ALL）"
                    + "和老客户（EXISTING：前一期有进厂的客户，其本期消费对比前一期全部客户的消费）。",
                    List.of(FROM, TO), BaseReports.GrowthLine.class, false, Set.of(),
                    (reports, a) -> reports.base().growth(a.date("from"), a.date("to"))),
            new ReportDefinition("models", "structure/models", "Model structure", "车型结构",
                    "Per model: vehicles with visits in [from, to], their customers, visits and revenue, revenue per "
                            + "visit and per vehicle, and each model's share of vehicles, visits and revenue.",
                    "按车型：[from, to]期间有进厂的车辆数、客户数、台次和产值，每台次产值和单车产值，"
                    + "以及各车型在车辆、台次和产值中的占比。",
                    List.of(FROM, TO), BaseReports.ModelLine.class, false,
                    ordered("vehicles", "customers", "visits", "revenue"),
                    (reports, a) -> reports.base().models(a.date("from"), a.date("to"))),
            new ReportDefinition("loyalty", "loyalty", "Loyalty levels by group", "忠诚度分布",
                    "The customers of a run (default: the latest finished) by region, industry or kind and loyalty "
                            + "level, each level's share of its group, and the average score and parts.",
                    "一次运行（默认：最近一次完成的）的客户按地区、行业或类型及忠诚度等级分列，各等级在其分组中的占比，"
                    + "以及平均得分和各分项得分。",
                    List.of(BY_CUSTOMER, RUN), BaseReports.LoyaltyLine.class, false, ordered("customers"),
                    (reports, a) -> reports.base().loyalty(reports.run(a.run("run")).id(), a.choice("by"))),
            new ReportDefinition("loyalty-scores", "loyalty/scores", "Loyalty scores", "忠诚度得分分布",
                    "How many customers of a run (default: the latest finished) have each loyalty score, 0 to 10.",
                    "一次运行（默认：最近一次完成的）中，忠诚度得分为0到10分的客户各有多少。",
                    List.of(RUN), BaseReports.ScoreLine.class, false, ordered("customers"),
                    (reports, a) -> reports.base().loyaltyScores(reports.run(a.run("run")).id())),
            new ReportDefinition("defeat-segments", "defeats/segments", "Win rate of existing customers and new "
                    + "prospects", "老客户与新客户成交率",
                    "Leads closed in [from, to]: won, defeated and win rate for prospects who were already customers "
                            + "when the lead was made (a visit or a car bought before) and for new prospects.",
                    "[from, to]期间关闭的线索：建线索时已是本店客户（之前有进厂或在本店购车）"
                    + "的潜客与新潜客，各自的成交数、战败数和成交率。",
                    List.of(FROM, TO), BaseReports.SegmentWinRate.class, false, Set.of(),
                    (reports, a) -> reports.base().winRateBySegment(a.date("from"), a.date("to"))),
            new ReportDefinition("defeat-consultants", "defeats/consultants", "Defeat rate per sales consultant",
                    "销售顾问战败率",
                    "Per sales consultant (销售顾问 of the lead): leads closed in [from, to], won, defeated, defeat rate.",
                    "按销售顾问（线索的销售顾问）：[from, to]期间关闭的线索数、成交数、"
                    + "战败数及战败率。",
                    List.of(FROM, TO), BaseReports.ConsultantLine.class, false, ordered("closed", "won", "defeated"),
                    (reports, a) -> reports.base().defeatsByConsultant(a.date("from"), a.date("to"))),
            new ReportDefinition("data-quality", "data-quality", "Data quality", "数据质量",
                    "Customers without a phone or sharing one, vehicles without a purchase date or whose VIN repeats "
                            + "(case and spaces ignored), repair orders without a pay type, service type or amount: "
                            + "each count of its total. The records behind a count: data-quality/rows.",
                    "没有电话或与他人共用电话的客户、没有购车日期或VIN重复（忽略大小写和空格）"
                    + "的车辆、缺少付费类型、服务类型或金额的工单：各项数量及其占总数的比例。数量背后的记录见data-quality/rows。",
                    List.of(), BaseReports.QualityLine.class, false, Set.of(),
                    (reports, a) -> reports.base().dataQuality()),
            new ReportDefinition("data-quality-rows", "data-quality/rows", "Records behind a data-quality count",
                    "数据质量明细",
                    "The records (up to 100,000) a data-quality check counts: their key, customer and what is wrong.",
                    "某项数据质量检查所计的记录（最多100,000条）：其主键、客户及问题所在。",
                    List.of(choice("check", BaseReports.CHECKS, "NO_PHONE", "the check; default NO_PHONE",
                            "检查项；默认NO_PHONE")),
                    BaseReports.QualityRecord.class, false, Set.of(),
                    (reports, a) -> reports.base().dataQualityRows(a.choice("check"))),
            new ReportDefinition("latest-imports", "imports/latest", "Latest import of each kind", "各类数据最近导入",
                    "The latest import of each kind: its file, when it started, how it ended, rows read, imported "
                            + "and rejected.",
                    "每类数据最近一次导入：文件、开始时间、结果，以及读取、导入和拒收的行数。",
                    List.of(), BaseReports.ImportLine.class, false, Set.of(),
                    (reports, a) -> reports.base().latestImports()),
            new ReportDefinition("store-league", "stores/league", "League table of the stores", "门店排名",
                    "Each 4S store of the group for a month: its monthly churn, retained rate, recapture of its latest "
                            + "worked call list and defeat rate, each ranked across the stores (1: best; lower churn "
                            + "and defeat rate, higher retained and recapture rates), the stores ordered by their mean "
                            + "rank.",
                    "集团各4S店某月的月度流失率、保有率、最近一次已跟进名单的召回率和战败率，每项在各店之间排名（1为最好："
                    + "流失率和战败率越低越好，保有率和召回率越高越好），各店按平均名次排序。",
                    List.of(month("month", "the month the measures are of",
                            "指标所属的月份")), StoreLeague.StoreLine.class, false,
                    Set.of(), (reports, a) -> reports.league(a.month("month"))),
            new ReportDefinition("store-shared", "stores/shared", "Customers two stores share", "门店共有客户",
                    "For each pair of stores: the customers of the first who are customers of the second too (the "
                            + "same phone, or a car of the same VIN: a person of two stores is two customers, a car "
                            + "two stores service is each store's vehicle), their share of the first store's "
                            + "customers, and how many of them visited the second store last. For keys of the whole "
                            + "group.",
                    "每两家店之间：第一家店的客户中同时是第二家店客户的人数（电话相同，或有同一VIN的车："
                    + "一个人在两家店是两个客户，两家店都保养的车是各店的车辆），占第一家店客户的比例，"
                    + "以及其中多少人最近一次进厂是在第二家店。仅限全集团的密钥。",
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
