package jipan.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import jipan.TestRequests;
import jipan.admin.ServiceMetrics;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.CustomerFactsReader;
import jipan.lifecycle.LiveRules;
import org.junit.jupiter.api.Test;

/** The start-up warm-up answers made-up requests through the classify endpoint's own path, and never stops a start. */
class ClassifyWarmUpTest {
    private static final CompiledRules RULES = jipan.ShippedRules.compiled();

    private static ClassifyResource endpoint(int maxFiringsPerCustomer) {
        return new ClassifyResource(new LiveRules(new Classifier(RULES, maxFiringsPerCustomer)), new CustomerFactsReader(), new BatchLimit(10), ServiceMetrics.NONE);
    }

    @Test
    void answersAsManyRequestsAsConfiguredWithTheLiveRules() {
        assertThat(new ClassifyWarmUp(endpoint(Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER), TestRequests.JSON, 2_500)
                .warm()).as("more than the distinct made-up customers: it goes round them").isEqualTo(2_500);
    }

    @Test
    void rulesThatFailStopTheWarmUpButNotTheStart() {
        // one firing allowed per customer: every answer is refused as a runaway
        ClassifyWarmUp warmUp = new ClassifyWarmUp(endpoint(1), TestRequests.JSON, 100);
        assertThat(warmUp.warm()).isZero();
        warmUp.start();
    }
}
