package jipan.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import jipan.core.facts.Assignee;
import jipan.core.facts.FollowUpKind;

/**
 * A follow-up as a reader reads it, in one language: the task and why ({@code reason}). {@code heldOut}: true when
 * the call lists hold this customer's tasks of this kind out (docs/domain.md §6.3) — said only on a stored
 * customer's answer, left out of the JSON otherwise.
 */
public record FollowUpText(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                           String person, String basis, String reason,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean heldOut) {

    public FollowUpText(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                        String person, String basis, String reason) {
        this(kind, subject, priority, due, assignee, person, basis, reason, null);
    }

    /** The same task, marked held out of the call lists. */
    public FollowUpText heldOutOfCallLists() {
        return new FollowUpText(kind, subject, priority, due, assignee, person, basis, reason, true);
    }
}
