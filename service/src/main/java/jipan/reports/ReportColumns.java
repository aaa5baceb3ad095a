package jipan.reports;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Chinese header of every report column, one definition per column name (the same name means the same
 * thing in every report), and which columns are ratios shown as percentages.
 */
public final class ReportColumns {
    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("month", "月份"),
            Map.entry("cohortMonth", "基准月份"),
            Map.entry("cohort", "基准数"),
            Map.entry("returned", "回厂数"),
            Map.entry("churn", "流失率"),
            Map.entry("formula", "计算方法"),
            Map.entry("asOf", "截止日期"),
            Map.entry("cohortAfter", "基准期起（不含）"),
            Map.entry("cohortUpTo", "基准期止"),
            Map.entry("lost", "流失数"),
            Map.entry("baseAfter", "基准期起（不含）"),
            Map.entry("baseUpTo", "基准期止"),
            Map.entry("customers", "客户数"),
            Map.entry("averageSpend", "平均消费"),
            Map.entry("averageSpendOfLost", "流失客户平均消费"),
            Map.entry("absoluteChurn", "绝对流失率"),
            Map.entry("relativeChurn", "相对流失率"),
            Map.entry("from", "开始日期"),
            Map.entry("to", "结束日期"),
            Map.entry("visits", "进厂台次"),
            Map.entry("revenue", "产值"),
            Map.entry("previousFrom", "上年同期开始"),
            Map.entry("previousTo", "上年同期结束"),
            Map.entry("previousCustomers", "上年同期客户数"),
            Map.entry("previousVisits", "上年同期进厂台次"),
            Map.entry("previousRevenue", "上年同期产值"),
            Map.entry("revenueGrowth", "产值增长率"),
            Map.entry("period", "期间"),
            Map.entry("group", "分组"),
            Map.entry("bucket", "进厂次数"),
            Map.entry("averageTicket", "单次产值"),
            Map.entry("perVehicle", "单车贡献"),
            Map.entry("customerShare", "客户占比"),
            Map.entry("revenueShare", "产值占比"),
            Map.entry("runId", "分类运行编号"),
            Map.entry("category", "类别"),
            Map.entry("leads", "线索数"),
            Map.entry("conquestService", "战败后进厂客户数"),
            Map.entry("competitorBrand", "竞品品牌"),
            Map.entry("competitorModel", "竞品车型"),
            Map.entry("defeated", "战败数"),
            Map.entry("won", "成交数"),
            Map.entry("defeatRate", "战败率"),
            Map.entry("laterServiceCustomers", "后续进厂客户数"),
            Map.entry("share", "占比"),
            Map.entry("fromTier", "原等级"),
            Map.entry("toTier", "新等级"),
            Map.entry("tier", "售后等级"),
            Map.entry("customerId", "客户编号"),
            Map.entry("name", "姓名"),
            Map.entry("phone", "电话"),
            Map.entry("kind", "任务"),
            Map.entry("subject", "对象"),
            Map.entry("model", "车型"),
            Map.entry("priority", "优先级"),
            Map.entry("due", "截止日期"),
            Map.entry("assignee", "负责岗位"),
            Map.entry("person", "负责人"),
            Map.entry("churnReason", "流失原因"),
            Map.entry("satisfaction", "满意度"),
            Map.entry("reason", "原因"),
            Map.entry("lastVisit", "最近进厂"),
            Map.entry("churnStatus", "流失状态"),
            Map.entry("baseGrade", "基盘等级"),
            Map.entry("basis", "依据"),
            Map.entry("outcome", "处理结果"),
            Map.entry("note", "备注"),
            Map.entry("handledBy", "处理人"),
            Map.entry("handledAt", "处理时间"),
            Map.entry("fromAsOf", "名单日期"),
            Map.entry("toAsOf", "截至日期"),
            Map.entry("visited", "已回厂客户数"),
            Map.entry("vin", "车架号"),
            Map.entry("handled", "已处理任务"),
            Map.entry("done", "已完成"),
            Map.entry("unreachable", "未接通"),
            Map.entry("declined", "已拒绝"),
            Map.entry("cameBack", "回厂客户数"));

    private static final Set<String> PERCENT = Set.of("churn", "absoluteChurn", "relativeChurn", "revenueGrowth",
            "customerShare", "revenueShare", "defeatRate", "share");

    private ReportColumns() {
    }

    /** The Chinese header of a column; a column without one is a programming error, caught by a test. */
    public static String chinese(String column) {
        String header = CHINESE.get(column);
        if (header == null) {
            throw new IllegalStateException("no Chinese header for report column " + column);
        }
        return header;
    }

    /** The headers of a row type's columns (its fields, in order): the field names, or their Chinese headers. */
    public static List<String> headers(Class<? extends Record> rowType, boolean chinese) {
        return Stream.of(rowType.getRecordComponents()).map(RecordComponent::getName)
                .map(column -> chinese ? chinese(column) : column).toList();
    }

    /** The value of one column (record component) of a row, for the CSV and xlsx writers. */
    static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + column.getName(), e);
        }
    }

    public static boolean isPercent(String column) {
        return PERCENT.contains(column);
    }

    /** Whether a column has a Chinese header (for the test that every one has). */
    public static boolean known(String column) {
        return CHINESE.containsKey(column);
    }
}
