package jipan.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jipan.api.BacktestReport;
import jipan.api.FixtureTestReport;
import jipan.api.ImpactReport;
import jipan.api.RequestEvidence;
import jipan.api.BacktestRequest;
import jipan.core.Classifier;
import jipan.core.Lang;
import jipan.core.scenarios.FixtureReport;
import jipan.evidence.Backtests;
import jipan.lifecycle.RuleImpact;
import jipan.lifecycle.RulePublisher;
import jipan.reports.ReportParameterException;

/**
 * The evidence a publish request carries, computed once when it is made: the gate's fixture report and coverage, the
 * impact on the first {@code sample} stored customers and a backtest on as many, beside the live rules.
 */
public final class RequestEvidenceMaker {
    private final RuleImpact impact;
    private final Backtests backtests;
    private final int sample;

    public RequestEvidenceMaker(RuleImpact impact, Backtests backtests, int sample) {
        this.impact = impact;
        this.backtests = backtests;
        this.sample = sample;
    }

    RequestEvidence make(RulePublisher.Checked checked, Classifier live, String author) {
        Classifier candidate = checked.classifier();
        FixtureReport report = checked.report();
        FixtureTestReport fixtures = null;
        List<String> neverFiredZh = null;
        Integer coverage = null;
        if (report != null) {
            fixtures = new FixtureTestReport(candidate.rulesetVersion(), report.passed(), report.failed(),
                    report.outcomes().stream().map(o -> new FixtureTestReport.Outcome(o.name(), o.passed(),
                            o.differences())).toList(), report.ruleCount(), report.neverFired(),
                    report.neverFired().stream().map(rule -> candidate.rules().texts().name(rule, Lang.EN)).toList());
            neverFiredZh = report.neverFired().stream().map(rule -> candidate.rules().texts().name(rule, Lang.ZH))
                    .toList();
            coverage = report.coveragePercent();
        }
        // as of the latest data: what the change does to the customers as the store knows them now
        ImpactReport impacted = impact.compare(live, candidate, backtests.latestData().orElse(LocalDate.now()), sample);
        BacktestReport backtest = null;
        String unavailable = null;
        try {
            backtest = backtests.run(live, candidate, null, BacktestRequest.DEFAULT_HORIZON_MONTHS, sample, author,
                    done -> { });
        } catch (ReportParameterException e) {
            unavailable = e.getMessage();
        }
        return new RequestEvidence(Instant.now(), live.rulesetVersion(), candidate.rulesetVersion(), fixtures,
                neverFiredZh, coverage, checked.warnings(), impacted, backtest, unavailable);
    }
}
