package jipan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import jipan.core.Classification;
import jipan.core.FollowUpText;
import jipan.core.Lang;
import jipan.core.RuleTexts;
import jipan.core.LeadResult;
import jipan.core.LoyaltyResult;
import jipan.core.ReasonText;
import jipan.core.VehicleResult;
import jipan.core.facts.BaseGrade;
import jipan.core.facts.Churn;
import jipan.core.facts.Tier;

/**
 * One customer's classification as SPEC §5 names its fields, read in one language: each reason with the rule's
 * display name ({@code name}) and its sentence, each follow-up with why (issue 26). {@code observed}: how customers
 * like this one did in the latest backtest (docs/domain.md §6.2), only on the stored customer's answer and left out
 * of the JSON when there is none.
 */
public record CustomerResult(String customerId, Tier tier, Integer customerPayVisits12m, LocalDate lastVisit,
                             Churn churn, LoyaltyResult loyalty, BaseGrade baseGrade, List<VehicleResult> vehicles,
                             List<LeadResult> leads, List<FollowUpText> followUps, List<ReasonText> reasons,
                             @JsonInclude(JsonInclude.Include.NON_NULL) ObservedRate observed) {

    /** An answer without an observed rate. */
    public CustomerResult(String customerId, Tier tier, Integer customerPayVisits12m, LocalDate lastVisit,
                          Churn churn, LoyaltyResult loyalty, BaseGrade baseGrade, List<VehicleResult> vehicles,
                          List<LeadResult> leads, List<FollowUpText> followUps, List<ReasonText> reasons) {
        this(customerId, tier, customerPayVisits12m, lastVisit, churn, loyalty, baseGrade, vehicles, leads, followUps,
                reasons, null);
    }

    /** The same answer, each task the call lists hold out (by {@code holdout}) marked so. */
    public CustomerResult withHoldout(jipan.core.evidence.Holdout holdout) {
        return new CustomerResult(customerId, tier, customerPayVisits12m, lastVisit, churn, loyalty, baseGrade,
                vehicles, leads, followUps.stream().map(task -> holdout.heldOut(customerId, task.kind())
                        ? task.heldOutOfCallLists() : task).toList(), reasons, observed);
    }

    /** The same answer with how customers like this one did. */
    public CustomerResult withObserved(ObservedRate rate) {
        return new CustomerResult(customerId, tier, customerPayVisits12m, lastVisit, churn, loyalty, baseGrade,
                vehicles, leads, followUps, reasons, rate);
    }

    /** An answer read in a language, with the texts of the rules that made it. */
    public static CustomerResult of(Classification classification, RuleTexts texts, Lang lang) {
        return new CustomerResult(classification.customerId(), classification.tier(),
                classification.customerPayVisits12m(), classification.lastVisit(), classification.churn(),
                classification.loyalty(), classification.baseGrade(), classification.vehicles(),
                classification.leads().stream().map(lead -> lead.in(texts, lang)).toList(),
                classification.followUps().stream().map(followUp -> texts.text(followUp, lang)).toList(),
                classification.reasons().stream().map(reason -> texts.text(reason, lang)).toList());
    }
}
