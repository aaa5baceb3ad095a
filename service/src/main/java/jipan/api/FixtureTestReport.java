package jipan.api;

import java.util.List;
import java.util.SortedSet;

/**
 * The fixtures run against a candidate rule set, as {@code test-rules} prints them: passed and failed counts,
 * each fixture's differences, how many rules the set has and which never fired (rule coverage): by name, and by
 * display name in the language asked for ({@code neverFiredNames}).
 */
public record FixtureTestReport(String candidateVersion, long passed, long failed, List<Outcome> fixtures, int rules,
                                SortedSet<String> neverFired, List<String> neverFiredNames) {

    /** One fixture's result: what differed from what it expects (empty when it passed). */
    public record Outcome(String name, boolean passed, List<String> differences) {
    }
}
