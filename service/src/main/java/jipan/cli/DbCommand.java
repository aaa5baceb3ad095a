package jipan.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import jipan.JipanConfiguration;
import jipan.db.Database;
import jipan.db.StoreCompaction;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * The customer store's schema.
 *
 * <pre>
 * java -jar service/target/jipan.jar db migrate config/jipan.yml   # apply pending migrations
 * java -jar service/target/jipan.jar db status config/jipan.yml    # say which version the database is at
 * java -jar service/target/jipan.jar db compact config/jipan.yml   # shrink the embedded H2 file (service stopped)
 * </pre>
 */
public class DbCommand extends StoreCommand {

    public DbCommand() {
        super("db", "Migrates the customer store's schema (db migrate), shows its version (db status) or shrinks "
                + "the embedded H2 file to what it holds (db compact, with the service stopped)");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate", "status", "compact").help("migrate, status or compact");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration) {
        if (namespace.getString("action").equals("compact")) {
            System.out.println(StoreCompaction.compact(configuration.getDatabase()));
            return;
        }
        try (Database database = openStore(configuration, false)) {
            if (namespace.getString("action").equals("migrate")) {
                int applied = database.migrate();
                System.out.println("applied " + applied + " migration(s); " + configuration.getDatabase().getUrl()
                        + " is at schema version " + database.schemaVersion());
            } else {
                System.out.println(configuration.getDatabase().getUrl() + " is at schema version "
                        + database.schemaVersion());
            }
        }
    }
}
