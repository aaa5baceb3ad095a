package jipan.core;

import java.time.LocalDate;
import jipan.core.facts.Assignee;
import jipan.core.facts.FollowUpKind;

/** A follow-up as a reader reads it, in one language: the task and why ({@code reason}). */
public record FollowUpText(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                           String person, String basis, String reason) {
}
