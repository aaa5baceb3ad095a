package jipan.core.scenarios;

import java.util.List;
import java.util.Set;

/** How one fixture went: the differences found (none means it passed) and the rules it fired. */
public record FixtureOutcome(String name, List<String> differences, Set<String> firedRules) {
    public boolean passed() {
        return differences.isEmpty();
    }
}
