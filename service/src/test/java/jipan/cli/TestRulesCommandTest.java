package jipan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jipan.JipanApplication;
import jipan.JipanConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar jipan.jar test-rules …} as an analyst runs it, through Dropwizard's command line. */
class TestRulesCommandTest {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private Cli cli;

    @BeforeEach
    void setUp() {
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        JipanApplication application = new JipanApplication();
        Bootstrap<JipanConfiguration> bootstrap = new Bootstrap<>(application);
        application.initialize(bootstrap);
        cli = new Cli(new JarLocation(getClass()), bootstrap, System.out,
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(originalOut);
    }

    @Test
    void theShippedFixturesPassOnTheShippedRules() throws Exception {
        Optional<Throwable> error = cli.run("test-rules", "--rules", "../rules", "../fixtures");

        assertThat(error).isEmpty();
        assertThat(out()).contains("rule coverage: ").containsPattern("(?m)^\\d+ passed, 0 failed$");
    }

    @Test
    void aFailingFixtureFailsTheCommandWithItsDiffAndWritesJUnitXml(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("fixtures.xml");

        Optional<Throwable> error = cli.run("test-rules", "--rules", "../rules", "--junit-xml", xml.toString(),
                "../engine/src/test/resources/failing-fixtures");

        assertThat(error).isPresent();
        assertThat(out()).contains("FAIL wrong-tier.yml", "C1.tier: expected \"A\", got \"C\"", "1 passed, 2 failed");
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("2 of 3 fixtures failed");
        assertThat(Files.readString(xml)).contains("failures=\"2\"");
    }

    @Test
    void aRuleFileThatDoesNotCompileIsReportedWithFileAndLine(@TempDir Path rules) throws Exception {
        Files.writeString(rules.resolve("broken.drl"), "package jipan.rules;\n\nrule \"half written\"\nwhen\n    Visit( \nthen\nend\n");

        Optional<Throwable> error = cli.run("test-rules", "--rules", rules.toString(), "../fixtures");

        assertThat(error).isPresent();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).containsPattern("broken\\.drl:\\d+:\\d+ ");
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
