package jipan.core;

import java.util.Map;

import java.time.LocalDate;

/**
 * A classification run made outside the service (the Spark job, docs/spark.md), as a directory: {@link #MANIFEST}
 * says what it is, and the files named {@code part-*} hold one {@link Classification} as JSON per line. The
 * service's {@code store-run} command stores such a directory as a run of its store.
 */
public record RunResults(LocalDate asOf, String rulesetVersion, long customers, Map<String, RuleTexts.Texts> texts) {
    /** {@code texts}: what each rule says in Chinese and English, for reading the answers (none in older manifests). */
    public RunResults {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }

    /** The file of the directory that holds this record as JSON. */
    public static final String MANIFEST = "run.json";
    /** The prefix of the files that hold the results, one JSON object per line. */
    public static final String PART_PREFIX = "part-";
}
