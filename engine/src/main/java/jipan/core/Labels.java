package jipan.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The name, in Chinese and in English, of every value a user reads: tiers, churn states, grades, loyalty levels,
 * lifecycle stages, lead states and categories, follow-up kinds, assignees, outcomes, run and import states. One
 * list: the console shows these labels ({@code GET /api/v1/labels}), a rule's sentence reads a value with
 * {@code %l} as its label, and docs/glossary.md gives the same words.
 */
public final class Labels {
    private static final Map<String, String[]> LABELS = new LinkedHashMap<>();

    static {
        // after-sales tiers (售后等级); NEW and NONE are tiers too
        put("A", "A 类", "A");
        put("B", "B 类", "B");
        put("C", "C 类", "C");
        put("D", "D 类", "D");
        put("NEW", "新购未回厂", "New buyer");
        put("NONE", "无等级", "No tier");
        put("PROSPECT", "潜在客户", "Prospect");
        // churn (流失状态)
        put("ACTIVE", "活跃", "Active");
        put("AT_RISK", "流失预警", "At risk");
        put("LOST", "流失", "Lost");
        // base grade (基盘等级)
        put("PREMIUM", "优质", "Premium");
        put("POTENTIAL", "潜力", "Potential");
        put("GENERAL", "一般", "General");
        // loyalty level (忠诚度)
        put("LOYAL", "忠诚", "Loyal");
        put("ORDINARY", "一般忠诚", "Ordinary");
        put("WEAK", "较弱", "Weak");
        // vehicle lifecycle (车辆生命周期)
        put("FIRST_MAINTENANCE_DUE", "首保待做", "First maintenance due");
        put("IN_WARRANTY", "在保", "In warranty");
        put("OUT_OF_WARRANTY", "出保", "Out of warranty");
        // follow-up kinds (跟进任务)
        put("RETENTION_CALL", "挽留回访", "Retention call");
        put("RHYTHM_LAPSE_CALL", "超期未回厂回访", "Overdue for their rhythm");
        put("FIRST_MAINTENANCE_REMINDER", "首保提醒", "First-maintenance reminder");
        put("WARRANTY_ENDING_OFFER", "保修到期前服务邀约", "Offer before the warranty ends");
        put("STALLED_LEAD", "停滞线索跟进", "Stalled lead");
        put("MANAGER_CALL", "经理回访", "Manager call");
        put("AFTER_SALES_INVITATION", "邀请进厂保养", "After-sales invitation");
        put("PRICE_REOFFER", "促销时再报价", "Re-offer at the promotion");
        put("POSTPONED_RECONTACT", "延期购买再联系", "Postponed: call again");
        put("FINANCE_OFFER", "金融方案邀约", "Finance offer");
        put("LAUNCH_INVITATION", "新车发布会邀请", "New-model launch invitation");
        put("DEFEAT_REASON_RECORD", "补记战败原因", "Record the defeat's reason");
        put("WIN_BACK", "流失客户挽回", "Win-back call");
        put("DELIVERY_CALL", "交车回访", "Call after delivery");
        put("FIRST_MAINTENANCE_CHASE", "首保逾期追访", "Missed first maintenance: chase");
        put("COMPLAINT_RESPONSE", "投诉答复", "Answer a complaint");
        put("COMPLAINT_ESCALATION", "投诉升级", "Escalated complaint");
        put("CARE_CALL", "关怀回访", "Care call");
        put("REFERRAL_ASK", "请求转介绍", "Ask for a referral");
        put("VISIT_CALLBACK", "维修后回访", "Call back after a visit");
        // assignees
        put("SERVICE_ADVISOR", "服务顾问", "Service advisor");
        put("SALES", "销售顾问", "Sales");
        put("MANAGER", "经理", "Manager");
        // outcomes of a task
        put("UNREACHABLE", "未接通", "Unreachable");
        put("DECLINED", "已拒绝", "Declined");
        // why a customer left (流失原因), recorded with a retention or win-back call; PRICE and OTHER are above and below
        put("MOVED_AWAY", "搬迁或距离远", "Moved or too far");
        put("QUALITY", "质量问题", "Quality");
        put("SERVICE_ATTITUDE", "服务态度", "Service attitude");
        put("SOLD_VEHICLE", "已卖车", "Sold the car");
        // lead states and war-defeat (战败) categories
        put("OPEN", "跟进中", "Open");
        put("WON", "成交", "Won");
        put("DEFEATED", "战败", "Defeated");
        put("INVALID", "无效", "Invalid");
        put("STALLED", "停滞", "Stalled");
        put("PRICE", "价格", "Price");
        put("PRODUCT", "产品", "Product");
        put("FINANCING", "金融方案", "Financing");
        put("SERVICE", "服务", "Service");
        put("POSTPONED", "延期购买", "Postponed");
        put("UNANALYSED", "未分析", "Not analysed");
        put("TOO_FAR", "距离太远", "Too far");
        put("CONQUEST_SERVICE", "竞品车辆售后邀约", "Conquest service");
        put("DEALER_MARKUP", "加价", "Dealer mark-up");
        put("PROMOTION_MISMATCH", "促销不符", "Promotion mismatch");
        put("BRAND", "品牌", "Brand");
        put("DISTANCE", "距离", "Distance");
        // runs and imports
        put("QUEUED", "排队中", "Queued");
        put("RUNNING", "进行中", "Running");
        put("DONE", "完成", "Done");
        put("FAILED", "失败", "Failed");
        put("INTERRUPTED", "已中断", "Interrupted");
        // pay and service types of a repair order
        put("CUSTOMER_PAY", "客户付费", "Customer pay");
        put("WARRANTY", "保修", "Warranty");
        put("INSURANCE", "保险", "Insurance");
        put("INTERNAL", "内部", "Internal");
        put("FIRST_MAINTENANCE", "首保", "First maintenance");
        put("MAINTENANCE", "保养", "Maintenance");
        put("REPAIR", "维修", "Repair");
        put("ACCIDENT", "事故", "Accident");
        put("RECALL", "召回", "Recall");
        put("OTHER", "其他", "Other");
        // complaint subjects and customer kinds
        put("VEHICLE_QUALITY", "车辆质量", "Vehicle quality");
        put("SALES_STAFF", "销售人员", "Sales staff");
        put("SERVICE_STAFF", "服务人员", "Service staff");
        put("EVENT", "活动", "Event");
        put("PERSON", "个人", "Person");
        put("COMPANY", "单位", "Company");
        put("FLEET", "车队", "Fleet");
        // loyalty parts
        put("SATISFACTION", "满意度", "Satisfaction");
        put("ACTIVITY", "活动参与", "Activity");
        put("ADVOCACY", "口碑推荐", "Advocacy");
        // the customer-base reports (issue 28)
        put("TOTAL", "合计", "Total");
        put("BOUGHT_HERE", "本店销售", "Sold here");
        put("BOUGHT_ELSEWHERE", "非本店销售", "Bought elsewhere");
        put("UNKNOWN", "未知", "Unknown");
        put("YEAR_OVER_YEAR", "同比", "Year over year");
        put("PERIOD_OVER_PERIOD", "环比", "Period over period");
        put("ALL", "全部客户", "All customers");
        put("EXISTING", "老客户", "Existing customers");
        put("NEW_PROSPECT", "新客户", "New prospects");
        put("NO_PHONE", "无电话的客户", "Customers without a phone");
        put("DUPLICATE_PHONE", "电话重复的客户", "Customers sharing a phone");
        put("NO_PURCHASE_DATE", "无购车日期的车辆", "Vehicles without a purchase date");
        put("DUPLICATE_VIN", "车架号重复的车辆", "Vehicles whose VIN repeats");
        put("NO_PAY_TYPE", "无付费类型的工单", "Repair orders without a pay type");
        put("NO_SERVICE_TYPE", "无维修类型的工单", "Repair orders without a service type");
        put("NO_AMOUNT", "无金额的工单", "Repair orders without an amount");
        put("CUSTOMERS", "客户", "Customers");
        put("VEHICLES", "车辆", "Vehicles");
        put("REPAIR_ORDERS", "维修工单", "Repair orders");
        // the challenger comparison (issue 29): which answer a line compares
        put("TIER", "售后等级", "Tier");
        put("CHURN", "流失状态", "Churn status");
        put("BASE_GRADE", "基盘等级", "Base grade");
    }

    private Labels() {
    }

    private static void put(String value, String zh, String en) {
        if (LABELS.putIfAbsent(value, new String[] {zh, en}) != null) {
            throw new IllegalStateException("two labels for " + value);
        }
    }

    /** The label of a value in a language; the value itself when it has none (null for null). */
    public static String label(String value, Lang lang) {
        String[] label = value == null ? null : LABELS.get(value);
        return label == null ? value : label[lang == Lang.ZH ? 0 : 1];
    }

    /** yes / no, 是 / 否. */
    public static String yesNo(boolean value, Lang lang) {
        return lang == Lang.ZH ? (value ? "是" : "否") : (value ? "yes" : "no");
    }

    /** Every value with its labels: value → {zh, en}. */
    public static Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        LABELS.forEach((value, label) -> all.put(value, Map.of("zh", label[0], "en", label[1])));
        return Collections.unmodifiableMap(all);
    }
}
