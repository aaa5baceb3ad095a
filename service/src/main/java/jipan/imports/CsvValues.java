package jipan.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jipan.core.Limits;
import jipan.core.facts.ComplaintSubject;
import jipan.core.facts.CustomerKind;
import jipan.core.facts.DefeatReason;
import jipan.core.facts.LeadStatus;
import jipan.core.facts.PayType;
import jipan.core.facts.Recommend;
import jipan.core.facts.ServiceType;

/**
 * Reads the values of DMS exports: dates as 2012-01-05, 2012/1/5, 2012.01.05, 2012年9月3日 or 20120910 (a time
 * after them is ignored), amounts with thousands separators or a currency sign, and the usual Chinese words
 * for pay types, service types, lead statuses, defeat reasons, complaint subjects, survey answers and yes/no, besides jipan's own
 * enum names —
 * and the dealer's own words, configured under {@code imports.values} (免费 → WARRANTY, 已战败 → DEFEATED, …).
 */
final class CsvValues {
    /** The kinds of coded value a dealer can give words for, as named under {@code imports.values}. */
    static final Map<String, Class<? extends Enum<?>>> WORD_TYPES = Map.of("payType", PayType.class,
            "serviceType", ServiceType.class, "leadStatus", LeadStatus.class, "defeatReason", DefeatReason.class,
            "customerKind", CustomerKind.class, "complaintSubject", ComplaintSubject.class, "recommend",
            Recommend.class);
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})(?:[-/.](\\d{1,2})[-/.](\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日?|(\\d{2})(\\d{2}))(?:[ T].*)?");
    private static final Map<String, PayType> PAY_TYPES = Map.of("自费", PayType.CUSTOMER_PAY, "客户付费",
            PayType.CUSTOMER_PAY, "保修", PayType.WARRANTY, "索赔", PayType.WARRANTY, "保险", PayType.INSURANCE,
            "内部", PayType.INTERNAL, "内部结算", PayType.INTERNAL);
    private static final Map<String, ServiceType> SERVICE_TYPES = Map.of("首保", ServiceType.FIRST_MAINTENANCE,
            "保养", ServiceType.MAINTENANCE, "定保", ServiceType.MAINTENANCE, "维修", ServiceType.REPAIR,
            "一般维修", ServiceType.REPAIR, "事故", ServiceType.ACCIDENT, "钣喷", ServiceType.ACCIDENT,
            "召回", ServiceType.RECALL, "其他", ServiceType.OTHER);
    private static final Map<String, LeadStatus> LEAD_STATUSES = Map.of("跟进中", LeadStatus.OPEN, "未成交",
            LeadStatus.OPEN, "成交", LeadStatus.WON, "战败", LeadStatus.DEFEATED, "无效", LeadStatus.INVALID);
    private static final Map<String, DefeatReason> DEFEAT_REASONS = Map.ofEntries(
            Map.entry("价格", DefeatReason.PRICE), Map.entry("加价", DefeatReason.DEALER_MARKUP),
            Map.entry("优惠", DefeatReason.PROMOTION_MISMATCH), Map.entry("促销", DefeatReason.PROMOTION_MISMATCH),
            Map.entry("产品", DefeatReason.PRODUCT), Map.entry("品牌", DefeatReason.BRAND),
            Map.entry("贷款", DefeatReason.FINANCING), Map.entry("金融", DefeatReason.FINANCING),
            Map.entry("服务", DefeatReason.SERVICE), Map.entry("距离", DefeatReason.DISTANCE),
            Map.entry("暂缓购买", DefeatReason.POSTPONED), Map.entry("其他", DefeatReason.OTHER));
    private static final Map<String, ComplaintSubject> COMPLAINT_SUBJECTS = Map.of("车辆质量", ComplaintSubject.VEHICLE_QUALITY,
            "质量", ComplaintSubject.VEHICLE_QUALITY, "产品质量", ComplaintSubject.VEHICLE_QUALITY,
            "销售人员", ComplaintSubject.SALES_STAFF, "销售", ComplaintSubject.SALES_STAFF,
            "服务人员", ComplaintSubject.SERVICE_STAFF, "服务", ComplaintSubject.SERVICE_STAFF,
            "售后服务", ComplaintSubject.SERVICE_STAFF, "活动", ComplaintSubject.EVENT);
    private static final Map<String, Recommend> RECOMMENDS = Map.of("非常愿意", Recommend.VERY_LIKELY,
            "一定会", Recommend.VERY_LIKELY, "愿意", Recommend.LIKELY, "可能会", Recommend.LIKELY,
            "不愿意", Recommend.UNLIKELY, "不会", Recommend.UNLIKELY);
    private static final Map<String, CustomerKind> KINDS = Map.of("个人", CustomerKind.PERSON, "公司",
            CustomerKind.COMPANY, "单位", CustomerKind.COMPANY, "车队", CustomerKind.FLEET);

    /** Type name (as in {@link #WORD_TYPES}) → the dealer's word → the constant's name. */
    private final Map<String, Map<String, String>> dealerWords;

    CsvValues(Map<String, Map<String, String>> dealerWords) {
        this.dealerWords = dealerWords;
    }

    /** A value that cannot be read; the importer reports it with the row's line and the column. */
    static final class BadValue extends Exception {
        BadValue(String message) {
            super(message);
        }
    }

    static LocalDate date(String text) throws BadValue {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        try {
            if (m.matches()) {
                int month = m.group(2) != null ? 2 : m.group(4) != null ? 4 : 6;
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(month)),
                        Integer.parseInt(m.group(month + 1)));
                String outOfRange = Limits.dateProblem(date);
                if (outOfRange != null) {
                    throw new BadValue("the date " + outOfRange);
                }
                return date;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw new BadValue("not a date (YYYY-MM-DD, YYYY/M/D, YYYY.MM.DD, YYYY年M月D日 or YYYYMMDD): '" + text + "'");
    }

    static BigDecimal amount(String text) throws BadValue {
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.replaceAll("[,¥￥\\s]", "").replace("元", ""));
            String problem = Limits.amountProblem(amount);
            if (problem != null) {
                throw new BadValue("the amount " + problem);
            }
            return amount;
        } catch (NumberFormatException e) {
            throw new BadValue("not an amount: '" + text + "'");
        }
    }

    static Integer integer(String text) throws BadValue {
        if (text == null) {
            return null;
        }
        try {
            int value = new BigDecimal(text.replace(",", "")).intValueExact();
            if (value < 0) {
                throw new BadValue("must not be negative: '" + text + "'");
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadValue("not a whole number: '" + text + "'");
        }
    }

    /** A share in percent, 0 to 100, with or without its sign: 85, 85%. */
    static Integer percent(String text) throws BadValue {
        if (text == null) {
            return null;
        }
        Integer value = integer(text.endsWith("%") || text.endsWith("％") ? text.substring(0, text.length() - 1).strip() : text);
        if (value > 100) {
            throw new BadValue("a percentage is 0 to 100: '" + text + "'");
        }
        return value;
    }

    static boolean bool(String text) throws BadValue {
        if (text == null) {
            return false;
        }
        switch (text.toLowerCase()) {
            case "true", "yes", "y", "1", "是" -> {
                return true;
            }
            case "false", "no", "n", "0", "否" -> {
                return false;
            }
            default -> throw new BadValue("not yes or no (是/否, Y/N, true/false, 1/0): '" + text + "'");
        }
    }

    PayType payType(String text) throws BadValue {
        return word(text, "payType", PayType.class, PAY_TYPES);
    }

    ServiceType serviceType(String text) throws BadValue {
        return word(text, "serviceType", ServiceType.class, SERVICE_TYPES);
    }

    LeadStatus leadStatus(String text) throws BadValue {
        return word(text, "leadStatus", LeadStatus.class, LEAD_STATUSES);
    }

    DefeatReason defeatReason(String text) throws BadValue {
        return word(text, "defeatReason", DefeatReason.class, DEFEAT_REASONS);
    }

    ComplaintSubject complaintSubject(String text) throws BadValue {
        return word(text, "complaintSubject", ComplaintSubject.class, COMPLAINT_SUBJECTS);
    }

    Recommend recommend(String text) throws BadValue {
        return word(text, "recommend", Recommend.class, RECOMMENDS);
    }

    CustomerKind kind(String text) throws BadValue {
        return word(text, "customerKind", CustomerKind.class, KINDS);
    }

    private <E extends Enum<E>> E word(String text, String typeName, Class<E> type, Map<String, E> chinese)
            throws BadValue {
        if (text == null) {
            return null;
        }
        String dealers = dealerWords.getOrDefault(typeName, Map.of()).get(text);
        if (dealers != null) {
            return Enum.valueOf(type, dealers);
        }
        E word = chinese.get(text);
        if (word != null) {
            return word;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new BadValue("'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")) + ", " + String.join(", ", chinese.keySet())
                + (dealerWords.containsKey(typeName) ? ", " + String.join(", ", dealerWords.get(typeName).keySet()) : "")
                + " (a word of your DMS can be added under imports.values." + typeName + ")");
    }
}
