package jipan.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import java.io.UncheckedIOException;
import jipan.JipanConfiguration;
import jipan.core.RuleCompilationException;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * A command that reads the configuration (and usually the store). Problems a user can act on — the store
 * locked or unreachable, a bad argument, rules that do not compile — are printed as their message, not as a
 * stack trace.
 */
abstract class StoreCommand extends ConfiguredCommand<JipanConfiguration> {

    StoreCommand(String name, String description) {
        super(name, description);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalStateException || e instanceof IllegalArgumentException
                || e instanceof UncheckedIOException || e instanceof RuleCompilationException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }
}
