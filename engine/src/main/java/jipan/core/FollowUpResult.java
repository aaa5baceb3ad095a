package jipan.core;

import java.time.LocalDate;
import jipan.core.facts.Assignee;
import jipan.core.facts.FollowUpKind;

/**
 * A follow-up the rules decided for a customer: kind, subject, priority (1 first), due date, who, the fact it rests
 * on ({@code basis}: a handled task comes back only on a new basis), the rule that decided it and why, in the form
 * that serves every language ({@link RuleTexts#text(FollowUpResult, Lang)} reads it in one).
 */
public record FollowUpResult(FollowUpKind kind, String subject, int priority, LocalDate due, Assignee assignee,
                             String basis, String rule, Sentence said) {
}
