package jipan.core.facts;

import java.time.LocalDate;

/** A person the customer referred to the dealer. */
public final class Referral {
    private final LocalDate date;
    private final String referredName;
    private final boolean closed;

    public Referral(LocalDate date, String referredName, boolean closed) {
        this.date = date;
        this.referredName = referredName;
        this.closed = closed;
    }

    public LocalDate getDate() { return date; }
    public String getReferredName() { return referredName; }
    public boolean isClosed() { return closed; }
}
