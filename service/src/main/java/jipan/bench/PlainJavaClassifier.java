package jipan.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jipan.core.Classification;
import jipan.core.CustomerFacts;
import jipan.core.FollowUpResult;
import jipan.core.LeadResult;
import jipan.core.LoyaltyResult;
import jipan.core.People;
import jipan.core.Reason;
import jipan.core.RuleTexts;
import jipan.core.Sentence;
import jipan.core.VehicleResult;
import jipan.core.facts.Assignee;
import jipan.core.facts.BaseGrade;
import jipan.core.facts.Because;
import jipan.core.facts.Churn;
import jipan.core.facts.Complaint;
import jipan.core.facts.ContactOutcome;
import jipan.core.facts.ComplaintSubject;
import jipan.core.facts.Customer;
import jipan.core.facts.DefeatReason;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.FollowUpKind;
import jipan.core.facts.LapsedValue;
import jipan.core.facts.LastContact;
import jipan.core.facts.Lead;
import jipan.core.facts.LeadStatus;
import jipan.core.facts.Lifecycle;
import jipan.core.facts.LoyaltyLevel;
import jipan.core.facts.PayType;
import jipan.core.facts.Referral;
import jipan.core.facts.ServiceType;
import jipan.core.facts.ServiceWindow;
import jipan.core.facts.Survey;
import jipan.core.facts.Tier;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import jipan.core.facts.VisitStats;

/**
 * The whole shipped rule set (tiers, churn, loyalty score and level, base grade, lifecycle, defeat categories and
 * flags, follow-ups) hand-written in Java with the same reasons, word for word: kept <b>only</b> as the benchmark's
 * floor, so the rules' speed is compared with Java doing the same work (the same decisions, the same sentences,
 * the same list of rules that fired). The service never uses it. Its thresholds, categories and actions are the
 * shipped rule files' defaults, written here once more and not read from {@code rules/}: a change to the shipped
 * rules that this class does not follow fails {@code PlainJavaClassifierTest}, which compares both on thousands
 * of realistic customers.
 */
public final class PlainJavaClassifier {
    // window.drl, tiers.drl, churn.drl
    private static final int WINDOW_MONTHS = 12;
    private static final int MIN_VISITS_A = 4;
    private static final int MIN_VISITS_B = 2;
    private static final int MIN_VISITS_C = 1;
    private static final int ACTIVE_WITHIN_MONTHS = 6;
    // loyalty.drl and the score bands of loyalty.drl.xlsx
    private static final int POINT = 1;
    private static final int MAINTAINED_ON_SCHEDULE_POINTS = 2;
    private static final int LOYAL_STREAK = 3;
    private static final int LOYAL_INTENT = 70;
    private static final int LOYAL_FROM = 8;
    private static final int ORDINARY_FROM = 4;
    private static final int BANDS_BELOW = 11;
    // grade.drl
    private static final int PREMIUM_TIER_B_FROM = 8;
    private static final int POTENTIAL_FROM = 5;
    // lifecycle.drl, defeat.drl
    private static final int FIRST_MAINTENANCE_WITHIN_MONTHS = 3;
    private static final int STALLED_AFTER_DAYS = 30;
    // followups.drl
    private static final int RETENTION_WITHIN = 0;
    private static final int RETENTION_PRIORITY_AB = 1;
    private static final BigDecimal HIGH_SPEND = BigDecimal.valueOf(5000);
    private static final int RETENTION_PRIORITY_HIGH_CD = 2;
    private static final int RETENTION_PRIORITY_CD = 3;
    private static final int RETENTION_PRIORITY_NO_TIER = 3;
    private static final int RHYTHM_MIN_VISIT_DAYS = 3;
    private static final double RHYTHM_FACTOR = 1.5;
    private static final int RHYTHM_WITHIN = 7;
    private static final int RHYTHM_PRIORITY = 2;
    private static final int DELIVERY_LISTED = 14;
    private static final int DELIVERY_AFTER = 3;
    private static final int DELIVERY_PRIORITY = 2;
    private static final int FIRST_MAINTENANCE_DUE_MONTHS = 3;
    private static final int FIRST_MAINTENANCE_REMIND_BEFORE = 14;
    private static final int FIRST_MAINTENANCE_PRIORITY = 2;
    private static final int CHASE_FOR = 60;
    private static final int CHASE_WITHIN = 3;
    private static final int CHASE_PRIORITY = 1;
    private static final int WARRANTY_ENDING_WITHIN = 60;
    private static final int WARRANTY_OFFER_WITHIN = 7;
    private static final int WARRANTY_OFFER_PRIORITY = 3;
    private static final int STALLED_LEAD_WITHIN = 0;
    private static final int STALLED_LEAD_PRIORITY = 2;
    private static final int MANAGER_CALL_WITHIN = 3;
    private static final int MANAGER_CALL_LISTED = 30;
    private static final int MANAGER_CALL_PRIORITY = 1;
    private static final int CONQUEST_LISTED = 365;
    private static final int CONQUEST_WITHIN = 14;
    private static final int CONQUEST_PRIORITY = 3;
    private static final int PROMOTION_FIRST_MONTH = 1;
    private static final int PROMOTION_EVERY_MONTHS = 3;
    private static final int PRICE_REOFFER_LISTED = 365;
    private static final int PRICE_REOFFER_PRIORITY = 3;
    private static final int POSTPONED_EVERY = 30;
    private static final int POSTPONED_LISTED = 365;
    private static final int POSTPONED_PRIORITY = 3;
    private static final int FINANCE_LISTED = 90;
    private static final int FINANCE_WITHIN = 7;
    private static final int FINANCE_PRIORITY = 2;
    private static final int LAUNCH_LISTED = 180;
    private static final int LAUNCH_WITHIN = 14;
    private static final int LAUNCH_PRIORITY = 3;
    private static final int DEFEAT_REASON_LISTED = 90;
    private static final int DEFEAT_REASON_WITHIN = 3;
    private static final int DEFEAT_REASON_PRIORITY = 2;
    private static final int WIN_BACK_LAPSED_WITHIN = 36;
    private static final int WIN_BACK_VALUE_MONTHS = 24;
    private static final BigDecimal WIN_BACK_HIGH = BigDecimal.valueOf(10000);
    private static final BigDecimal WIN_BACK_MIDDLE = BigDecimal.valueOf(3000);
    private static final int WIN_BACK_WITHIN = 14;
    private static final int WIN_BACK_PRIORITY_HIGH = 1;
    private static final int WIN_BACK_PRIORITY_MIDDLE = 2;
    private static final int WIN_BACK_PRIORITY_LOW = 3;
    private static final int WIN_BACK_QUIET = 6;
    private static final int CARE_PREMIUM = 60;
    private static final int CARE_POTENTIAL = 90;
    private static final int CARE_GENERAL = 120;
    private static final int CARE_WITHIN = 7;
    private static final int CARE_PRIORITY_PREMIUM = 2;
    private static final int CARE_PRIORITY = 3;
    private static final int REFERRAL_ASK_WITHIN = 30;
    private static final int REFERRAL_ASK_EVERY = 6;
    private static final int REFERRAL_ASK_PRIORITY = 3;
    private static final int CALLBACK_LISTED = 7;
    private static final int CALLBACK_AFTER = 3;
    private static final Set<PayType> CALLBACK_PAY_TYPES = Set.of(PayType.CUSTOMER_PAY, PayType.WARRANTY, PayType.INSURANCE);
    private static final int CALLBACK_PRIORITY = 3;
    private static final int COMPLAINT_ANSWER_WITHIN = 1;
    private static final int COMPLAINT_RESOLVE_WITHIN = 30;
    private static final int COMPLAINT_RESPONSE_PRIORITY = 2;
    private static final int COMPLAINT_ESCALATION_PRIORITY = 1;
    private static final int COMPLAINT_LISTED = 365;

    /** defeat.drl.xlsx, "Defeat categories": reason → (rule, category). */
    private static final Map<DefeatReason, String[]> CATEGORY = Map.of(
            DefeatReason.PRICE, new String[] {"Defeat: price", "PRICE"},
            DefeatReason.DEALER_MARKUP, new String[] {"Defeat: price", "PRICE"},
            DefeatReason.PROMOTION_MISMATCH, new String[] {"Defeat: price", "PRICE"},
            DefeatReason.PRODUCT, new String[] {"Defeat: product", "PRODUCT"},
            DefeatReason.BRAND, new String[] {"Defeat: product", "PRODUCT"},
            DefeatReason.FINANCING, new String[] {"Defeat: financing", "FINANCING"},
            DefeatReason.SERVICE, new String[] {"Defeat: service", "SERVICE"},
            DefeatReason.DISTANCE, new String[] {"Defeat: service", "SERVICE"},
            DefeatReason.POSTPONED, new String[] {"Defeat: postponed", "POSTPONED"},
            DefeatReason.OTHER, new String[] {"Defeat: not analysed", "UNANALYSED"});
    /** defeat.drl.xlsx, "Defeat actions": category → (rule, action). */
    private static final Map<String, String[]> ACTION = Map.of(
            "PRICE", new String[] {"Action: price", "review quote; re-offer at next promotion"},
            "PRODUCT", new String[] {"Action: product", "record competitor model; invite to new-model launch"},
            "FINANCING", new String[] {"Action: financing", "offer finance plan"},
            "SERVICE", new String[] {"Action: service", "manager call within 3 days"},
            "POSTPONED", new String[] {"Action: postponed", "re-activate: follow up every 30 days"},
            "UNANALYSED", new String[] {"Action: not analysed", "analyse the defeat: record the real reason"});

    private static final Comparator<FollowUpResult> FOLLOW_UP_ORDER =
            Comparator.comparing(FollowUpResult::due, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(FollowUpResult::priority)
                    .thenComparing(FollowUpResult::kind).thenComparing(FollowUpResult::subject);

    private PlainJavaClassifier() {
    }

    /** Classifies every customer; returns how many are tier A, so the work cannot be optimised away. */
    public static int classifyAll(LocalDate asOf, List<CustomerFacts> customers) {
        int a = 0;
        for (CustomerFacts customer : customers) {
            if (classify(asOf, customer).tier() == Tier.A) {
                a++;
            }
        }
        return a;
    }

    public static Classification classify(LocalDate asOf, CustomerFacts all) {
        CustomerFacts facts = all.asOf(asOf);
        Run run = new Run();
        run.fired("Window settings");
        ServiceWindow window = new ServiceWindow(asOf, WINDOW_MONTHS);
        run.explain("Service window up to asOf", "window", window.getBecause());
        LocalDate start = window.getStart();
        int customerPay = 0;
        int inWindow = 0;
        for (Visit visit : facts.visits()) {
            if (after(visit.getDate(), start)) {
                inWindow++;
                if (visit.getPayType() == PayType.CUSTOMER_PAY) {
                    customerPay++;
                }
            }
        }
        VisitStats stats = new VisitStats(window, customerPay, inWindow, facts.visits());
        run.explain("Visit statistics", "window", stats.getBecause());

        Tier tier = tier(run, facts, window, stats);
        Churn churn = churn(run, asOf, tier, stats);
        int[] parts = loyaltyParts(run, facts, window);
        int score = parts[0] + parts[1] + parts[2] + parts[3];
        run.explain("Loyalty score", "loyalty", Because.of(score, parts[0], parts[1], parts[2], parts[3]));
        LoyaltyLevel level = loyaltyLevel(run, facts, stats, churn, score);
        BaseGrade grade = grade(run, facts, tier, churn, score);

        run.fired("Lifecycle settings");
        List<VehicleResult> vehicles = new ArrayList<>();
        Map<String, Lifecycle> stages = new HashMap<>();
        for (Vehicle vehicle : facts.vehicles()) {
            stages.put(vehicle.getVin(), lifecycle(run, facts, asOf, vehicle));
        }
        for (Vehicle vehicle : all.vehicles()) {
            vehicles.add(new VehicleResult(vehicle.getVin(), stages.get(vehicle.getVin())));
        }

        run.fired("Lead settings");
        LocalDate stalledBefore = asOf.minusDays(STALLED_AFTER_DAYS);
        run.fired("Stalled cut-off date");
        Map<String, LeadResult> leadResults = new HashMap<>();
        List<FollowUpResult> followUps = new ArrayList<>();
        run.fired("Follow-up settings");
        LocalDate nextPromotion = asOf.withDayOfMonth(1).plusMonths(
                Math.floorMod(PROMOTION_FIRST_MONTH - asOf.getMonthValue() - 1, PROMOTION_EVERY_MONTHS) + 1);
        run.fired("Next promotion after asOf");
        for (Lead lead : facts.leads()) {
            leadResults.put(lead.getLeadId(), lead(run, asOf, lead, stalledBefore, nextPromotion, followUps));
        }
        List<LeadResult> leads = all.leads().stream().map(lead -> leadResults.getOrDefault(lead.getLeadId(),
                new LeadResult(lead.getLeadId(), null, null, List.of(), null))).toList();

        customerFollowUps(run, facts, asOf, tier, churn, stats, stages, followUps);
        retentionFollowUps(run, facts, asOf, churn, stats, level, score, followUps);
        careCall(run, facts, asOf, churn, grade, stats, followUps);
        followUps.sort(FOLLOW_UP_ORDER);
        return new Classification(facts.customer().getId(), tier, stats.getCustomerPayVisits(), stats.getLastVisit(),
                churn, new LoyaltyResult(score, parts[0], parts[1], parts[2], parts[3], level), grade, vehicles, leads,
                People.of(facts).assign(followUps), List.copyOf(run.reasons), Set.copyOf(run.fired));
    }

    private static Tier tier(Run run, CustomerFacts facts, ServiceWindow window, VisitStats stats) {
        run.fired("Tier settings");
        int visits = stats.getCustomerPayVisits();
        int months = window.getMonths();
        LocalDate asOf = window.getAsOf();
        if (visits >= MIN_VISITS_A) {
            return run.tier("Tier A: frequent customer-pay visitor", Tier.A, Because.of(visits, months, asOf, MIN_VISITS_A));
        }
        if (visits >= MIN_VISITS_B) {
            return run.tier("Tier B: regular customer-pay visitor", Tier.B, Because.of(visits, months, asOf, MIN_VISITS_B, MIN_VISITS_A));
        }
        if (visits >= MIN_VISITS_C) {
            return run.tier("Tier C: occasional customer-pay visitor", Tier.C, Because.of(visits, months, asOf, MIN_VISITS_C, MIN_VISITS_B));
        }
        if (stats.getVisitsInWindow() > 0) {
            return run.tier("No tier: only warranty, insurance or internal visits", Tier.NONE, Because.of(stats.getVisitsInWindow(), months, asOf, visits, MIN_VISITS_C));
        }
        if (stats.isEverVisited()) {
            return run.tier("Tier D: visited before, but not in the window", Tier.D, Because.of(months, asOf, stats.getLastVisit()));
        }
        LocalDate latest = null;
        for (Vehicle vehicle : facts.vehicles()) {
            if (after(vehicle.getPurchaseDate(), window.getStart())
                    && (latest == null || vehicle.getPurchaseDate().isAfter(latest))) {
                latest = vehicle.getPurchaseDate();
            }
        }
        if (latest != null) {
            return run.tier("Tier NEW: car bought in the window, never visited", Tier.NEW, Because.of(latest, months, asOf));
        }
        return run.tier("Prospect: never visited, no car bought in the window", Tier.PROSPECT, Because.of(months, asOf));
    }

    private static Churn churn(Run run, LocalDate asOf, Tier tier, VisitStats stats) {
        run.fired("Churn settings");
        LocalDate from = asOf.minusMonths(ACTIVE_WITHIN_MONTHS);
        run.fired("Recent period up to asOf");
        ServiceWindow window = stats.getWindow();
        Churn churn = null;
        if (after(stats.getLastVisit(), from)) {
            churn = run.churn("Active: visited in the recent period", Churn.ACTIVE, Because.of(stats.getLastVisit(), ACTIVE_WITHIN_MONTHS, window.getAsOf()));
        }
        if (tier == Tier.NEW) {
            churn = run.churn("Active: new buyer", Churn.ACTIVE,
                    Because.of());
        }
        if (stats.getVisitsInWindow() > 0 && stats.getLastVisit() != null && !stats.getLastVisit().isAfter(from)) {
            churn = run.churn("At risk: visited in the window, but not recently", Churn.AT_RISK, Because.of(stats.getLastVisit(), window.getMonths(), window.getAsOf(), ACTIVE_WITHIN_MONTHS, from));
        }
        if (tier == Tier.PROSPECT) {
            churn = run.churn("Prospect: never a workshop customer", Churn.PROSPECT, Because.of());
        }
        if (tier == Tier.D) {
            churn = run.churn("Lost: no visit in the window", Churn.LOST, Because.of(window.getMonths(), window.getAsOf()));
        }
        return churn;
    }

    /** The four parts: satisfaction, maintenance, activity, advocacy. */
    private static int[] loyaltyParts(Run run, CustomerFacts facts, ServiceWindow window) {
        run.fired("Loyalty settings");
        LocalDate start = window.getStart();
        LocalDate middle = window.getMiddle();
        int quality = 0;
        int staff = 0;
        int eventComplaints = 0;
        for (Complaint complaint : facts.complaints()) {
            if (!complaint.isResolved() && after(complaint.getDate(), start)) {
                ComplaintSubject subject = complaint.getSubject();
                if (subject == ComplaintSubject.VEHICLE_QUALITY) {
                    quality++;
                } else if (subject == ComplaintSubject.SALES_STAFF || subject == ComplaintSubject.SERVICE_STAFF) {
                    staff++;
                } else if (subject == ComplaintSubject.EVENT) {
                    eventComplaints++;
                }
            }
        }
        int first = 0;
        int second = 0;
        int repairs = 0;
        for (Visit visit : facts.visits()) {
            ServiceType type = visit.getServiceType();
            if (type == ServiceType.MAINTENANCE || type == ServiceType.FIRST_MAINTENANCE) {
                if (after(visit.getDate(), middle)) {
                    second++;
                } else if (after(visit.getDate(), start)) {
                    first++;
                }
            } else if ((type == ServiceType.REPAIR || type == ServiceType.ACCIDENT) && after(visit.getDate(), start)) {
                repairs++;
            }
        }
        int attended = 0;
        int withProspects = 0;
        for (EventAttendance event : facts.events()) {
            if (after(event.getDate(), start)) {
                attended += event.isAttended() ? 1 : 0;
                withProspects += event.getBroughtProspects() >= 1 ? 1 : 0;
            }
        }
        int referrals = 0;
        int closed = 0;
        for (Referral referral : facts.referrals()) {
            if (after(referral.getDate(), start)) {
                referrals++;
                closed += referral.isClosed() ? 1 : 0;
            }
        }
        run.fired("Loyalty history in the window");
        int months = window.getMonths();
        LocalDate asOf = window.getAsOf();
        int satisfaction = quality == 0
                ? run.points("Satisfaction: no open vehicle-quality complaint", POINT, Because.of(POINT, months))
                : run.points("Satisfaction: open vehicle-quality complaint", 0, Because.of(POINT, quality, months));
        satisfaction += staff == 0
                ? run.points("Satisfaction: no open staff complaint", POINT, Because.of(POINT, months))
                : run.points("Satisfaction: open staff complaint", 0, Because.of(POINT, staff, months));
        int maintenance = first > 0 && second > 0
                ? run.points("Maintenance: serviced on schedule here", MAINTAINED_ON_SCHEDULE_POINTS, Because.of(MAINTAINED_ON_SCHEDULE_POINTS, asOf, first, start, middle, second, middle))
                : run.points("Maintenance: not serviced on schedule", 0, Because.of(MAINTAINED_ON_SCHEDULE_POINTS, asOf, first, start, middle, second, middle));
        maintenance += repairs > 0
                ? run.points("Maintenance: repaired here", POINT, Because.of(POINT, repairs, months))
                : run.points("Maintenance: no repair here", 0, Because.of(POINT, months));
        int activity = attended > 0 && eventComplaints == 0
                ? run.points("Activity: attended an event", POINT, Because.of(POINT, attended, months))
                : run.points("Activity: no event attended without complaint", 0, Because.of(POINT, attended, months, eventComplaints));
        activity += withProspects > 0
                ? run.points("Activity: brought a prospect to an event", POINT, Because.of(POINT, withProspects, months))
                : run.points("Activity: brought no prospect", 0, Because.of(POINT, months));
        int advocacy = referrals > 0
                ? run.points("Advocacy: referred someone", POINT, Because.of(POINT, referrals, months))
                : run.points("Advocacy: referred nobody", 0, Because.of(POINT, months));
        advocacy += closed > 0
                ? run.points("Advocacy: a referral bought", POINT, Because.of(POINT, closed, months))
                : run.points("Advocacy: no referral bought", 0, Because.of(POINT, months));
        Customer customer = facts.customer();
        advocacy += customer.isLeadsPassedFirst() && !customer.isNegativePublicity()
                ? run.points("Advocacy: passes leads first, speaks well of the brand", POINT, Because.of(POINT))
                : run.points("Advocacy: does not pass leads first, or speaks ill of the brand", 0, Because.of(POINT, customer.isLeadsPassedFirst(), customer.isNegativePublicity()));
        return new int[] {satisfaction, maintenance, activity, advocacy};
    }

    private static LoyaltyLevel loyaltyLevel(Run run, CustomerFacts facts, VisitStats stats, Churn churn, int score) {
        LoyaltyLevel band;
        int from;
        int below;
        if (score >= LOYAL_FROM && score < BANDS_BELOW) {
            band = LoyaltyLevel.LOYAL;
            from = LOYAL_FROM;
            below = BANDS_BELOW;
            run.fired("Score band: loyal");
        } else if (score >= ORDINARY_FROM && score < LOYAL_FROM) {
            band = LoyaltyLevel.ORDINARY;
            from = ORDINARY_FROM;
            below = LOYAL_FROM;
            run.fired("Score band: ordinary");
        } else {
            band = LoyaltyLevel.WEAK;
            from = 0;
            below = ORDINARY_FROM;
            run.fired("Score band: weak");
        }
        boolean signal = false;
        if (stats.getCustomerPayStreak() >= LOYAL_STREAK) {
            LocalDate latest = null;
            for (Survey survey : facts.surveys()) {
                if (survey.getDate() != null && (latest == null || survey.getDate().isAfter(latest))) {
                    latest = survey.getDate();
                }
            }
            Integer best = null;
            for (Survey survey : facts.surveys()) {
                if (latest != null && latest.equals(survey.getDate()) && survey.getRepurchaseIntent() != null
                        && (best == null || survey.getRepurchaseIntent() > best)) {
                    best = survey.getRepurchaseIntent();
                }
            }
            if (best != null && best >= LOYAL_INTENT) {
                signal = true;
                run.explain("Repurchase signal: latest visits customer-pay, high repurchase intent", "loyalty",
                        Because.of(stats.getCustomerPayStreak(), LOYAL_STREAK, latest, best, LOYAL_INTENT));
            }
        }
        if (churn == Churn.LOST) {
            return run.level("Loyalty level: lost customer", LoyaltyLevel.LOST,
                    Because.of(score));
        }
        if (churn == null) {
            return null;
        }
        if (band == LoyaltyLevel.LOYAL) {
            return run.level("Loyalty level: loyal by score", LoyaltyLevel.LOYAL, Because.of(score, from, below));
        }
        if (!signal) {
            return run.level("Loyalty level: by score band", band, Because.of(score, band, from, below, band));
        }
        return run.level("Loyalty level: loyal by repurchase survey", LoyaltyLevel.LOYAL, Because.of(score, band));
    }

    private static BaseGrade grade(Run run, CustomerFacts facts, Tier tier, Churn churn, int score) {
        run.fired("Grade settings");
        boolean premium = false;
        boolean potential = false;
        if (tier == Tier.A) {
            premium = run.qualifies("Qualifies as premium: tier A", Because.of());
        }
        if (tier == Tier.B && score >= PREMIUM_TIER_B_FROM) {
            premium = run.qualifies("Qualifies as premium: tier B and loyal", Because.of(score, PREMIUM_TIER_B_FROM));
        }
        if ((tier == Tier.B || tier == Tier.C) && score >= POTENTIAL_FROM) {
            potential = run.qualifies("Qualifies as potential: tier B or C with loyalty", Because.of(tier, score, POTENTIAL_FROM));
        }
        List<LocalDate> closedDates = new ArrayList<>();
        for (Referral referral : facts.referrals()) {
            if (referral.isClosed()) {
                closedDates.add(referral.getDate());
            }
        }
        if (!closedDates.isEmpty()) {
            potential |= run.qualifies("Qualifies as potential: a referral bought", Because.of(closedDates.size(), closedDates));
        }
        if (churn == Churn.LOST) {
            return run.grade("Grade: a lost customer is general", BaseGrade.GENERAL,
                    Because.of());
        }
        if (churn == null) {
            return null;
        }
        if (premium) {
            return run.grade("Grade: premium", BaseGrade.PREMIUM, Because.of());
        }
        if (potential) {
            return run.grade("Grade: potential", BaseGrade.POTENTIAL,
                    Because.of());
        }
        return run.grade("Grade: general", BaseGrade.GENERAL, Because.of(tier, score, churn));
    }

    private static Lifecycle lifecycle(Run run, CustomerFacts facts, LocalDate asOf, Vehicle vehicle) {
        boolean boughtRecently = vehicle.getPurchaseDate() != null
                && vehicle.getPurchaseDate().isAfter(asOf.minusMonths(FIRST_MAINTENANCE_WITHIN_MONTHS));
        int firstMaintenance = 0;
        for (Visit visit : facts.visits()) {
            if (vehicle.getVin().equals(visit.getVin()) && visit.getServiceType() == ServiceType.FIRST_MAINTENANCE) {
                firstMaintenance++;
            }
        }
        run.fired("Vehicle history");
        String vin = vehicle.getVin();
        if (boughtRecently && firstMaintenance == 0) {
            return run.lifecycle("Lifecycle: first maintenance due", Lifecycle.FIRST_MAINTENANCE_DUE, Because.of(vin, vehicle.getPurchaseDate(), FIRST_MAINTENANCE_WITHIN_MONTHS));
        }
        LocalDate end = vehicle.getWarrantyEnd();
        if (end != null && !end.isBefore(asOf)) {
            return run.lifecycle("Lifecycle: in warranty", Lifecycle.IN_WARRANTY, Because.of(vin, end));
        }
        return end == null
                ? run.lifecycle("Lifecycle: warranty end not recorded", Lifecycle.OUT_OF_WARRANTY, Because.of(vin))
                : run.lifecycle("Lifecycle: out of warranty", Lifecycle.OUT_OF_WARRANTY, Because.of(vin, end));
    }

    private static LeadResult lead(Run run, LocalDate asOf, Lead lead, LocalDate stalledBefore, LocalDate nextPromotion,
                                   List<FollowUpResult> followUps) {
        String id = lead.getLeadId();
        String category = null;
        String action = null;
        List<String> flags = List.of();
        String categorisedBy = null;
        boolean conquest = false;
        if (lead.getStatus() == LeadStatus.DEFEATED) {
            String[] row = lead.getDefeatReason() == null ? null : CATEGORY.get(lead.getDefeatReason());
            String reason;
            if (row == null) {
                run.fired("Defeat: reason in no row of the defeat table");
                category = "UNANALYSED";
                reason = lead.getDefeatReason() == null ? "not recorded"
                        : lead.getDefeatReason() + " (on no row of the defeat table)";
            } else {
                run.fired(row[0]);
                category = row[1];
                reason = String.valueOf(lead.getDefeatReason());
            }
            String[] actionRow = ACTION.get(category);
            action = actionRow[1];
            categorisedBy = actionRow[0];
            run.explain(actionRow[0], "defeat", Because.of(reason, category));
            if (lead.getCompetitorBrand() != null) {
                conquest = true;
                flags = List.of("CONQUEST_SERVICE");
                run.explain("Conquest service: defeated by a known competitor", "defeat", Because.of(
                        lead.getCompetitorBrand(), lead.getCompetitorModel() == null ? "" : " " + lead.getCompetitorModel()));
            }
        } else if (lead.getStatus() == LeadStatus.OPEN) {
            if (lead.getLastFollowUp() != null && lead.getLastFollowUp().isBefore(stalledBefore)) {
                category = "STALLED";
                categorisedBy = "Stalled: no follow-up recently";
                run.explain(categorisedBy, "defeat", Because.of(lead.getLastFollowUp(), STALLED_AFTER_DAYS));
            } else if (lead.getLastFollowUp() == null && lead.getCreatedOn() != null
                    && lead.getCreatedOn().isBefore(stalledBefore)) {
                category = "STALLED";
                categorisedBy = "Stalled: never followed up";
                run.explain(categorisedBy, "defeat", Because.of(lead.getCreatedOn(), STALLED_AFTER_DAYS));
            }
            if (category != null) {
                action = "follow up now";
            }
        }
        LocalDate closed = lead.getClosedOn();
        if ("STALLED".equals(category)) {
            LocalDate due = asOf.plusDays(STALLED_LEAD_WITHIN);
            followUps.add(run.followUp("Follow-up: a stalled lead", FollowUpKind.STALLED_LEAD, id, STALLED_LEAD_PRIORITY,
                    due, Assignee.SALES, lead.getLastFollowUp() == null ? "created " + lead.getCreatedOn()
                            : "last follow-up " + lead.getLastFollowUp(),
                    Because.of(id, due)));
        }
        if ("SERVICE".equals(category) && closed != null && closed.isAfter(asOf.minusDays(MANAGER_CALL_LISTED))) {
            followUps.add(run.followUp("Follow-up: a manager calls after a service defeat", FollowUpKind.MANAGER_CALL, id,
                    MANAGER_CALL_PRIORITY, closed.plusDays(MANAGER_CALL_WITHIN), Assignee.MANAGER, "closed " + closed,
                    Because.of(id, closed, MANAGER_CALL_WITHIN, closed.plusDays(MANAGER_CALL_WITHIN))));
        }
        if (conquest && closed != null && closed.isAfter(asOf.minusDays(CONQUEST_LISTED))) {
            LocalDate due = asOf.plusDays(CONQUEST_WITHIN);
            followUps.add(run.followUp("Follow-up: after-sales invitation for a prospect a competitor won",
                    FollowUpKind.AFTER_SALES_INVITATION, id, CONQUEST_PRIORITY, due, Assignee.SERVICE_ADVISOR,
                    "closed " + closed, Because.of(id, lead.getCompetitorBrand(), closed, due)));
        }
        if ("PRICE".equals(category) && !conquest && closed != null
                && closed.isAfter(asOf.minusDays(PRICE_REOFFER_LISTED))) {
            followUps.add(run.followUp("Follow-up: re-offer a price defeat at the next promotion", FollowUpKind.PRICE_REOFFER,
                    id, PRICE_REOFFER_PRIORITY, nextPromotion, Assignee.SALES, "promotion " + nextPromotion,
                    Because.of(id, closed, nextPromotion)));
        }
        if ("POSTPONED".equals(category) && !conquest && closed != null
                && closed.isAfter(asOf.minusDays(POSTPONED_LISTED))) {
            LocalDate followed = lead.getLastFollowUp();
            if (followed == null || !followed.isAfter(closed)) {
                followUps.add(run.followUp("Follow-up: call a prospect who postponed again, counted from closing",
                        FollowUpKind.POSTPONED_RECONTACT, id, POSTPONED_PRIORITY, closed.plusDays(POSTPONED_EVERY),
                        Assignee.SALES, "contacted " + closed, Because.of(id, closed, POSTPONED_EVERY, closed.plusDays(POSTPONED_EVERY))));
            } else {
                followUps.add(run.followUp("Follow-up: call a prospect who postponed again, counted from the last follow-up",
                        FollowUpKind.POSTPONED_RECONTACT, id, POSTPONED_PRIORITY, followed.plusDays(POSTPONED_EVERY),
                        Assignee.SALES, "contacted " + followed, Because.of(id, closed, followed, POSTPONED_EVERY, followed.plusDays(POSTPONED_EVERY))));
            }
        }
        if ("FINANCING".equals(category) && !conquest && closed != null && closed.isAfter(asOf.minusDays(FINANCE_LISTED))) {
            LocalDate due = asOf.plusDays(FINANCE_WITHIN);
            followUps.add(run.followUp("Follow-up: a finance offer after a financing defeat", FollowUpKind.FINANCE_OFFER,
                    id, FINANCE_PRIORITY, due, Assignee.SALES, "closed " + closed, Because.of(id, closed, due)));
        }
        if ("PRODUCT".equals(category) && !conquest && closed != null && closed.isAfter(asOf.minusDays(LAUNCH_LISTED))) {
            LocalDate due = asOf.plusDays(LAUNCH_WITHIN);
            followUps.add(run.followUp("Follow-up: a new-model launch invitation after a product defeat",
                    FollowUpKind.LAUNCH_INVITATION, id, LAUNCH_PRIORITY, due, Assignee.SALES, "closed " + closed,
                    Because.of(id, closed, due)));
        }
        if ("UNANALYSED".equals(category) && closed != null && closed.isAfter(asOf.minusDays(DEFEAT_REASON_LISTED))) {
            LocalDate due = closed.plusDays(DEFEAT_REASON_WITHIN);
            followUps.add(run.followUp("Follow-up: record the reason of an unanalysed defeat",
                    FollowUpKind.DEFEAT_REASON_RECORD, id, DEFEAT_REASON_PRIORITY, due, Assignee.SALES, "closed " + closed,
                    Because.of(id, closed, DEFEAT_REASON_WITHIN, due)));
        }
        return new LeadResult(id, category, action, flags, categorisedBy);
    }

    private static void customerFollowUps(Run run, CustomerFacts facts, LocalDate asOf, Tier tier, Churn churn,
                                          VisitStats stats, Map<String, Lifecycle> stages, List<FollowUpResult> followUps) {
        String id = facts.customer().getId();
        LocalDate last = stats.getLastVisit();
        if (churn == Churn.AT_RISK && (tier == Tier.A || tier == Tier.B)) {
            followUps.add(run.followUp("Follow-up: retention call for an at-risk A or B customer", FollowUpKind.RETENTION_CALL,
                    id, RETENTION_PRIORITY_AB, asOf.plusDays(RETENTION_WITHIN), Assignee.SERVICE_ADVISOR, "last visit " + last,
                    Because.of(tier, last, RETENTION_WITHIN, asOf, RETENTION_PRIORITY_AB)));
        }
        if (churn == Churn.AT_RISK && (tier == Tier.C || tier == Tier.D)) {
            BigDecimal spend = stats.getCustomerPaySpend();
            boolean high = spend.compareTo(HIGH_SPEND) >= 0;
            int priority = high ? RETENTION_PRIORITY_HIGH_CD : RETENTION_PRIORITY_CD;
            followUps.add(run.followUp(high ? "Follow-up: retention call for an at-risk C or D customer who spent much"
                            : "Follow-up: retention call for an at-risk C or D customer", FollowUpKind.RETENTION_CALL,
                    id, priority, asOf.plusDays(RETENTION_WITHIN), Assignee.SERVICE_ADVISOR, "last visit " + last,
                    Because.of(tier, last, spend, HIGH_SPEND, RETENTION_WITHIN, asOf, priority)));
        }
        if (churn == Churn.AT_RISK && tier == Tier.NONE) {
            followUps.add(run.followUp("Follow-up: retention call for an at-risk customer without a tier",
                    FollowUpKind.RETENTION_CALL, id, RETENTION_PRIORITY_NO_TIER, asOf.plusDays(RETENTION_WITHIN),
                    Assignee.SERVICE_ADVISOR, "last visit " + last,
                    Because.of(last, RETENTION_WITHIN, asOf, RETENTION_PRIORITY_NO_TIER)));
        }
        int median = stats.getMedianIntervalDays();
        if (churn == Churn.ACTIVE && (tier == Tier.A || tier == Tier.B) && stats.getVisitDays() >= RHYTHM_MIN_VISIT_DAYS
                && stats.getDaysSinceLastVisit() > median * RHYTHM_FACTOR) {
            LocalDate due = asOf.plusDays(RHYTHM_WITHIN);
            followUps.add(run.followUp("Follow-up: an A or B customer overdue against their own rhythm",
                    FollowUpKind.RHYTHM_LAPSE_CALL, id, RHYTHM_PRIORITY, due, Assignee.SERVICE_ADVISOR, "last visit " + last,
                    Because.of(tier, median, stats.getVisitDays(), stats.getDaysSinceLastVisit(), last, RHYTHM_FACTOR, median, due)));
        }
        for (Vehicle vehicle : facts.vehicles()) {
            String vin = vehicle.getVin();
            LocalDate bought = vehicle.getPurchaseDate();
            if (vehicle.isBoughtHere() && after(bought, asOf.minusDays(DELIVERY_LISTED))) {
                LocalDate due = bought.plusDays(DELIVERY_AFTER);
                followUps.add(run.followUp("Follow-up: call after delivery", FollowUpKind.DELIVERY_CALL, vin,
                        DELIVERY_PRIORITY, due, Assignee.SALES, "bought " + bought, Because.of(vin, bought, due)));
            }
            if (stages.get(vin) == Lifecycle.FIRST_MAINTENANCE_DUE && bought != null) {
                LocalDate deadline = bought.plusMonths(FIRST_MAINTENANCE_DUE_MONTHS);
                LocalDate due = deadline.minusDays(FIRST_MAINTENANCE_REMIND_BEFORE);
                followUps.add(run.followUp("Follow-up: first-maintenance reminder", FollowUpKind.FIRST_MAINTENANCE_REMINDER,
                        vin, FIRST_MAINTENANCE_PRIORITY, due, Assignee.SERVICE_ADVISOR, "bought " + bought,
                        Because.of(vin, bought, deadline, FIRST_MAINTENANCE_REMIND_BEFORE, due)));
            }
            LocalDate overdueFrom = asOf.minusMonths(FIRST_MAINTENANCE_DUE_MONTHS);
            if (bought != null && !bought.isAfter(overdueFrom) && bought.isAfter(overdueFrom.minusDays(CHASE_FOR))
                    && facts.visits().stream().noneMatch(visit -> vin.equals(visit.getVin())
                            && visit.getServiceType() == ServiceType.FIRST_MAINTENANCE)) {
                LocalDate deadline = bought.plusMonths(FIRST_MAINTENANCE_DUE_MONTHS);
                LocalDate due = asOf.plusDays(CHASE_WITHIN);
                followUps.add(run.followUp("Follow-up: chase a missed first maintenance",
                        FollowUpKind.FIRST_MAINTENANCE_CHASE, vin, CHASE_PRIORITY, due, Assignee.SERVICE_ADVISOR,
                        "bought " + bought, Because.of(vin, bought, deadline, due, deadline.plusDays(CHASE_FOR))));
            }
            LocalDate end = vehicle.getWarrantyEnd();
            if (end != null && !end.isBefore(asOf) && !end.isAfter(asOf.plusDays(WARRANTY_ENDING_WITHIN))) {
                LocalDate due = asOf.plusDays(WARRANTY_OFFER_WITHIN);
                followUps.add(run.followUp("Follow-up: service offer before the warranty ends", FollowUpKind.WARRANTY_ENDING_OFFER,
                        vin, WARRANTY_OFFER_PRIORITY, due, Assignee.SERVICE_ADVISOR, "warranty ends " + end,
                        Because.of(vin, end, WARRANTY_ENDING_WITHIN, asOf, due)));
            }
        }
    }

    /** Win-back, referral asks, call backs after visits and complaints. */
    private static void retentionFollowUps(Run run, CustomerFacts facts, LocalDate asOf, Churn churn, VisitStats stats,
                                           LoyaltyLevel level, int score, List<FollowUpResult> followUps) {
        String id = facts.customer().getId();
        if (churn == Churn.LOST && stats.isEverVisited()) {
            run.fired("Win-back value");
            LapsedValue value = new LapsedValue(stats.getLastVisit(), WIN_BACK_VALUE_MONTHS, facts.visits(),
                    facts.contacts());
            LocalDate last = value.getLastVisit();
            LocalDate declined = value.getLastDeclined();
            if (last.isAfter(asOf.minusMonths(WIN_BACK_LAPSED_WITHIN)) && !value.declinedAfter(asOf.minusMonths(WIN_BACK_QUIET))) {
                BigDecimal spend = value.getSpend();
                LocalDate due = asOf.plusDays(WIN_BACK_WITHIN);
                String basis = "last visit " + last + (declined == null ? "" : ", declined " + declined);
                if (spend.compareTo(WIN_BACK_HIGH) >= 0) {
                    followUps.add(run.followUp("Follow-up: win back a lost customer of high value", FollowUpKind.WIN_BACK,
                            id, WIN_BACK_PRIORITY_HIGH, due, Assignee.MANAGER, basis,
                            Because.of(last, spend, WIN_BACK_VALUE_MONTHS, WIN_BACK_HIGH, due)));
                } else if (spend.compareTo(WIN_BACK_MIDDLE) >= 0) {
                    followUps.add(run.followUp("Follow-up: win back a lost customer of middle value", FollowUpKind.WIN_BACK,
                            id, WIN_BACK_PRIORITY_MIDDLE, due, Assignee.SERVICE_ADVISOR, basis,
                            Because.of(last, spend, WIN_BACK_VALUE_MONTHS, WIN_BACK_MIDDLE, WIN_BACK_HIGH, due)));
                } else {
                    followUps.add(run.followUp("Follow-up: win back any other lost customer", FollowUpKind.WIN_BACK,
                            id, WIN_BACK_PRIORITY_LOW, due, Assignee.SERVICE_ADVISOR, basis,
                            Because.of(last, spend, WIN_BACK_VALUE_MONTHS, WIN_BACK_MIDDLE, due)));
                }
            }
        }
        LocalDate start = stats.getWindow().getStart();
        if (level == LoyaltyLevel.LOYAL
                && facts.referrals().stream().noneMatch(referral -> after(referral.getDate(), start))
                && facts.contacts().stream().noneMatch(contact -> contact.getKind() == FollowUpKind.REFERRAL_ASK
                        && contact.getOutcome() == ContactOutcome.DONE
                        && after(contact.getDate(), asOf.minusMonths(REFERRAL_ASK_EVERY)))) {
            LocalDate due = asOf.plusDays(REFERRAL_ASK_WITHIN);
            followUps.add(run.followUp("Follow-up: ask a loyal customer for a referral", FollowUpKind.REFERRAL_ASK, id,
                    REFERRAL_ASK_PRIORITY, due, Assignee.SERVICE_ADVISOR, "loyalty score " + score,
                    Because.of(score, stats.getWindow().getMonths(), asOf, due)));
        }
        for (Visit visit : facts.visits()) {
            if (after(visit.getDate(), asOf.minusDays(CALLBACK_LISTED)) && CALLBACK_PAY_TYPES.contains(visit.getPayType())) {
                LocalDate due = visit.getDate().plusDays(CALLBACK_AFTER);
                followUps.add(run.followUp("Follow-up: call back after a visit", FollowUpKind.VISIT_CALLBACK,
                        visit.getRoNumber(), CALLBACK_PRIORITY, due, Assignee.SERVICE_ADVISOR, "visit " + visit.getDate(),
                        Because.of(visit.getRoNumber(), visit.getDate(), visit.getPayType(), due)));
            }
        }
        for (Complaint complaint : facts.complaints()) {
            LocalDate made = complaint.getDate();
            if (complaint.isResolved() || made == null) {
                continue;
            }
            String subject = made + " " + complaint.getSubject();
            if (made.isAfter(asOf.minusDays(COMPLAINT_RESOLVE_WITHIN))) {
                followUps.add(run.followUp("Follow-up: the manager answers a complaint", FollowUpKind.COMPLAINT_RESPONSE,
                        subject, COMPLAINT_RESPONSE_PRIORITY, made.plusDays(COMPLAINT_ANSWER_WITHIN), Assignee.MANAGER,
                        "complaint " + made, Because.of(complaint.getSubject(), made,
                                made.plusDays(COMPLAINT_ANSWER_WITHIN), made.plusDays(COMPLAINT_RESOLVE_WITHIN))));
            } else if (made.isAfter(asOf.minusDays(COMPLAINT_LISTED))) {
                followUps.add(run.followUp("Follow-up: escalate a complaint unresolved after a month",
                        FollowUpKind.COMPLAINT_ESCALATION, subject, COMPLAINT_ESCALATION_PRIORITY, asOf, Assignee.MANAGER,
                        "complaint " + made, Because.of(complaint.getSubject(), made, COMPLAINT_RESOLVE_WITHIN,
                                COMPLAINT_ESCALATION_PRIORITY)));
            }
        }
    }

    /** The contact plan: decided last, for a customer no other task is about. */
    private static void careCall(Run run, CustomerFacts facts, LocalDate asOf, Churn churn, BaseGrade grade,
                                 VisitStats stats, List<FollowUpResult> followUps) {
        if (churn != Churn.ACTIVE) {
            return;
        }
        run.fired("Last contact");
        LastContact contact = new LastContact(stats.getLastVisit(), facts.contacts());
        String id = facts.customer().getId();
        LocalDate last = contact.getDate();
        if (last == null || grade == null || followUps.stream().anyMatch(task -> task.subject().equals(id))) {
            return;
        }
        int every = grade == BaseGrade.PREMIUM ? CARE_PREMIUM : grade == BaseGrade.POTENTIAL ? CARE_POTENTIAL : CARE_GENERAL;
        if (last.isAfter(asOf.minusDays(every))) {
            return;
        }
        String rule = grade == BaseGrade.PREMIUM ? "Follow-up: care call to a premium customer"
                : grade == BaseGrade.POTENTIAL ? "Follow-up: care call to a potential customer"
                : "Follow-up: care call to a general customer";
        LocalDate due = asOf.plusDays(CARE_WITHIN);
        followUps.add(run.followUp(rule, FollowUpKind.CARE_CALL, id,
                grade == BaseGrade.PREMIUM ? CARE_PRIORITY_PREMIUM : CARE_PRIORITY, due, Assignee.SERVICE_ADVISOR,
                "last contact " + last, Because.of(last, every, asOf, due)));
    }

    /** {@code date > start} as the rules compare: a missing date is in no period. */
    private static boolean after(LocalDate date, LocalDate start) {
        return date != null && date.isAfter(start);
    }

    /** The reasons and the names of the rules that would have fired, for one customer. */
    private static final class Run {
        final List<Reason> reasons = new ArrayList<>();
        final Set<String> fired = new LinkedHashSet<>();

        void fired(String rule) {
            fired.add(rule);
        }

        Sentence explain(String rule, String topic, Because because) {
            fired.add(rule);
            Sentence said = RuleTexts.values(because);
            reasons.add(new Reason(rule, topic, said));
            return said;
        }

        Tier tier(String rule, Tier tier, Because because) {
            explain(rule, "tiers", because);
            return tier;
        }

        Churn churn(String rule, Churn churn, Because because) {
            explain(rule, "churn", because);
            return churn;
        }

        int points(String rule, int points, Because because) {
            explain(rule, "loyalty", because);
            return points;
        }

        LoyaltyLevel level(String rule, LoyaltyLevel level, Because because) {
            explain(rule, "loyalty", because);
            return level;
        }

        boolean qualifies(String rule, Because because) {
            explain(rule, "grade", because);
            return true;
        }

        BaseGrade grade(String rule, BaseGrade grade, Because because) {
            explain(rule, "grade", because);
            return grade;
        }

        Lifecycle lifecycle(String rule, Lifecycle stage, Because because) {
            explain(rule, "lifecycle", because);
            return stage;
        }

        FollowUpResult followUp(String rule, FollowUpKind kind, String subject, int priority, LocalDate due,
                                Assignee assignee, String basis, Because because) {
            Sentence said = explain(rule, "followups", because);
            return new FollowUpResult(kind, subject, priority, due, assignee, basis, rule, said);
        }
    }
}
