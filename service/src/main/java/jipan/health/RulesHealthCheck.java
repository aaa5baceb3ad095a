package jipan.health;

import com.codahale.metrics.health.HealthCheck;
import jipan.api.RuleRefusal;
import jipan.core.Classifier;
import jipan.lifecycle.LiveRules;

/** Healthy when a compiled rule set serves the classifier; says which version and how many rules. */
public class RulesHealthCheck extends HealthCheck {
    private final LiveRules rules;

    public RulesHealthCheck(LiveRules rules) {
        this.rules = rules;
    }

    @Override
    protected Result check() {
        Classifier classifier = rules.current();
        RuleRefusal refusal = rules.lastRefusal();
        int count = classifier.rules().ruleNames().size();
        if (count == 0) {
            return Result.unhealthy("the rule set " + classifier.rulesetVersion() + " has no rules");
        }
        RuleRefusal outOfService = rules.takenOutOfService();
        if (outOfService != null) {
            // red until a new rule set goes live: someone must look at the rules that did not settle
            return Result.builder().unhealthy()
                    .withMessage("rule set %s was taken out of service at %s (a customer's run did not settle; "
                            + "details in /api/v1/rules/status); %s is live", outOfService.candidateVersion(),
                            outOfService.at(), classifier.rulesetVersion())
                    .withDetail("rulesetVersion", classifier.rulesetVersion())
                    .build();
        }
        return Result.builder().healthy()
                .withMessage("rule set %s: %d rules", classifier.rulesetVersion(), count)
                .withDetail("rulesetVersion", classifier.rulesetVersion())
                .withDetail("rules", count)
                .withDetail("liveSince", rules.liveSince().toString())
                // a summary only: the reasons quote the candidate's rules, which only an analyst may read
                .withDetail("lastRefusal", refusal == null ? "none" : refusal.at() + " " + refusal.candidateVersion()
                        + ": " + refusal.reasons().size() + " problem(s), listed in /api/v1/rules/status")
                .build();
    }
}
