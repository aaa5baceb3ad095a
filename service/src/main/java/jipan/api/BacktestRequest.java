package jipan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/v1/rules/backtests} tests: the live rules, and a candidate when {@code files} /
 * {@code deleted} change them (as in {@link RuleChange}); the stored customers (the first {@code sample} in id
 * order, default 20,000) as of {@code asOf} (default: the latest data less the horizon), judged by what they did in
 * the {@code horizonMonths} after (default 6, at most 24). {@code challenger: true} tests the named challenger
 * beside the live rules instead of a change. {@code store}: of one store's customers only.
 */
public record BacktestRequest(@Size(max = 200) Map<String, String> files,
                              @Size(max = 200) List<String> deleted,
                              LocalDate asOf,
                              @Min(1) @Max(24) Integer horizonMonths,
                              @Min(1) @Max(10_000_000) Integer sample,
                              Boolean challenger,
                              @Size(max = 20) String store) {
    public static final int DEFAULT_HORIZON_MONTHS = 6;

    public BacktestRequest(Map<String, String> files, List<String> deleted, LocalDate asOf, Integer horizonMonths,
                           Integer sample, Boolean challenger) {
        this(files, deleted, asOf, horizonMonths, sample, challenger, null);
    }

    public RuleChange change() {
        return new RuleChange(files, deleted, null, null, null);
    }

    /** True when the request names a candidate, false for the live rules alone. */
    public boolean hasCandidate() {
        return !change().filesOrNone().isEmpty() || !change().deletedOrNone().isEmpty();
    }

    public int horizonOrDefault() {
        return horizonMonths == null ? DEFAULT_HORIZON_MONTHS : horizonMonths;
    }

    public int sampleOrDefault() {
        return sample == null ? ImpactRequest.DEFAULT_SAMPLE : sample;
    }
}
