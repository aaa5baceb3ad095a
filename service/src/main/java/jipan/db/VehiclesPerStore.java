package jipan.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 31: a vehicle is a store's record, keyed by store and VIN, as a customer is a store's customer. A car
 * bought at one store of a group and serviced at another is in both stores' DMS exports: each store keeps its own
 * vehicle row (its own owner, model, purchase date) and its own repair orders, and the group links the two
 * store-customers by the VIN ({@code stores/shared}). Until now the VIN was the key of the whole group's vehicles and
 * the second store's rows were refused.
 *
 * <p>Repair orders carry their store too, so that a repair order finds its vehicle by store and VIN (a foreign key on
 * both) and the reports join the two without a detour through the customer; classified vehicles are keyed by run,
 * customer and VIN (a run of the whole group classifies each store's vehicle).
 *
 * <p>A Java migration because the constraints it replaces were named by each database (H2 and PostgreSQL name them
 * differently): their names are read from the connection's metadata.
 */
final class VehiclesPerStore extends JavaStep {
    VehiclesPerStore() {
        super("31", "vehicles and repair orders per store", 31_001);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("ALTER TABLE vehicle ADD COLUMN store VARCHAR(20) DEFAULT 'default' NOT NULL");
            sql.execute("UPDATE vehicle SET store = (SELECT c.store FROM customer c WHERE c.id = vehicle.customer_id)");
            sql.execute("ALTER TABLE visit ADD COLUMN store VARCHAR(20) DEFAULT 'default' NOT NULL");
            sql.execute("UPDATE visit SET store = (SELECT c.store FROM customer c WHERE c.id = visit.customer_id)");
            for (String foreignKey : foreignKeys(connection, "visit", "vehicle")) {
                sql.execute("ALTER TABLE visit DROP CONSTRAINT " + quoted(connection, foreignKey));
            }
            sql.execute("ALTER TABLE vehicle DROP CONSTRAINT " + quoted(connection, primaryKey(connection, "vehicle")));
            sql.execute("ALTER TABLE vehicle ADD PRIMARY KEY (store, vin)");
            sql.execute("ALTER TABLE visit ADD FOREIGN KEY (store, vin) REFERENCES vehicle (store, vin)");
            // the group's view finds the stores that share a car by its VIN alone
            sql.execute("CREATE INDEX vehicle_by_vin ON vehicle (vin)");
            sql.execute("ALTER TABLE classification_vehicle DROP CONSTRAINT "
                    + quoted(connection, primaryKey(connection, "classification_vehicle")));
            sql.execute("ALTER TABLE classification_vehicle ADD PRIMARY KEY (run_id, customer_id, vin)");
        }
    }

    /** The names of the foreign keys from {@code table} to {@code referenced}. */
    private static Set<String> foreignKeys(Connection connection, String table, String referenced) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Set<String> names = new LinkedHashSet<>();
        try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), name(meta, table))) {
            while (keys.next()) {
                if (keys.getString("PKTABLE_NAME").equalsIgnoreCase(referenced)) {
                    names.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (names.isEmpty()) {
            throw new SQLException("no foreign key from " + table + " to " + referenced + " to replace");
        }
        return names;
    }

    private static String primaryKey(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet keys = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), name(meta, table))) {
            if (keys.next() && keys.getString("PK_NAME") != null) {
                return keys.getString("PK_NAME");
            }
        }
        throw new SQLException("no primary key of " + table + " to replace");
    }

    /** A table's name as the database stores unquoted names (H2 in capitals, PostgreSQL in small letters). */
    private static String name(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(java.util.Locale.ROOT) : table;
    }

    private static String quoted(Connection connection, String name) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString();
        return quote + name.replace(quote, quote + quote) + quote;
    }
}
