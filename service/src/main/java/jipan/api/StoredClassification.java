package jipan.api;

import java.time.LocalDate;

/** One stored classification of a customer: the run that made it, and the answer as the classify endpoint gives it. */
public record StoredClassification(long runId, LocalDate asOf, String rulesetVersion, CustomerResult result) {
}
