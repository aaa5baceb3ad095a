package jipan.core;

import java.time.LocalDate;
import jipan.core.facts.Assignee;
import jipan.core.facts.FollowUpKind;

/**
 * A follow-up the rules decided for a customer: kind, subject, priority (1 first), due date, who, the fact it rests
 * on ({@code basis}: a handled task comes back only on a new basis), the rule that decided it and why, in the form
 * that serves every language ({@link RuleTexts#text(FollowUpResult, Lang)} reads it in one). {@code person} is who
 * of the role does it ({@link People}), or null when the records name nobody.
 */
public record FollowUpResult(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                             String person, String basis, String rule, Sentence said) {

    /** A task as a rule decided it: its person is found afterwards ({@link People#assign}). */
    public FollowUpResult(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                          String basis, String rule, Sentence said) {
        this(kind, subject, priority, due, assignee, null, basis, rule, said);
    }

    public FollowUpResult withPerson(String person) {
        return new FollowUpResult(kind, subject, priority, due, assignee, person, basis, rule, said);
    }
}
