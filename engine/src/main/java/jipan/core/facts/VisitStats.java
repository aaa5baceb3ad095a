package jipan.core.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

/** What the classification rules need to know of a customer's visits, derived once by a rule. */
public final class VisitStats implements Explained {
    /** Latest first; on one day, the higher repair-order number first. */
    private static final Comparator<Visit> LATEST_FIRST =
            Comparator.comparing(Visit::getDate).thenComparing(Visit::getRoNumber).reversed();

    private final ServiceWindow window;
    private final int customerPayVisits;
    private final int visitsInWindow;
    private final LocalDate lastVisit;
    private final int customerPayStreak;
    private final int visitDays;
    private final int medianIntervalDays;
    private final BigDecimal customerPaySpend;

    /**
     * @param allVisits every visit up to asOf, of any pay type, in or before the window
     */
    public VisitStats(ServiceWindow window, int customerPayVisits, int visitsInWindow, Collection<Visit> allVisits) {
        this.window = window;
        this.customerPayVisits = customerPayVisits;
        this.visitsInWindow = visitsInWindow;
        // computed with plain loops: this runs for every customer, and streams cost more than the counting
        Visit[] latestFirst = allVisits.toArray(new Visit[0]);
        Arrays.sort(latestFirst, LATEST_FIRST);
        this.lastVisit = latestFirst.length == 0 ? null : latestFirst[0].getDate();
        int streak = 0;
        while (streak < latestFirst.length && latestFirst[streak].getPayType() == PayType.CUSTOMER_PAY) {
            streak++;
        }
        this.customerPayStreak = streak;
        // visit days, oldest first: the visits newest first, read backwards, without repeats
        LocalDate[] days = new LocalDate[latestFirst.length];
        int dayCount = 0;
        for (int i = latestFirst.length - 1; i >= 0; i--) {
            LocalDate day = latestFirst[i].getDate();
            if (dayCount == 0 || !days[dayCount - 1].equals(day)) {
                days[dayCount++] = day;
            }
        }
        this.visitDays = dayCount;
        long[] intervals = new long[Math.max(0, dayCount - 1)];
        for (int i = 1; i < dayCount; i++) {
            intervals[i - 1] = ChronoUnit.DAYS.between(days[i - 1], days[i]);
        }
        Arrays.sort(intervals);
        int n = intervals.length;
        this.medianIntervalDays = n == 0 ? 0
                : (int) (n % 2 == 1 ? intervals[n / 2] : (intervals[n / 2 - 1] + intervals[n / 2]) / 2);
        BigDecimal spend = BigDecimal.ZERO;
        for (Visit visit : latestFirst) {
            if (visit.getPayType() == PayType.CUSTOMER_PAY && visit.getDate().isAfter(window.getStart())
                    && visit.getAmount() != null) {
                spend = spend.add(visit.getAmount());
            }
        }
        this.customerPaySpend = spend;
    }

    public ServiceWindow getWindow() { return window; }
    /** Customer-pay visits in the window. */
    public int getCustomerPayVisits() { return customerPayVisits; }
    /** Visits of any pay type in the window. */
    public int getVisitsInWindow() { return visitsInWindow; }
    /** The latest visit of any pay type up to asOf, or null when the customer never visited. */
    public LocalDate getLastVisit() { return lastVisit; }
    public boolean isEverVisited() { return lastVisit != null; }
    /** How many of the customer's latest visits in a row, up to asOf, were customer-pay. */
    public int getCustomerPayStreak() { return customerPayStreak; }
    /** On how many different days the customer visited, up to asOf. */
    public int getVisitDays() { return visitDays; }
    /**
     * The customer's own rhythm: the median number of days between two visit days in a row, up to asOf (the mean
     * of the middle two, rounded down, for an even count); 0 with fewer than two visit days.
     */
    public int getMedianIntervalDays() { return medianIntervalDays; }
    /** Days from the last visit to asOf; 0 when the customer never visited. */
    public int getDaysSinceLastVisit() {
        return lastVisit == null ? 0 : (int) ChronoUnit.DAYS.between(lastVisit, window.getAsOf());
    }
    /** What the customer paid for customer-pay visits in the window. */
    public BigDecimal getCustomerPaySpend() { return customerPaySpend; }

    @Override
    public Because getBecause() { // the sentences are the inserting rule's ("Visit statistics", window.drl)
        return Because.of(customerPayVisits, visitsInWindow, window.getMonths(), window.getAsOf(), lastVisit,
                customerPayStreak);
    }
}
