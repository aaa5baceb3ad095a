package jipan.imports;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The DMS exports jipan imports, each with its fields and the column headers that name each field by
 * default: the English field name and the usual Chinese DMS headers. A dealer whose DMS says otherwise
 * adds its own headers in the configuration ({@code imports.headers}).
 */
public enum ImportKind {
    CUSTOMERS("customers", Map.of(
            "id", List.of("id", "customerId", "客户编号", "客户代码", "客户ID"),
            "name", List.of("name", "客户名称", "客户姓名", "姓名"),
            "phone", List.of("phone", "电话", "手机", "联系电话"),
            "region", List.of("region", "区域", "地区", "所属区域"),
            "industry", List.of("industry", "行业"),
            "birthYear", List.of("birthYear", "出生年份"),
            "kind", List.of("kind", "客户类型", "客户性质"),
            // staff-recorded flags of the loyalty score's advocacy part; a file without the column keeps them as stored
            "leadsPassedFirst", List.of("leadsPassedFirst", "先介绍线索", "优先介绍线索"),
            "negativePublicity", List.of("negativePublicity", "负面宣传")), List.of("id")),
    VEHICLES("vehicles", Map.of(
            "vin", List.of("vin", "VIN", "车架号", "底盘号"),
            "customerId", Headers.CUSTOMER_ID,
            "model", List.of("model", "车型", "车型名称"),
            "purchaseDate", List.of("purchaseDate", "购车日期", "销售日期", "开票日期"),
            "warrantyEnd", List.of("warrantyEnd", "保修截止日期", "保修到期日"),
            "boughtHere", List.of("boughtHere", "本店购车"),
            "installment", List.of("installment", "按揭", "分期付款")), List.of("vin", "customerId")),
    REPAIR_ORDERS("repair-orders", Map.of(
            "roNumber", List.of("roNumber", "RO", "RO No", "工单号", "委托书号"),
            "vin", List.of("vin", "VIN", "车架号", "底盘号"),
            "date", List.of("date", "visitDate", "进厂日期", "进站日期", "开单日期"),
            "mileage", List.of("mileage", "里程", "进厂里程"),
            "payType", List.of("payType", "付费类型", "结算类型", "付费方式"),
            "serviceType", List.of("serviceType", "维修类型", "工单类型", "维修类别"),
            "amount", List.of("amount", "结算金额", "金额", "工单金额"),
            "advisor", List.of("advisor", "服务顾问", "接待人", "服务接待")), List.of("roNumber", "vin", "date", "payType")),
    LEADS("leads", Map.ofEntries(
            Map.entry("leadId", List.of("leadId", "线索编号", "商机编号")),
            Map.entry("customerId", Headers.CUSTOMER_ID),
            Map.entry("model", List.of("model", "意向车型")),
            Map.entry("createdOn", List.of("createdOn", "建档日期", "创建日期")),
            Map.entry("closedOn", List.of("closedOn", "结案日期", "关闭日期")),
            Map.entry("status", List.of("status", "状态", "线索状态")),
            Map.entry("defeatReason", List.of("defeatReason", "战败原因")),
            Map.entry("competitorBrand", List.of("competitorBrand", "竞品品牌", "战败品牌")),
            Map.entry("competitorModel", List.of("competitorModel", "竞品车型", "战败车型")),
            Map.entry("followUps", List.of("followUps", "跟进次数")),
            Map.entry("lastFollowUp", List.of("lastFollowUp", "最后跟进日期")),
            Map.entry("consultant", List.of("consultant", "销售顾问", "跟进顾问"))),
            List.of("leadId", "customerId", "createdOn", "status")),
    /** Complaints (投诉): one per customer, day and subject; a later export of the same one updates it. */
    COMPLAINTS("complaints", Map.of(
            "customerId", Headers.CUSTOMER_ID,
            "date", List.of("date", "complaintDate", "投诉日期", "投诉时间"),
            "subject", List.of("subject", "投诉类别", "投诉对象", "投诉类型"),
            "resolved", List.of("resolved", "是否解决", "已解决"),
            "answeredOn", List.of("answeredOn", "答复日期", "回复日期"),
            "resolvedOn", List.of("resolvedOn", "解决日期", "处理完成日期")),
            List.of("customerId", "date", "subject")),
    /** Satisfaction surveys (满意度调查): one per customer and day; a later export of the same day updates it. */
    SURVEYS("surveys", Map.of(
            "customerId", Headers.CUSTOMER_ID,
            "date", List.of("date", "surveyDate", "调查日期", "回访日期"),
            "satisfaction", List.of("satisfaction", "满意度", "满意度评分"),
            "repurchaseIntent", List.of("repurchaseIntent", "再购意向", "再购买意向", "再购意向(%)"),
            "recommend", List.of("recommend", "推荐意愿", "是否愿意推荐")),
            List.of("customerId", "date")),
    /** Event invitations (活动): one per customer, event and day. */
    EVENTS("events", Map.of(
            "customerId", Headers.CUSTOMER_ID,
            "eventId", List.of("eventId", "活动编号", "活动名称"),
            "date", List.of("date", "eventDate", "活动日期"),
            "attended", List.of("attended", "是否参加", "是否到场", "参加"),
            "broughtProspects", List.of("broughtProspects", "带来潜客数", "带客人数", "带来客户数")),
            List.of("customerId", "date")),
    /** Referrals (转介绍): one per referring customer, day and person referred. */
    REFERRALS("referrals", Map.of(
            "customerId", List.of("customerId", "客户编号", "客户代码", "客户ID", "推荐人编号"),
            "date", List.of("date", "referralDate", "推荐日期", "转介绍日期"),
            "referredName", List.of("referredName", "被推荐人", "被推荐人姓名", "被介绍人"),
            "closed", List.of("closed", "是否成交", "已购车", "是否购车")),
            List.of("customerId", "date"));

    /** Headers several exports share (an enum's constants cannot read its own static fields). */
    private static final class Headers {
        /** The column naming the customer a row belongs to. */
        static final List<String> CUSTOMER_ID = List.of("customerId", "客户编号", "客户代码", "客户ID");
    }

    private final String cliName;
    private final Map<String, List<String>> defaultHeaders;
    private final List<String> required;

    ImportKind(String cliName, Map<String, List<String>> defaultHeaders, List<String> required) {
        this.cliName = cliName;
        this.defaultHeaders = new LinkedHashMap<>(defaultHeaders);
        this.required = required;
    }

    /** The name used on the command line and in the REST API: {@code repair-orders}. */
    public String cliName() {
        return cliName;
    }

    public Map<String, List<String>> defaultHeaders() {
        return defaultHeaders;
    }

    /** Fields whose column must be present in the file. */
    public List<String> required() {
        return required;
    }

    public static ImportKind fromCliName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kind must be one of " + Arrays.stream(values())
                        .map(ImportKind::cliName).collect(Collectors.joining(", ")) + " (got '" + name + "')"));
    }
}
