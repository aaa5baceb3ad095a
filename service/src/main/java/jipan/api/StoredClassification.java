package jipan.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** One stored classification of a customer: the run that made it, and the answer as the classify endpoint gives it. */
public record StoredClassification(long runId, LocalDate asOf, String rulesetVersion, JsonNode result) {
}
