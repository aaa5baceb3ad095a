package jipan.core.scenarios;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The QA fixtures of the repository's fixtures/ against its rules/, one test per fixture file. */
class FixturesTest {
    private static final Path RULES = Path.of("../rules");
    private static final Path FIXTURES = Path.of("../fixtures");

    private static final FixtureRunner RUNNER = new FixtureRunner(new Classifier(
            new RuleCompiler().compile(RuleFiles.readDirectory(RULES)), Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER));

    @TestFactory
    Stream<DynamicTest> everyFixturePasses() {
        return new FixtureLoader().load(FIXTURES).stream().map(fixture -> DynamicTest.dynamicTest(fixture.name(),
                () -> assertThat(RUNNER.run(fixture).differences()).as(fixture.name()).isEmpty()));
    }

    @Test
    void everyShippedRuleIsFiredBySomeFixture() {
        List<Fixture> fixtures = new FixtureLoader().load(FIXTURES);

        FixtureReport report = RUNNER.runAll(fixtures);

        assertThat(report.neverFired()).as("rules no fixture fires").isEmpty();
        assertThat(report.outcomes()).hasSizeGreaterThanOrEqualTo(9);
    }
}
