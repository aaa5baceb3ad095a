package jipan.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How customers like this one did: of the {@code customers} the live rules put in the same tier and churn state
 * as of {@code asOf} in backtest {@code backtestId}, the share who came back within {@code horizonMonths}
 * (docs/domain.md §6.2); {@code text} says it in the answer's language.
 */
public record ObservedRate(long backtestId, LocalDate asOf, int horizonMonths, String tier, String churn,
                           int customers, BigDecimal share, String text) {
}
