package jipan.api;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A change to the live rule set, as {@code validate}, {@code test} and {@code publish} take it: {@code files}
 * adds or replaces rule files (name → DRL text), {@code deleted} removes rule files, every other file is the
 * live one's. {@code fixtures} / {@code deletedFixtures} do the same to the fixture set the candidate must pass
 * (path → YAML text). {@code comment} says why (kept with the version when published).
 */
public record RuleChange(@Size(max = 200) Map<String, String> files,
                         @Size(max = 200) List<String> deleted,
                         @Size(max = 2_000) Map<String, String> fixtures,
                         @Size(max = 2_000) List<String> deletedFixtures,
                         @Size(max = 1_000) String comment) {

    public Map<String, String> filesOrNone() {
        return files == null ? Map.of() : files;
    }

    public List<String> deletedOrNone() {
        return deleted == null ? List.of() : deleted;
    }

    /** Whether the change touches the fixtures at all. */
    public boolean changesFixtures() {
        return fixtures != null || deletedFixtures != null;
    }
}
