package jipan.core.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;

/** What the classification rules need to know of a customer's visits, derived once by a rule. */
public final class VisitStats implements Explained {
    private final ServiceWindow window;
    private final int customerPayVisits;
    private final int visitsInWindow;
    private final LocalDate lastVisit;

    public VisitStats(ServiceWindow window, int customerPayVisits, int visitsInWindow, LocalDate lastVisit) {
        this.window = window;
        this.customerPayVisits = customerPayVisits;
        this.visitsInWindow = visitsInWindow;
        this.lastVisit = lastVisit;
    }

    /** The latest of some dates, or null when there are none: the rules' way to find the last visit. */
    public static LocalDate latest(Collection<LocalDate> dates) {
        return dates.stream().max(Comparator.naturalOrder()).orElse(null);
    }

    public ServiceWindow getWindow() { return window; }
    /** Customer-pay visits in the window. */
    public int getCustomerPayVisits() { return customerPayVisits; }
    /** Visits of any pay type in the window. */
    public int getVisitsInWindow() { return visitsInWindow; }
    /** The latest visit of any pay type up to asOf, or null when the customer never visited. */
    public LocalDate getLastVisit() { return lastVisit; }
    public boolean isEverVisited() { return lastVisit != null; }

    @Override
    public String getBecause() {
        return customerPayVisits + " customer-pay visits and " + visitsInWindow + " visits of any pay type in the "
                + window.getMonths() + " months to " + window.getAsOf() + "; last visit "
                + (lastVisit == null ? "never" : lastVisit.toString());
    }
}
