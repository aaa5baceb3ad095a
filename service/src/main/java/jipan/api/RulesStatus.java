package jipan.api;

import java.time.Instant;

/**
 * Which rule set is live and since when; the last refused candidate and whether a later rule set has since
 * superseded that refusal; a live rule set taken out of service (it did not settle for a customer); whether a change
 * needs another person's approval ({@code approval}: required or optional) and how many publish requests wait.
 */
public record RulesStatus(String liveVersion, int rules, Instant liveSince, RuleRefusal lastRefusal,
                          boolean lastRefusalSuperseded, RuleRefusal takenOutOfService, String approval,
                          int pendingRequests) {
}
