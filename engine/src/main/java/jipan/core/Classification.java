package jipan.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jipan.core.facts.BaseGrade;
import jipan.core.facts.Churn;
import jipan.core.facts.Tier;

/**
 * What the rules decided for one customer. {@code firedRules} names every rule that fired, explained or not
 * (used for rule coverage); {@code followUps} the tasks the rules decided, by due date and priority;
 * {@code reasons} are those that explained a decision, in firing order. A field
 * no rule decided is null.
 */
public record Classification(String customerId, Tier tier, Integer customerPayVisits12m, LocalDate lastVisit,
                             Churn churn, LoyaltyResult loyalty, BaseGrade baseGrade, List<VehicleResult> vehicles,
                             List<LeadResult> leads, List<FollowUpResult> followUps, List<Reason> reasons,
                             Set<String> firedRules) {
}
