package jipan.api;

import java.util.List;

/** The answer to a candidate rule set. */
public record RuleOutcome(boolean accepted, String version, String liveVersion, List<String> errors,
                          List<String> warnings) {
}
