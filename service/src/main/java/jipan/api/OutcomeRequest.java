package jipan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import jipan.core.Limits;
import jipan.core.facts.ChurnReason;
import jipan.core.facts.FollowUpKind;

/**
 * What became of a task of a run's call list: the task (run, customer, kind, subject — as the list shows it), the
 * outcome and a note; on a retention or win-back call, why the customer said they left ({@code churnReason}); on a
 * call that reached the customer (DONE), the satisfaction they gave, 1–5, kept as their survey of that day.
 * Recording another outcome for the same task replaces the first (and its survey).
 */
public record OutcomeRequest(@NotNull @Min(1) Long run,
                             @NotBlank @Size(max = 64) String customerId,
                             @NotNull FollowUpKind kind,
                             @NotBlank @Size(max = 64) String subject,
                             @NotNull Outcome outcome,
                             @Size(max = 1_000) String note,
                             ChurnReason churnReason,
                             @Min(Limits.SATISFACTION_MIN) @Max(Limits.SATISFACTION_MAX) Integer satisfaction) {

    /** The kinds of call whose outcome may say why the customer left. */
    public static final Set<FollowUpKind> ASKS_WHY_THEY_LEFT = Set.of(FollowUpKind.RETENTION_CALL, FollowUpKind.WIN_BACK);

    /** Without a churn reason or a satisfaction. */
    public OutcomeRequest(Long run, String customerId, FollowUpKind kind, String subject, Outcome outcome, String note) {
        this(run, customerId, kind, subject, outcome, note, null, null);
    }

    /** How a task ended: done (reached, handled), the customer could not be reached, or declined. */
    public enum Outcome { DONE, UNREACHABLE, DECLINED }
}
