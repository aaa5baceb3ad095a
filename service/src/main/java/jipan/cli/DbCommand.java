package jipan.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import jipan.JipanConfiguration;
import jipan.db.Database;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * The customer store's schema.
 *
 * <pre>
 * java -jar service/target/jipan.jar db migrate config/jipan.yml   # apply pending migrations
 * java -jar service/target/jipan.jar db status config/jipan.yml    # say which version the database is at
 * </pre>
 */
public class DbCommand extends StoreCommand {

    public DbCommand() {
        super("db", "Migrates the customer store's schema (db migrate) or shows its version (db status)");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate", "status").help("migrate or status");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<JipanConfiguration> bootstrap, Namespace namespace, JipanConfiguration configuration) {
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
