package jipan.core.facts;

import java.time.LocalDate;

/** A complaint the customer made. */
public final class Complaint {
    private final LocalDate date;
    private final ComplaintSubject subject;
    private final boolean resolved;

    public Complaint(LocalDate date, ComplaintSubject subject, boolean resolved) {
        this.date = date;
        this.subject = subject;
        this.resolved = resolved;
    }

    public LocalDate getDate() { return date; }
    public ComplaintSubject getSubject() { return subject; }
    public boolean isResolved() { return resolved; }
}
