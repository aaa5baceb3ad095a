package jipan.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import jipan.core.CompiledRules;
import jipan.core.RuleCompilationException;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Compiles a directory of rule files and lists every error and warning as {@code file:line:column message}.
 *
 * <pre>
 * java -jar service/target/jipan.jar validate-rules [RULES_DIR]      # default: rules
 * </pre>
 *
 * Exits 1 when a file does not compile.
 */
public class ValidateRulesCommand extends Command {

    public ValidateRulesCommand() {
        super("validate-rules", "Compiles the rule files of a directory and lists every error and warning");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("rules").nargs("?").setDefault("rules").metavar("RULES_DIR");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        RuleFiles files = RuleFiles.readDirectory(Path.of(namespace.getString("rules")));
        CompiledRules compiled = new RuleCompiler().compile(files);
        compiled.warnings().forEach(warning -> System.out.println("warning: " + warning));
        System.out.printf("rule set %s compiles: %d rules in %d files%n", compiled.version(),
                compiled.ruleNames().size(), files.files().size());
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof RuleCompilationException || e instanceof IllegalArgumentException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
