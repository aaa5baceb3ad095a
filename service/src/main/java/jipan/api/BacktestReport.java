package jipan.api;

import java.time.LocalDateTime;
import jipan.core.evidence.BacktestResult;

/** A stored backtest: who ran it and when, and its result ({@code result} null in a list of backtests). */
public record BacktestReport(long id, LocalDateTime createdAt, String createdBy, String liveVersion,
                             String candidateVersion, BacktestResult result, String store) {
}
