package jipan.core.facts;

import java.time.LocalDate;

/**
 * A rule's decision that someone at the dealership must follow something up: what ({@code kind}), about what
 * ({@code subject}: the customer id, a VIN or a lead id), how urgently ({@code priority}, 1 first), by when
 * ({@code due}) and who does it, with the sentence that says why.
 */
public final class FollowUpDecided implements Explained {
    private final FollowUpKind kind;
    private final String subject;
    private final int priority;
    private final LocalDate due;
    private final Assignee assignee;
    private final String because;

    public FollowUpDecided(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                           String because) {
        this.kind = kind;
        this.subject = subject;
        this.priority = priority;
        this.due = due;
        this.assignee = assignee;
        this.because = because;
    }

    public FollowUpKind getKind() { return kind; }
    public String getSubject() { return subject; }
    public int getPriority() { return priority; }
    public LocalDate getDue() { return due; }
    public Assignee getAssignee() { return assignee; }
    @Override
    public String getBecause() { return because; }
}
