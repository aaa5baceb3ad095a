package jipan.api;

import java.time.LocalDate;
import java.util.List;
import jipan.core.Classification;
import jipan.core.FollowUpResult;
import jipan.core.LeadResult;
import jipan.core.LoyaltyResult;
import jipan.core.Reason;
import jipan.core.VehicleResult;
import jipan.core.facts.BaseGrade;
import jipan.core.facts.Churn;
import jipan.core.facts.Tier;

/** One customer's classification as SPEC §5 names its fields. */
public record CustomerResult(String customerId, Tier tier, Integer customerPayVisits12m, LocalDate lastVisit,
                             Churn churn, LoyaltyResult loyalty, BaseGrade baseGrade, List<VehicleResult> vehicles,
                             List<LeadResult> leads, List<FollowUpResult> followUps, List<Reason> reasons) {

    public static CustomerResult of(Classification classification) {
        return new CustomerResult(classification.customerId(), classification.tier(),
                classification.customerPayVisits12m(), classification.lastVisit(), classification.churn(),
                classification.loyalty(), classification.baseGrade(), classification.vehicles(),
                classification.leads(), classification.followUps(), classification.reasons());
    }
}
