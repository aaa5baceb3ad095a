package jipan.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jipan.core.facts.FollowUpKind;

/**
 * What became of a task of a run's call list: the task (run, customer, kind, subject — as the list shows it), the
 * outcome and a note. Recording another outcome for the same task replaces the first.
 */
public record OutcomeRequest(@NotNull @Min(1) Long run,
                             @NotBlank @Size(max = 64) String customerId,
                             @NotNull FollowUpKind kind,
                             @NotBlank @Size(max = 64) String subject,
                             @NotNull Outcome outcome,
                             @Size(max = 1_000) String note) {

    /** How a task ended: done (reached, handled), the customer could not be reached, or declined. */
    public enum Outcome { DONE, UNREACHABLE, DECLINED }
}
