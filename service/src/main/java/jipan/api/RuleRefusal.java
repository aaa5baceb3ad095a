package jipan.api;

import java.time.Instant;
import java.util.List;

/** Why the last candidate was refused, and when. */
public record RuleRefusal(Instant at, String candidateVersion, List<String> reasons) {
}
