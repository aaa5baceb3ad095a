package jipan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar jipan.jar test-rules …} as an analyst runs it, through Dropwizard's command line. */
class TestRulesCommandTest {
    @RegisterExtension
    final CommandLine cli = new CommandLine();

    @Test
    void theShippedFixturesPassOnTheShippedRules() throws Exception {
        Optional<Throwable> error = cli.run("test-rules", "--rules", "../rules", "../fixtures");

        assertThat(error).isEmpty();
        assertThat(cli.out()).contains("rule coverage: ").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void aFailingFixtureFailsTheCommandWithItsDiffAndWritesJUnitXml(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("fixtures.xml");

        Optional<Throwable> error = cli.run("test-rules", "--rules", "../rules", "--junit-xml", xml.toString(),
                "../engine/src/test/resources/failing-fixtures");

        assertThat(error).isPresent();
        assertThat(cli.out()).contains("FAIL wrong-tier.yml", "C1.tier: expected \"A\", got \"C\"", "1 passed, 2 failed");
        assertThat(cli.err()).contains("2 of 3 fixtures failed");
        assertThat(Files.readString(xml)).contains("failures=\"2\"");
    }

    @Test
    void aRuleFileThatDoesNotCompileIsReportedWithFileAndLine(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("broken.drl"), "package jipan.rules;\n\nrule \"half written\"\nwhen\n    Visit( \nthen\nend\n");

        Optional<Throwable> error = cli.run("test-rules", "--rules", rules.toString(), "../fixtures");

        assertThat(error).isPresent();
        assertThat(cli.err()).containsPattern("broken\\.drl:\\d+:\\d+ ");
    }

}
