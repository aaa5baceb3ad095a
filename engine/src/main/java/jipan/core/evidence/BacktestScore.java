package jipan.core.evidence;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one rule set's answers as of D held up against what the customers did in the horizon after it.
 *
 * @param byChurn        per churn state at D: its customers and how many came back (a LOST customer coming back is
 *                       a lost customer returned)
 * @param byTier         per tier at D: its customers, how many came back, and how many the same rules still gave the
 *                       same tier at the end of the horizon (an A customer who stayed A)
 * @param byTierAndChurn per tier and churn state at D: the observed return rate an advisor sees beside an answer
 * @param willNotComeBack AT_RISK and LOST taken as the prediction "will not come back", scored
 * @param byFollowUp     per kind of task the rules gave at D: its customers, how many came back and how soon, and
 *                       how many bought (a lead won or a car bought here)
 */
public record BacktestScore(String rulesetVersion, List<Cell> byChurn, List<Cell> byTier, List<Cell> byTierAndChurn,
                            Prediction willNotComeBack, List<TaskCell> byFollowUp) {

    /**
     * One group: {@code customers}, {@code cameBack} of them and its share; {@code stayed} (tiers only, else null):
     * how many had the same value at the end of the horizon.
     */
    public record Cell(String tier, String churn, int customers, int cameBack, BigDecimal cameBackShare,
                       Integer stayed, BigDecimal stayedShare) {
    }

    /**
     * The prediction "will not come back" over the workshop customers (churn ACTIVE, AT_RISK or LOST at D): of the
     * {@code population}, {@code predicted} were AT_RISK or LOST, {@code didNotComeBack} had no customer-pay visit in
     * the horizon and {@code correct} were both. precision = correct / predicted; recall = correct / didNotComeBack;
     * baseRate = didNotComeBack / population; lift = precision / baseRate (1: no better than calling anyone).
     */
    public record Prediction(int population, int predicted, int didNotComeBack, int correct, BigDecimal precision,
                             BigDecimal recall, BigDecimal baseRate, BigDecimal lift) {
    }

    /**
     * One kind of task: the {@code customers} who had one at D, how many came back (and the median days from D to the
     * first return, of those who did) and how many bought.
     */
    public record TaskCell(String kind, int customers, int cameBack, BigDecimal cameBackShare,
                           Integer medianDaysToReturn, int bought, BigDecimal boughtShare) {
    }
}
