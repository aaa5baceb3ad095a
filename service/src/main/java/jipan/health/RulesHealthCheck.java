package jipan.health;

import com.codahale.metrics.health.HealthCheck;
import jipan.core.Classifier;

/** Healthy when a compiled rule set serves the classifier; says which version and how many rules. */
public class RulesHealthCheck extends HealthCheck {
    private final Classifier classifier;

    public RulesHealthCheck(Classifier classifier) {
        this.classifier = classifier;
    }

    @Override
    protected Result check() {
        int rules = classifier.rules().ruleNames().size();
        if (rules == 0) {
            return Result.unhealthy("the rule set " + classifier.rulesetVersion() + " has no rules");
        }
        return Result.builder().healthy()
                .withMessage("rule set %s: %d rules", classifier.rulesetVersion(), rules)
                .withDetail("rulesetVersion", classifier.rulesetVersion())
                .withDetail("rules", rules)
                .build();
    }
}
