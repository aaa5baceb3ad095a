package jipan.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.file.Path;
import java.time.LocalDate;
import jipan.JipanConfiguration;
import jipan.api.ImpactReport;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.lifecycle.RuleImpact;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Previews what candidate rule files would change on the stored customers, against the configured rules.
 *
 * <pre>
 * java -jar service/target/jipan.jar impact --candidate my-rules --as-of 2012-09-30 [--sample 20000] config/jipan.yml
 * </pre>
 *
 * Prints, for tier, churn, base grade and loyalty level, how many customers move from each value to each
 * other (changes first), with example customer ids.
 */
public class ImpactCommand extends StoreCommand {

    public ImpactCommand() {
        super("impact", "Previews what candidate rule files would change on the stored customers");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--candidate").dest("candidate").required(true).metavar("RULES_DIR");
        subparser.addArgument("--as-of").dest("asOf").required(true).metavar("YYYY-MM-DD");
        subparser.addArgument("--sample").dest("sample").type(Integer.class).setDefault(20_000);
        subparser.addArgument("--rules").dest("rules").metavar("RULES_DIR")
                .help("compare with these rule files instead of the store's active version");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration)
            throws Exception {
        try (Database database = openStore(configuration, false)) {
            Classifier live = liveRules(configuration, database, namespace.getString("rules"));
            Classifier candidate = live.withRules(new RuleCompiler().compile(
                    RuleFiles.readDirectory(Path.of(namespace.getString("candidate")))));
            ImpactReport report = new RuleImpact(new CustomerStore(database.jdbi())).compare(live, candidate,
                    date(namespace, "asOf"), namespace.getInt("sample"));
            System.out.println(bootstrap.getObjectMapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(report));
        }
    }
}
