package jipan.core.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A backtest: the stored customers classified as of {@code asOf} with the facts known then, by the live rules and a
 * candidate (null when only the live rules were tested), scored against what they did in the {@code horizonMonths}
 * after, up to {@code horizonEnd}. {@code changed} counts the customers whose tier or churn state the candidate
 * changes; {@code moves} groups them by change with what they then did; {@code examples} lists the first of them.
 */
public record BacktestResult(LocalDate asOf, int horizonMonths, LocalDate horizonEnd, int customers,
                             BacktestScore live, BacktestScore candidate, int changed, List<Move> moves,
                             List<Changed> examples) {

    /** The customers whose {@code output} (tier or churn) moves from one value to another, and how many came back. */
    public record Move(String output, String from, String to, int customers, int cameBack, BigDecimal cameBackShare) {
    }

    /** One customer the candidate answers differently, with what they did in the horizon. */
    public record Changed(String customerId, String liveTier, String candidateTier, String liveChurn,
                          String candidateChurn, boolean cameBack, Integer daysToReturn, boolean bought) {
    }
}
