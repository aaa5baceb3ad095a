package jipan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What a reviewer decides on, computed when the publish request was made (or brought up to date): the fixtures the
 * candidate passed with its rule coverage, the compiler's warnings, the impact on the stored customers and a backtest
 * of the candidate beside the live rules ({@code backtest} null with {@code backtestUnavailable} saying why, for
 * example when no horizon of data has passed yet).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestEvidence(Instant computedAt, String liveVersion, String candidateVersion,
                              FixtureTestReport fixtures, List<String> neverFiredNamesZh, Integer coveragePercent,
                              List<String> warnings, ImpactReport impact, BacktestReport backtest,
                              String backtestUnavailable) {

    public RequestEvidence withBacktestUnavailable(String why) {
        return new RequestEvidence(computedAt, liveVersion, candidateVersion, fixtures, neverFiredNamesZh,
                coveragePercent, warnings, impact, backtest, why);
    }
}
