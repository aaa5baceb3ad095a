package jipan.core.facts;

import java.time.LocalDate;

/**
 * A call the dealership made to the customer about a task of a call list, as recorded: on which day, about what kind
 * of task, how it ended and, on a retention or win-back call, why the customer said they stopped coming. The
 * rules read it to know when the customer was last spoken to and whether they declined an offer.
 */
public final class Contact {
    private final LocalDate date;
    private final FollowUpKind kind;
    private final ContactOutcome outcome;
    private final ChurnReason churnReason;

    public Contact(LocalDate date, FollowUpKind kind, ContactOutcome outcome, ChurnReason churnReason) {
        this.date = date;
        this.kind = kind;
        this.outcome = outcome;
        this.churnReason = churnReason;
    }

    public LocalDate getDate() { return date; }
    public FollowUpKind getKind() { return kind; }
    public ContactOutcome getOutcome() { return outcome; }
    public ChurnReason getChurnReason() { return churnReason; }
}
