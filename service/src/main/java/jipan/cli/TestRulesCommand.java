package jipan.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import jipan.core.Classifier;
import jipan.core.CompiledRules;
import jipan.core.RuleCompilationException;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.scenarios.FixtureLoader;
import jipan.core.scenarios.FixtureReport;
import jipan.core.scenarios.FixtureRunner;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Checks rule files against the QA fixtures, without starting the service or building Java.
 *
 * <pre>
 * java -jar service/target/jipan.jar test-rules [--rules DIR] [--junit-xml FILE] [FIXTURES_DIR]
 * </pre>
 *
 * Prints PASS or FAIL per fixture with a field-by-field diff, the rules no fixture fired, and a closing line
 * {@code N passed, M failed}. Exits 1 when a fixture fails or the rules do not compile. Defaults:
 * {@code --rules rules}, fixtures {@code fixtures}.
 */
public class TestRulesCommand extends Command {

    public TestRulesCommand() {
        super("test-rules", "Runs the QA fixtures against the rule files and reports pass/fail and rule coverage");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--rules").dest("rules").setDefault("rules").metavar("DIR")
                .help("directory of the .drl rule files (default: rules)");
        subparser.addArgument("--junit-xml").dest("junitXml").metavar("FILE")
                .help("also write the results as JUnit XML to FILE");
        subparser.addArgument("fixtures").nargs("?").setDefault("fixtures").metavar("FIXTURES_DIR")
                .help("directory of the .yml fixtures, searched recursively (default: fixtures)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        CompiledRules rules = new RuleCompiler().compile(RuleFiles.readDirectory(Path.of(namespace.getString("rules"))));
        FixtureRunner runner = new FixtureRunner(new Classifier(rules, Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER));
        FixtureReport report = runner.runAll(new FixtureLoader().load(Path.of(namespace.getString("fixtures"))));
        System.out.println("rule set " + rules.version() + " from " + namespace.getString("rules"));
        report.print(System.out);
        String junitXml = namespace.getString("junitXml");
        if (junitXml != null) {
            report.writeJUnitXml(Path.of(junitXml));
            System.out.println("JUnit XML written to " + junitXml);
        }
        if (report.failed() > 0) {
            throw new FixturesFailedException(report.failed() + " of " + report.outcomes().size() + " fixtures failed");
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        // the report, or the compile errors with file:line:column, say it all: no stack trace for analysts
        if (e instanceof FixturesFailedException || e instanceof RuleCompilationException
                || e instanceof IllegalArgumentException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    /** Signals failed fixtures, so the command exits non-zero. */
    static final class FixturesFailedException extends Exception {
        FixturesFailedException(String message) {
            super(message);
        }
    }
}
