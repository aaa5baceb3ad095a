package jipan.api;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A decision on a publish request: why ({@code comment}; required to reject) and, to approve for later, when it takes
 * effect ({@code effectiveAt}, with its offset, for example {@code 2027-01-01T00:00:00+08:00}): every instance then
 * swaps at that time.
 */
public record RequestDecision(@Size(max = 1_000) String comment, OffsetDateTime effectiveAt) {
}
