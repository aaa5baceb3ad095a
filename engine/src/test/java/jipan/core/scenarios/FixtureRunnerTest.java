package jipan.core.scenarios;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureRunnerTest {
    private final FixtureRunner runner = new FixtureRunner(new Classifier(
            jipan.ShippedRules.compiled(), 10_000));
    private final FixtureReport report = runner.runAll(
            new FixtureLoader().load(Path.of("src/test/resources/failing-fixtures")));

    @Test
    void aBrokenExpectationFailsFieldByField() {
        FixtureOutcome wrongTier = outcome("wrong-tier.yml");

        assertThat(wrongTier.passed()).isFalse();
        assertThat(wrongTier.differences()).containsExactly(
                "C1.tier: expected \"A\", got \"C\"",
                "C1.churn: expected \"ACTIVE\", got \"AT_RISK\"",
                "C9: no such customer in the request");
    }

    @Test
    void aFileThatIsNotYamlFailsWithoutStoppingTheOthers() {
        assertThat(outcome("not-a-fixture.yml").differences()).singleElement()
                .asString().startsWith("not valid YAML");
        assertThat(outcome("passing.yml").passed()).isTrue();
    }

    @Test
    void theReportEndsWithTheCountsAndListsRulesNeverFired() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("FAIL wrong-tier.yml\n     C1.tier: expected \"A\", got \"C\"");
        assertThat(text).contains("never fired: \"Tier A: frequent customer-pay visitor\"");
        assertThat(text.strip()).endsWith("1 passed, 2 failed");
    }

    @Test
    void writesJUnitXml(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("reports/fixtures.xml");

        report.writeJUnitXml(xml);

        assertThat(Files.readString(xml))
                .contains("<testsuite name=\"jipan fixtures\" tests=\"3\" failures=\"2\"")
                .contains("<testcase classname=\"fixtures\" name=\"passing.yml\"/>")
                .contains("C1.tier: expected &quot;A&quot;, got &quot;C&quot;");
    }

    private FixtureOutcome outcome(String name) {
        return report.outcomes().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }
}
