package jipan.api;

import java.time.Instant;
import jipan.core.facts.ChurnReason;

/**
 * An outcome recorded for a task: the task (customer, kind, subject, the basis the rules raised it on and the person
 * it went to), how it ended, why the customer left and their satisfaction when the call learnt them, the note, who
 * recorded it and when, and the run whose list it was worked from.
 */
public record TaskOutcome(String customerId, String kind, String subject, String basis, String person,
                          OutcomeRequest.Outcome outcome, ChurnReason churnReason, Integer satisfaction,
                          String note, String handledBy, Instant handledAt, long runId) {
}
