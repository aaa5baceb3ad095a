package jipan.reports;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import jipan.core.Labels;
import jipan.core.Lang;

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
            Map.entry("cameBack", "回厂客户数"),
            Map.entry("visitShare", "台次占比"),
            Map.entry("laterBought", "后续本店购车数"),
            Map.entry("laterBoughtShare", "后续本店购车占比"),
            Map.entry("earlierRunId", "前期分类运行编号"),
            Map.entry("laterRunId", "本期分类运行编号"),
            Map.entry("earlierAsOf", "前期日期"),
            Map.entry("earlierCustomers", "前期客户数"),
            Map.entry("earlierShare", "前期占比"),
            Map.entry("laterAsOf", "本期日期"),
            Map.entry("laterCustomers", "本期客户数"),
            Map.entry("laterShare", "本期占比"),
            Map.entry("importKind", "数据类型"),
            Map.entry("change", "变化"),
            Map.entry("region", "区域"),
            Map.entry("industry", "行业"),
            Map.entry("loyaltyScore", "忠诚度得分"),
            Map.entry("stage", "生命周期阶段"),
            Map.entry("vehicles", "车辆数"),
            Map.entry("vehicleShare", "车辆占比"),
            Map.entry("origin", "购车来源"),
            Map.entry("baseCustomers", "基盘客户数"),
            Map.entry("retained", "保有客户数"),
            Map.entry("retainedRate", "保有率"),
            Map.entry("minVisits", "保有门槛（12个月自费进厂次数）"),
            Map.entry("comparison", "对比方式"),
            Map.entry("scope", "客户范围"),
            Map.entry("customerGrowth", "客户数增长率"),
            Map.entry("visitGrowth", "台次增长率"),
            Map.entry("loyaltyLevel", "忠诚度等级"),
            Map.entry("averageScore", "平均得分"),
            Map.entry("averageSatisfaction", "满意度平均分"),
            Map.entry("averageMaintenance", "定期保养平均分"),
            Map.entry("averageActivity", "活动参与平均分"),
            Map.entry("averageAdvocacy", "口碑推荐平均分"),
            Map.entry("score", "得分"),
            Map.entry("segment", "客户类型"),
            Map.entry("winRate", "成交率"),
            Map.entry("consultant", "销售顾问"),
            Map.entry("closed", "结案线索数"),
            Map.entry("check", "检查项"),
            Map.entry("records", "记录类型"),
            Map.entry("count", "问题数"),
            Map.entry("total", "总数"),
            Map.entry("key", "记录编号"),
            Map.entry("detail", "详情"),
            Map.entry("fileName", "文件名"),
            Map.entry("status", "状态"),
            Map.entry("startedAt", "开始时间"),
            Map.entry("rowsRead", "读取行数"),
            Map.entry("imported", "已导入"),
            Map.entry("rejected", "拒绝行数"),
            Map.entry("horizonEnd", "观察期结束"),
            Map.entry("observedUntil", "已观察至"),
            Map.entry("listed", "列入名单客户数"),
            Map.entry("listedCameBack", "列入名单后回厂数"),
            Map.entry("listedShare", "列入名单回厂率"),
            Map.entry("heldOut", "对照组客户数"),
            Map.entry("heldOutCameBack", "对照组回厂数"),
            Map.entry("heldOutShare", "对照组回厂率"),
            Map.entry("difference", "回厂率差（增量）"),
            Map.entry("differenceLow", "差值95%置信下限"),
            Map.entry("differenceHigh", "差值95%置信上限"),
            Map.entry("observedReturnRate", "同类客户回厂率"),
            Map.entry("challengerVersion", "挑战者规则版本"),
            Map.entry("output", "结果项"),
            Map.entry("champion", "现行规则结果"),
            Map.entry("challenger", "挑战者结果"),
            Map.entry("moved", "是否不同"),
            Map.entry("rank", "排名"),
            Map.entry("store", "门店代码"),
            Map.entry("storeName", "门店"),
            Map.entry("churnRank", "流失率排名"),
            Map.entry("retainedRank", "保有率排名"),
            Map.entry("recaptureRate", "回访召回率"),
            Map.entry("recaptureRank", "召回率排名"),
            Map.entry("defeatRank", "战败率排名"),
            Map.entry("otherStore", "另一门店代码"),
            Map.entry("otherStoreName", "另一门店"),
            Map.entry("shared", "共有客户数"),
            Map.entry("sharedShare", "共有客户占比"),
            Map.entry("wentToOther", "最近去了另一门店"),
            Map.entry("wentToOtherShare", "去另一门店占比"));

    private static final Set<String> PERCENT = Set.of("churn", "absoluteChurn", "relativeChurn", "revenueGrowth",
            "customerShare", "revenueShare", "defeatRate", "share", "visitShare", "laterBoughtShare", "earlierShare",
            "laterShare", "vehicleShare", "retainedRate", "customerGrowth", "visitGrowth", "winRate", "listedShare",
            "heldOutShare", "recaptureRate", "sharedShare", "wentToOtherShare", "difference", "differenceLow", "differenceHigh", "observedReturnRate");

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

    /**
     * The row with each coded value (a tier, a stage, TOTAL … — upper-case names {@link Labels} knows) in Chinese,
     * as a Chinese download shows it; other values as they are.
     */
    static Record labelled(Record row) {
        RecordComponent[] columns = row.getClass().getRecordComponents();
        Object[] values = new Object[columns.length];
        boolean changed = false;
        for (int i = 0; i < columns.length; i++) {
            values[i] = value(columns[i], row);
            if (values[i] instanceof String text && CODE.matcher(text).matches()) {
                String label = Labels.label(text, Lang.ZH);
                changed |= !label.equals(text);
                values[i] = label;
            }
        }
        if (!changed) {
            return row;
        }
        try {
            var constructor = row.getClass().getDeclaredConstructor(Stream.of(columns).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return (Record) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot label a " + row.getClass().getSimpleName(), e);
        }
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z_]*");

    public static boolean isPercent(String column) {
        return PERCENT.contains(column);
    }

    /** Whether a column has a Chinese header (for the test that every one has). */
    public static boolean known(String column) {
        return CHINESE.containsKey(column);
    }
}
