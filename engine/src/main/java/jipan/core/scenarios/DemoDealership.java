package jipan.core.scenarios;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import jipan.core.CustomerFacts;
import jipan.core.facts.Complaint;
import jipan.core.facts.ComplaintSubject;
import jipan.core.facts.Customer;
import jipan.core.facts.CustomerKind;
import jipan.core.facts.DefeatReason;
import jipan.core.evidence.Holdout;
import jipan.core.facts.EventAttendance;
import jipan.core.facts.FollowUpKind;
import jipan.core.facts.Lead;
import jipan.core.facts.LeadStatus;
import jipan.core.facts.PayType;
import jipan.core.facts.Recommend;
import jipan.core.facts.Referral;
import jipan.core.facts.ServiceType;
import jipan.core.facts.Survey;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;

/**
 * A made-up Huizhou dealership, the same for the same seed: customers in the seeds' districts and
 * industries, their cars, four years of repair orders up to {@code until} (loyal regulars, occasional
 * visitors and customers who drift away), sales leads with war-defeat reasons, and some complaints,
 * events, referrals and surveys. About 7.5 repair orders per customer. Each customer has a regular service advisor
 * who receives most of their cars, and each lead a sales consultant; complaints are answered in a day or two and
 * most are resolved within weeks.
 *
 * <p>Its customers behave as the backtest expects of real ones (docs/domain.md §6.4): one in three stops coming at
 * some point, so a customer the rules call AT_RISK or LOST comes back less often than an ACTIVE one; and the staff
 * worked the call list of the classification a year before {@code until}, so a listed AT_RISK customer comes back
 * a little more often than one the holdout kept off the list.
 */
public final class DemoDealership {
    static final String[] REGIONS = {"惠城区", "惠阳区", "仲恺区", "大亚湾区", "博罗县", "惠东县", "龙门县"};
    static final String[] INDUSTRIES = {"制造业", "物流", "教育", "零售", "建筑", "政府机关", "金融", "餐饮", "医疗"};
    static final String[] MODELS = {"科鲁兹", "英朗", "君威", "迈锐宝", "凯越", "昂科拉"};
    static final String[] COMPETITORS = {"大众", "丰田", "本田", "日产", "现代", "福特"};
    static final String[] COMPETITOR_MODELS = {"朗逸", "卡罗拉", "思域", "轩逸", "伊兰特", "福克斯"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
    static final String[] ADVISORS = {"王芳", "李强", "张伟", "刘洋", "陈静", "杨帆"};
    static final String[] CONSULTANTS = {"赵敏", "周杰", "吴磊", "孙丽"};
    /** Repair orders a year, by kind of customer: regulars, steady, occasional, rare. */
    private static final double[] VISITS_PER_YEAR = {5.5, 3.2, 1.6, 0.7};
    /** The chance that a listed retention call brings an AT_RISK customer back within three months. */
    static final double CALL_BRINGS_BACK = 0.15;

    private final Random random;
    /**
     * The people and the complaints' dates are drawn from a second stream, one per customer: adding them left every
     * other figure of the dealership as it was.
     */
    private final long seed;
    private final LocalDate until;
    private final LocalDate from;
    /** Who the call list held out; null: nobody worked a call list. */
    private final Holdout holdout;
    /** The day the staff worked the call list: a year before until, the demo's first classification run. */
    private final LocalDate called;
    private int roNumber;
    /** The 4S store of a demo group (null: a single dealership), and its number in the group (1 onwards). */
    private final String store;
    private final int storeNumber;

    /** A dealership whose staff worked no call list: the customers come back as their own rhythm brings them. */
    public DemoDealership(long seed, LocalDate until) {
        this(seed, until, null);
    }

    /**
     * The same dealership, whose staff worked the call list of a classification a year before {@code until} with
     * {@code holdout} held out of it (null: no call list was worked): a listed AT_RISK customer comes back a little
     * more often than a held-out one.
     */
    public DemoDealership(long seed, LocalDate until, Holdout holdout) {
        this(seed, until, holdout, null, 0);
    }

    /**
     * Store {@code number} ({@code store}: its code) of a demo group: its own customers, vehicles and repair orders (ids,
     * VINs and repair-order numbers carry the store), and 2 % of its people also customers of the store before it (the
     * same phone, and their first car the VIN they have there), as groups have.
     */
    public DemoDealership(long seed, LocalDate until, Holdout holdout, String store, int number) {
        if (store != null && (number < 1 || number > 99)) {
            throw new IllegalArgumentException("a demo group has stores 1 to 99 (got " + number + ")");
        }
        this.store = store;
        this.storeNumber = number;
        this.random = new Random(seed + number);
        this.seed = seed;
        this.until = until;
        this.from = until.minusYears(4);
        this.holdout = holdout;
        this.called = until.minusYears(1);
    }

    /** The next {@code count} customers (from a new dealership: {@code D000001} to {@code count}). */
    public List<CustomerFacts> customers(int count) {
        List<CustomerFacts> customers = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            customers.add(customer(i));
        }
        return customers;
    }

    /** The next customer, {@code D000001} onwards. */
    public CustomerFacts customer(int index) {
        String id = store == null ? String.format("D%06d", index) : String.format("%s-D%06d", store, index);
        boolean fleet = random.nextInt(20) == 0;
        CustomerKind kind = fleet ? CustomerKind.FLEET : random.nextInt(10) == 0 ? CustomerKind.COMPANY : CustomerKind.PERSON;
        // 2 % of a group's store are the same people as the previous store's customer of the same number, who
        // bring the car they have there too
        boolean alsoPrevious = store != null && storeNumber > 1 && random.nextInt(50) == 0;
        String phone = store == null ? String.format("138%08d", index)
                : String.format("1%02d%08d", 30 + (alsoPrevious ? storeNumber - 1 : storeNumber), index);
        Customer customer = new Customer(id,
                kind == CustomerKind.PERSON ? pick(SURNAMES) + (random.nextBoolean() ? "先生" : "女士") : "惠州" + pick(INDUSTRIES) + "公司" + index,
                phone, pick(REGIONS), pick(INDUSTRIES),
                kind == CustomerKind.PERSON ? 1950 + random.nextInt(45) : null, kind,
                random.nextInt(40) == 0, random.nextInt(8) == 0, store);

        List<Vehicle> vehicles = new ArrayList<>();
        int cars = fleet ? 2 + random.nextInt(4) : 1;
        for (int v = 0; v < cars; v++) {
            LocalDate bought = from.minusYears(2).plusDays(random.nextInt(6 * 365));
            if (bought.isAfter(until)) {
                bought = until.minusDays(random.nextInt(60));
            }
            boolean previousStoresCar = alsoPrevious && v == 0;
            vehicles.add(new Vehicle((store == null ? String.format("LSGDEMO%06d%04d", index, v)
                    : String.format("L%02dDEMO%06d%04d", previousStoresCar ? storeNumber - 1 : storeNumber, index, v))
                    .substring(0, 17), pick(MODELS), bought, bought.plusYears(3),
                    random.nextInt(10) < 8 && !previousStoresCar, random.nextInt(3) == 0));
        }

        List<Visit> visits = new ArrayList<>();
        double perYear = VISITS_PER_YEAR[random.nextInt(VISITS_PER_YEAR.length)] * (fleet ? 2 : 1);
        // a third of customers stop coming at some point: the churn the reports should find
        LocalDate stops = random.nextInt(3) == 0 ? from.plusDays(random.nextInt(4 * 365)) : until;
        for (Vehicle vehicle : vehicles) {
            LocalDate date = vehicle.getPurchaseDate().isAfter(from) ? vehicle.getPurchaseDate() : from;
            boolean firstDone = vehicle.getPurchaseDate().isBefore(from);
            while (true) {
                date = date.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) * 365 / perYear));
                if (date.isAfter(stops) || date.isAfter(until)) {
                    break;
                }
                ServiceType service = !firstDone ? ServiceType.FIRST_MAINTENANCE : pickService();
                firstDone = true;
                boolean inWarranty = !date.isAfter(vehicle.getWarrantyEnd());
                PayType pay = service == ServiceType.FIRST_MAINTENANCE || service == ServiceType.RECALL ? PayType.WARRANTY
                        : service == ServiceType.ACCIDENT && random.nextBoolean() ? PayType.INSURANCE
                        : service == ServiceType.REPAIR && inWarranty && random.nextInt(3) == 0 ? PayType.WARRANTY
                        : random.nextInt(50) == 0 ? PayType.INTERNAL : PayType.CUSTOMER_PAY;
                visits.add(new Visit(store == null ? String.format("RO%08d", ++roNumber)
                        : String.format("%s-RO%08d", store, ++roNumber), vehicle.getVin(), date,
                        5_000 + random.nextInt(150_000), pay, service, amount(service, pay)));
            }
        }

        List<Lead> leads = new ArrayList<>();
        if (random.nextInt(10) < 3) {
            leads.add(lead(id, 0));
        }
        List<Complaint> complaints = new ArrayList<>();
        if (random.nextInt(12) == 0) {
            complaints.add(new Complaint(dateWithin(), ComplaintSubject.values()[random.nextInt(4)], random.nextBoolean()));
        }
        List<EventAttendance> events = new ArrayList<>();
        if (random.nextInt(6) == 0) {
            events.add(new EventAttendance("EV" + random.nextInt(40), dateWithin(), random.nextInt(4) > 0,
                    random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0));
        }
        List<Referral> referrals = new ArrayList<>();
        if (random.nextInt(15) == 0) {
            referrals.add(new Referral(dateWithin(), pick(SURNAMES) + "先生", random.nextBoolean()));
        }
        List<Survey> surveys = new ArrayList<>();
        if (random.nextInt(5) == 0) {
            surveys.add(new Survey(dateWithin(), 1 + random.nextInt(5), random.nextInt(101),
                    Recommend.values()[random.nextInt(3)]));
        }
        answerTheCall(id, index, visits, vehicles);
        Random people = new Random(seed * 1_000_003L + index);
        String advisor = ADVISORS[people.nextInt(ADVISORS.length)];
        visits.replaceAll(visit -> new Visit(visit.getRoNumber(), visit.getVin(), visit.getDate(), visit.getMileage(),
                visit.getPayType(), visit.getServiceType(), visit.getAmount(),
                people.nextInt(5) == 0 ? ADVISORS[people.nextInt(ADVISORS.length)] : advisor));
        leads.replaceAll(lead -> withPeople(lead, people));
        complaints.replaceAll(complaint -> withDates(complaint, people));
        return new CustomerFacts(customer, vehicles, visits, leads, complaints, events, referrals, surveys);
    }

    /**
     * The call list of the run a year before until, worked: a customer AT_RISK on that day (the last visit 6 to 12
     * months before it, as the shipped churn rules say) whose retention call was listed, not held out, comes back
     * for a customer-pay maintenance within three months with probability {@link #CALL_BRINGS_BACK}. Without the
     * call they come back only as their own rhythm brings them, as a held-out customer does. Drawn from a stream of
     * its own per customer, so every other figure of the dealership stays as it was.
     */
    private void answerTheCall(String id, int index, List<Visit> visits, List<Vehicle> vehicles) {
        if (holdout == null || holdout.heldOut(id, FollowUpKind.RETENTION_CALL) || vehicles.isEmpty()) {
            return;
        }
        LocalDate last = null;
        for (Visit visit : visits) {
            if (!visit.getDate().isAfter(called) && (last == null || visit.getDate().isAfter(last))) {
                last = visit.getDate();
            }
        }
        boolean atRisk = last != null && last.isAfter(called.minusMonths(12)) && !last.isAfter(called.minusMonths(6));
        // SplittableRandom mixes its seed: java.util.Random's first draws of seeds one apart are nearly equal
        SplittableRandom call = new SplittableRandom(seed * 7_919L + index);
        if (!atRisk || call.nextDouble() >= CALL_BRINGS_BACK) {
            return;
        }
        LocalDate back = called.plusDays(7 + call.nextInt(84));
        if (!back.isAfter(until)) {
            visits.add(new Visit(store == null ? String.format("RC%08d", index) : String.format("%s-RC%08d", store, index), vehicles.get(0).getVin(), back,
                    5_000 + call.nextInt(150_000), PayType.CUSTOMER_PAY, ServiceType.MAINTENANCE,
                    BigDecimal.valueOf((300 + call.nextInt(500)) * 100L, 2)));
        }
    }

    /**
     * The lead with its consultant; a financing defeat is won by a known competitor less often than the others
     * (the prospect often did not buy at all), so the finance offers of the call list have customers.
     */
    private static Lead withPeople(Lead lead, Random people) {
        boolean noCompetitor = lead.getDefeatReason() == DefeatReason.FINANCING && people.nextBoolean();
        return new Lead(lead.getLeadId(), lead.getModel(), lead.getCreatedOn(), lead.getClosedOn(), lead.getStatus(),
                lead.getDefeatReason(), noCompetitor ? null : lead.getCompetitorBrand(),
                noCompetitor ? null : lead.getCompetitorModel(), lead.getFollowUps(), lead.getLastFollowUp(),
                CONSULTANTS[people.nextInt(CONSULTANTS.length)]);
    }

    private LocalDate noLaterThanUntil(LocalDate date) {
        return date.isAfter(until) ? null : date;
    }

    /** The complaint answered within two days (nine in ten); a resolved one resolved within six weeks. */
    private Complaint withDates(Complaint complaint, Random people) {
        LocalDate answered = people.nextInt(10) == 0 ? null
                : noLaterThanUntil(complaint.getDate().plusDays(people.nextInt(3)));
        LocalDate resolved = complaint.isResolved()
                ? noLaterThanUntil(complaint.getDate().plusDays(1 + people.nextInt(42))) : null;
        // one whose resolution falls after until was not resolved yet
        return new Complaint(complaint.getDate(), complaint.getSubject(), false, answered, resolved);
    }

    private Lead lead(String customerId, int n) {
        LocalDate created = dateWithin();
        int roll = random.nextInt(20);
        LeadStatus status = roll < 8 ? LeadStatus.WON : roll < 15 ? LeadStatus.DEFEATED : roll < 19 ? LeadStatus.OPEN
                : LeadStatus.INVALID;
        LocalDate closed = status == LeadStatus.OPEN ? null : min(created.plusDays(5 + random.nextInt(60)));
        DefeatReason reason = status != LeadStatus.DEFEATED || random.nextInt(6) == 0 ? null
                : DefeatReason.values()[random.nextInt(DefeatReason.values().length)];
        int competitor = random.nextInt(COMPETITORS.length);
        boolean knownCompetitor = status == LeadStatus.DEFEATED && random.nextInt(3) > 0;
        int followUps = random.nextInt(6);
        return new Lead(customerId + "-L" + n, pick(MODELS), created, closed, status, reason,
                knownCompetitor ? COMPETITORS[competitor] : null, knownCompetitor ? COMPETITOR_MODELS[competitor] : null,
                followUps, followUps == 0 ? null : min(created.plusDays(1 + random.nextInt(45))));
    }

    private ServiceType pickService() {
        int roll = random.nextInt(20);
        return roll < 11 ? ServiceType.MAINTENANCE : roll < 16 ? ServiceType.REPAIR : roll < 18 ? ServiceType.ACCIDENT
                : roll < 19 ? ServiceType.RECALL : ServiceType.OTHER;
    }

    private BigDecimal amount(ServiceType service, PayType pay) {
        int base = switch (service) {
            case FIRST_MAINTENANCE -> 0;
            case MAINTENANCE -> 300 + random.nextInt(500);
            case REPAIR -> 200 + random.nextInt(3_000);
            case ACCIDENT -> 1_000 + random.nextInt(12_000);
            case RECALL -> 0;
            case OTHER -> 50 + random.nextInt(300);
        };
        return pay == PayType.WARRANTY ? BigDecimal.ZERO : BigDecimal.valueOf(base * 100L + random.nextInt(100), 2);
    }

    private LocalDate dateWithin() {
        return from.plusDays(random.nextInt((int) (until.toEpochDay() - from.toEpochDay()) + 1));
    }

    private LocalDate min(LocalDate date) {
        return date.isAfter(until) ? until : date;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
