package jipan.api;

import java.time.Instant;

/**
 * An outcome recorded for a task: the task (customer, kind, subject and the basis the rules raised it on), how it
 * ended, the note, who recorded it and when, and the run whose list it was worked from.
 */
public record TaskOutcome(String customerId, String kind, String subject, String basis, OutcomeRequest.Outcome outcome,
                          String note, String handledBy, Instant handledAt, long runId) {
}
