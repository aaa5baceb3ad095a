package jipan.core.facts;

import java.time.LocalDate;

/**
 * A rule's decision that someone at the dealership must follow something up: what ({@code kind}), about what
 * ({@code subject}: the customer id, a VIN or a lead id), how urgently ({@code priority}, 1 first), by when
 * ({@code due}) and who does it, with the sentence that says why. {@code basis} is the fact the task rests on
 * (a last visit, a closing date, a promotion): a task someone handled comes back in a later run only when the
 * rules raise it on a different basis.
 */
public final class FollowUpDecided implements Explained {
    private final FollowUpKind kind;
    private final String subject;
    private final int priority;
    private final LocalDate due;
    private final Assignee assignee;
    private final String basis;
    private final Because because;

    /** With a sentence written out in the rule (shown as it is in every language). */
    public FollowUpDecided(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                           String basis, String because) {
        this(kind, subject, priority, due, assignee, basis, Because.text(because));
    }

    public FollowUpDecided(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                           String basis, Because because) {
        this.kind = kind;
        this.subject = subject;
        this.priority = priority;
        this.due = due;
        this.assignee = assignee;
        this.basis = basis;
        this.because = because;
    }

    public FollowUpKind getKind() { return kind; }
    public String getSubject() { return subject; }
    public int getPriority() { return priority; }
    public LocalDate getDue() { return due; }
    public Assignee getAssignee() { return assignee; }
    public String getBasis() { return basis; }
    @Override
    public Because getBecause() { return because; }
}
