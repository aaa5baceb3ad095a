package jipan.core.facts;

import java.time.LocalDate;

/** The date a classification is computed for. Facts dated after it never reach the rules. */
public final class AsOf {
    private final LocalDate date;

    public AsOf(LocalDate date) {
        this.date = date;
    }

    public LocalDate getDate() { return date; }
}
