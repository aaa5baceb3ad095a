package jipan.core.facts;

import java.time.LocalDate;

/**
 * A complaint the customer made, when the dealership answered it and when it was resolved (the practice: answered
 * within 24 hours, resolved within a month). A complaint with a resolved date is resolved.
 */
public final class Complaint {
    private final LocalDate date;
    private final ComplaintSubject subject;
    private final boolean resolved;
    private final LocalDate answeredOn;
    private final LocalDate resolvedOn;

    public Complaint(LocalDate date, ComplaintSubject subject, boolean resolved) {
        this(date, subject, resolved, null, null);
    }

    public Complaint(LocalDate date, ComplaintSubject subject, boolean resolved, LocalDate answeredOn,
                     LocalDate resolvedOn) {
        this.date = date;
        this.subject = subject;
        this.resolved = resolved || resolvedOn != null;
        this.answeredOn = answeredOn;
        this.resolvedOn = resolvedOn;
    }

    public LocalDate getDate() { return date; }
    public ComplaintSubject getSubject() { return subject; }
    public boolean isResolved() { return resolved; }
    /** The day the dealership first answered the customer, or null. */
    public LocalDate getAnsweredOn() { return answeredOn; }
    /** The day the complaint was resolved, or null (it may still be marked resolved without a date). */
    public LocalDate getResolvedOn() { return resolvedOn; }

    /**
     * What is wrong with a date of a complaint made on {@code made} — it was answered or resolved before it was made
     * — or null. One rule for the JSON reader and the import alike.
     */
    public static String dateProblem(LocalDate date, LocalDate made) {
        return date != null && made != null && date.isBefore(made) ? "is before the complaint's date " + made : null;
    }
}
