package jipan.core.facts;

import java.time.LocalDate;

/**
 * The window W the rules look at: the {@code months} calendar months up to and including {@code asOf},
 * that is {@code (start, asOf]} with {@code start = asOf.minusMonths(months)}: a date is in it when
 * {@code date > start}. Inserted by a rule, which says how many months.
 */
public final class ServiceWindow implements Explained {
    private final LocalDate asOf;
    private final int months;
    private final LocalDate start;
    private final LocalDate middle;

    public ServiceWindow(LocalDate asOf, int months) {
        this.asOf = asOf;
        this.months = months;
        this.start = asOf.minusMonths(months);
        this.middle = asOf.minusMonths(months / 2);
    }

    public LocalDate getAsOf() { return asOf; }
    public int getMonths() { return months; }
    /** Exclusive: a date is in the window when {@code start < date <= asOf}. */
    public LocalDate getStart() { return start; }

    /**
     * Where the window's two halves meet: the first half is {@code (start, middle]}, the second
     * {@code (middle, asOf]} (for 12 months: {@code asOf} minus 6 months).
     */
    public LocalDate getMiddle() { return middle; }

    @Override
    public Because getBecause() { // the sentences are the inserting rule's ("Service window up to asOf", window.drl)
        return Because.of(months, asOf, start);
    }
}
