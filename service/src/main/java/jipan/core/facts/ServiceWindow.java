package jipan.core.facts;

import java.time.LocalDate;

/**
 * The window W the rules look at: the {@code months} calendar months up to and including {@code asOf},
 * that is {@code (start, asOf]} with {@code start = asOf.minusMonths(months)}. Inserted by a rule, which
 * says how many months.
 */
public final class ServiceWindow implements Explained {
    private final LocalDate asOf;
    private final int months;
    private final LocalDate start;

    public ServiceWindow(LocalDate asOf, int months) {
        this.asOf = asOf;
        this.months = months;
        this.start = asOf.minusMonths(months);
    }

    public LocalDate getAsOf() { return asOf; }
    public int getMonths() { return months; }
    /** Exclusive: a date is in the window when {@code start < date <= asOf}. */
    public LocalDate getStart() { return start; }

    public boolean contains(LocalDate date) {
        return date != null && date.isAfter(start) && !date.isAfter(asOf);
    }

    @Override
    public String getBecause() {
        return "window: the " + months + " months to " + asOf + ", i.e. after " + start + " up to " + asOf;
    }
}
