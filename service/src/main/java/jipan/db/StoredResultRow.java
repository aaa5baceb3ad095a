package jipan.db;

import java.time.LocalDate;

/** A row of {@code classification_result}: the headline fields as columns, for reports, and the whole answer as JSON. */
public record StoredResultRow(long runId, String customerId, LocalDate asOf, String rulesetVersion, String tier,
                              String churn, Integer loyaltyScore, String loyaltyLevel, String baseGrade,
                              String resultJson, Integer loyaltySatisfaction, Integer loyaltyMaintenance,
                              Integer loyaltyActivity, Integer loyaltyAdvocacy) {
}
