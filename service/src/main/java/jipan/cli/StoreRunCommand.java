package jipan.cli;

import jipan.core.RuleTexts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.nio.file.Path;
import jipan.JipanConfiguration;
import jipan.core.RunResults;
import jipan.db.ClassificationRunRow;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.runs.ClassificationRuns;
import jipan.runs.RunResultsFiles;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Stores a classification run made elsewhere — the Spark job's {@code --run-out} directory (docs/spark.md) —
 * as a run of the store, so the service's reports, tier migration and call lists use it like a run of
 * {@code classify-all}.
 *
 * <pre>
 * java -jar service/target/jipan.jar store-run data/spark-run config/jipan.yml
 * </pre>
 */
public class StoreRunCommand extends StoreCommand {

    public StoreRunCommand() {
        super("store-run", "Stores a classification run made elsewhere (the Spark job's --run-out directory)");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("results").metavar("RESULTS_DIR")
                .help("a directory with " + RunResults.MANIFEST + " and " + RunResults.PART_PREFIX + "* files of results");
        subparser.addArgument("--store").dest("store").metavar("CODE")
                .help("the results are one store's (the Spark job's --store): the run is that store's");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration)
            throws IOException {
        ObjectMapper json = bootstrap.getObjectMapper();
        RunResultsFiles results = RunResultsFiles.open(Path.of(namespace.getString("results")), json);
        RunResults run = results.manifest();
        try (Database database = openStore(configuration, true)) {
            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), new CustomerStore(database.jdbi()), null,
                    json, ClassificationRuns.DEFAULT_PAGE_SIZE, 1);
            long start = System.nanoTime();
            Progress progress = new Progress(Math.max(1, run.customers()));
            String store = namespace.getString("store") == null ? null
                    : configuration.buildStores().check("--store", namespace.getString("store")).code();
            ClassificationRunRow stored = runs.store(run.asOf(), run.rulesetVersion(), RuleTexts.of(run.texts()), (int) run.customers(),
                    results.results(), store, progress::update);
            progress.finish();
            System.out.printf("run %d %s: %d of %d customers as of %s with rule set %s, stored in %.1f s%s%n", stored.id(),
                    stored.status(), stored.customersDone(), stored.customersTotal(), stored.asOf(), stored.rulesetVersion(),
                    (System.nanoTime() - start) / 1e9, stored.error() == null ? "" : "; " + stored.error());
            if (!stored.status().equals("DONE")) {
                throw new IllegalStateException("run " + stored.id() + " " + stored.status() + ": " + stored.error());
            }
        }
    }
}
