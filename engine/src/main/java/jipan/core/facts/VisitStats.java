package jipan.core.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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

    /**
     * @param allVisits every visit up to asOf, of any pay type, in or before the window
     */
    public VisitStats(ServiceWindow window, int customerPayVisits, int visitsInWindow, Collection<Visit> allVisits) {
        this.window = window;
        this.customerPayVisits = customerPayVisits;
        this.visitsInWindow = visitsInWindow;
        List<Visit> latestFirst = allVisits.stream().sorted(LATEST_FIRST).toList();
        this.lastVisit = latestFirst.isEmpty() ? null : latestFirst.get(0).getDate();
        this.customerPayStreak = (int) latestFirst.stream()
                .takeWhile(visit -> visit.getPayType() == PayType.CUSTOMER_PAY).count();
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

    @Override
    public String getBecause() {
        return customerPayVisits + " customer-pay visits and " + visitsInWindow + " visits of any pay type in the "
                + window.getMonths() + " months to " + window.getAsOf() + "; last visit "
                + (lastVisit == null ? "never" : lastVisit.toString())
                + "; the latest " + customerPayStreak + " visit(s) in a row were customer-pay";
    }
}
