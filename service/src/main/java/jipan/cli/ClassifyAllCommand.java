package jipan.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.time.LocalDate;
import jipan.JipanConfiguration;
import jipan.db.ClassificationRunRow;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.runs.ClassificationRuns;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * Classifies every stored customer with the live rules and stores the results as a run.
 *
 * <pre>
 * java -jar service/target/jipan.jar classify-all --as-of 2012-09-30 config/jipan.yml
 * java -jar service/target/jipan.jar classify-all --resume 7 config/jipan.yml     # continue a stopped run
 * </pre>
 *
 * Prints progress as it goes and the run's id, status and rate at the end.
 */
public class ClassifyAllCommand extends StoreCommand {

    public ClassifyAllCommand() {
        super("classify-all", "Classifies every stored customer as of a date and stores the run");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--as-of").dest("asOf").metavar("YYYY-MM-DD").help("the date to classify as of");
        subparser.addArgument("--rules").dest("rules").metavar("RULES_DIR")
                .help("classify with these rule files instead of the store's active version");
        subparser.addArgument("--resume").dest("resume").type(Long.class).metavar("RUN_ID")
                .help("continue a FAILED or INTERRUPTED run after the last customer it stored");
        subparser.addArgument("--threads").dest("threads").type(Integer.class).metavar("N")
                .setDefault(Runtime.getRuntime().availableProcessors())
                .help("threads classifying each page while the next is read and the last written (default: "
                        + "the machine's cores)");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration) {
        try (Database database = openStore(configuration, true)) {
            int threads = namespace.getInt("threads");
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("--threads: 1 to 256 (got " + threads + ")");
            }
            ClassificationRuns runs = runs(bootstrap, configuration, database, new CustomerStore(database.jdbi()),
                    namespace.getString("rules"), threads);
            long runId;
            if (namespace.get("resume") != null) {
                runId = namespace.getLong("resume");
            } else if (namespace.getString("asOf") != null) {
                runId = runs.create(date(namespace, "asOf")).id();
            } else {
                throw new IllegalArgumentException("give --as-of YYYY-MM-DD, or --resume RUN_ID");
            }
            ClassificationRunRow run = runs.find(runId);
            System.out.printf("run %d: %d customers as of %s with rule set %s%n", runId, run.customersTotal(),
                    run.asOf(), run.rulesetVersion());
            long start = System.nanoTime();
            Progress progress = new Progress(run.customersTotal());
            ClassificationRunRow finished = runs.execute(runId, progress::update);
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.finish();
            System.out.printf("run %d %s: %d of %d customers in %.1f s (%.0f customers/s)%s%n", runId,
                    finished.status(), finished.customersDone(), finished.customersTotal(), seconds,
                    (finished.customersDone() - run.customersDone()) / Math.max(seconds, 1e-9),
                    finished.error() == null ? "" : "; " + finished.error());
            if (!finished.status().equals("DONE")) {
                throw new IllegalStateException("run " + runId + " " + finished.status()
                        + ": resume it with classify-all --resume " + runId);
            }
        }
    }
}
