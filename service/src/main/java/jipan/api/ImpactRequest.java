package jipan.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/v1/rules/impact} compares: candidate {@code files} / {@code deleted} (as in
 * {@link RuleChange}) against the live rules, for up to {@code sample} stored customers (default 20,000)
 * classified as of {@code asOf}; {@code store}: of one store's customers only.
 */
public record ImpactRequest(@Size(max = 200) Map<String, String> files,
                            @Size(max = 200) List<String> deleted,
                            @NotNull LocalDate asOf,
                            @Min(1) @Max(10_000_000) Integer sample,
                            @Size(max = 20) String store) {
    public ImpactRequest(Map<String, String> files, List<String> deleted, LocalDate asOf, Integer sample) {
        this(files, deleted, asOf, sample, null);
    }

    public static final int DEFAULT_SAMPLE = 20_000;

    public RuleChange change() {
        return new RuleChange(files, deleted, null, null, null);
    }

    public int sampleOrDefault() {
        return sample == null ? DEFAULT_SAMPLE : sample;
    }
}
