package jipan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import jipan.core.HostileCorpus;
import jipan.core.RuleCompilationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule file that does not compile stops the service from starting, naming every error's file and line. */
class BrokenRulesStartTest {

    private static DropwizardTestSupport<JipanConfiguration> app(Path rules) {
        return new DropwizardTestSupport<>(JipanApplication.class, ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("rules.directory", rules.toString()),
                // a store of its own, with no rule version yet: the directory is all there is
                ConfigOverride.config("database.url", "jdbc:h2:mem:broken-" + rules.getFileName() + ";DB_CLOSE_DELAY=-1"));
    }

    @Test
    void theServiceDoesNotStartOnRulesThatDoNotCompile(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("ok.drl"), "package jipan.rules;\n\nimport jipan.core.facts.AsOf;\n\nrule \"fine\"\nwhen\n    AsOf()\nthen\nend\n");
        Files.writeString(rules.resolve("tiers.drl"),
                "package jipan.rules;\n\nimport jipan.core.facts.VisitStats;\n\nrule \"typo\"\nwhen\n"
                        + "    VisitStats( customerPayVisitz >= 4 )\nthen\nend\n");
        DropwizardTestSupport<JipanConfiguration> app = app(rules);
        try {
            assertThatThrownBy(app::before)
                    .isInstanceOf(RuleCompilationException.class)
                    .hasMessageContaining("tiers.drl:7:")
                    .hasMessageContaining("customerPayVisitz");
        } finally {
            app.after();
        }
    }

    @Test
    void theServiceDoesNotStartOnHostileRulesAndNoneOfThemRuns(@TempDir Path rules) throws Exception {
        HostileCorpus.remember();
        Files.writeString(rules.resolve("ok.drl"), "package jipan.rules;\n\nimport jipan.core.facts.AsOf;\n\nrule \"fine\"\nwhen\n    AsOf()\nthen\nend\n");
        // an eval() condition runs when the rule base is built: the start must refuse it before that
        Files.copy(HostileCorpus.DIRECTORY.resolve("72-eval-condition.drl"), rules.resolve("evil.drl"));
        DropwizardTestSupport<JipanConfiguration> app = app(rules);
        try {
            assertThatThrownBy(app::before)
                    .isInstanceOf(RuleCompilationException.class)
                    .hasMessageContaining("evil.drl:8:18 in rule 'eval runs when the rule base is built': rules may "
                            + "not reach the system");
        } finally {
            app.after();
        }
        HostileCorpus.assertNothingRan();
    }
}
