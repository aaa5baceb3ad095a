package jipan.cli;

import io.dropwizard.core.setup.Bootstrap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.ExecutorService;
import jipan.JipanConfiguration;
import jipan.admin.ServiceMetrics;
import jipan.concurrent.NamedThreads;
import jipan.db.CustomerStore;
import jipan.db.Database;
import jipan.imports.ImportJobs;
import jipan.nightly.NightlyPipeline;
import jipan.runs.ClassificationRuns;
import jipan.stores.Stores;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code nightly [--night YYYY-MM-DD] [--store CODE] CONFIG}: runs a night of the nightly pipeline now — each store's
 * inbox imported, its customers classified as of the night, its call lists made — as the service does at the
 * configured time, and on the same terms: a store's night runs once, whoever runs it.
 */
public class NightlyCommand extends StoreCommand {

    public NightlyCommand() {
        super("nightly", "Run a night of the nightly pipeline now (import each store's inbox, classify, call lists)");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--night").dest("night").metavar("YYYY-MM-DD")
                .help("the night (default: today in nightly.timeZone)");
        subparser.addArgument("--store").dest("store").metavar("CODE").help("one store only (default: every store)");
        subparser.addArgument("--threads").dest("threads").type(Integer.class)
                .setDefault(Runtime.getRuntime().availableProcessors()).help("threads that classify");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration) {
        Stores stores = configuration.buildStores();
        if (namespace.getString("store") != null) {
            stores.check("--store", namespace.getString("store"));
        }
        LocalDate night = namespace.getString("night") == null
                ? ZonedDateTime.now(configuration.getNightly().zone()).toLocalDate() : date(namespace, "night");
        ExecutorService importer = NamedThreads.daemon("nightly-imports").single();
        long started = System.nanoTime();
        try (Database database = openStore(configuration, true)) {
            CustomerStore store = new CustomerStore(database);
            ClassificationRuns runs = runs(bootstrap, configuration, database, store, null, namespace.getInt("threads"));
            ImportJobs imports = new ImportJobs(configuration.getImports().importer(database.jdbi()), importer,
                    database.jdbi(), bootstrap.getObjectMapper());
            jipan.db.WorkOwner owner = configuration.getWork().owner();
            imports.owner(owner);
            runs.owner(owner);
            // this process says it is alive, like a service: a long night is not taken over by an instance
            jipan.db.WorkHeartbeat heartbeat = new jipan.db.WorkHeartbeat(database.jdbi(), owner);
            heartbeat.start();
            try {
                NightlyPipeline pipeline = new NightlyPipeline(configuration.getNightly(), stores, database.jdbi(),
                        imports, runs, owner, bootstrap.getObjectMapper(), ServiceMetrics.NONE, Clock.systemUTC());
                pipeline.runNow(night, namespace.getString("store")).forEach(System.out::println);
            } finally {
                heartbeat.stop();
            }
        } finally {
            NamedThreads.close(importer, java.time.Duration.ofSeconds(5));
        }
        System.out.printf("night %s in %.1f s%n", night, (System.nanoTime() - started) / 1e9);
    }
}
