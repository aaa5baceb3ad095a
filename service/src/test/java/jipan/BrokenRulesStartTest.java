package jipan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import jipan.core.RuleCompilationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule file that does not compile stops the service from starting, naming every error's file and line. */
class BrokenRulesStartTest {

    @Test
    void theServiceDoesNotStartOnRulesThatDoNotCompile(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("ok.drl"), "package jipan.rules;\n\nimport jipan.core.facts.AsOf;\n\nrule \"fine\"\nwhen\n    AsOf()\nthen\nend\n");
        Files.writeString(rules.resolve("tiers.drl"),
                "package jipan.rules;\n\nimport jipan.core.facts.VisitStats;\n\nrule \"typo\"\nwhen\n"
                        + "    VisitStats( customerPayVisitz >= 4 )\nthen\nend\n");
        DropwizardTestSupport<JipanConfiguration> app = new DropwizardTestSupport<>(JipanApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                ConfigOverride.config("rules.directory", rules.toString()));
        try {
            assertThatThrownBy(app::before)
                    .isInstanceOf(RuleCompilationException.class)
                    .hasMessageContaining("tiers.drl:7:")
                    .hasMessageContaining("customerPayVisitz");
        } finally {
            app.after();
        }
    }
}
