package jipan.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.lifecycle.Managed;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import jipan.stores.StoreScope;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The connection pool, the schema migrations and the Jdbi handle of the customer store. */
public final class Database implements Managed, AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final java.util.Map<StoreScope, Jdbi> scoped = new java.util.concurrent.ConcurrentHashMap<>();

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = jdbiFor(StoreScope.ALL);
    }

    /** A Jdbi whose statements read {@code <inStores>} as the scope's store filter (see {@link StoreScope#sql()}). */
    private Jdbi jdbiFor(StoreScope scope) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).define("inStores", scope.sql())
                .define("runStores", scope.runSql());
    }

    static {
        // H2's automatic mixed mode opens a TCP server for the other processes using the same file: only on
        // this machine's loopback, never on every interface (H2 reads this once, when it is first used)
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.getUrl());
        config.setUsername(settings.getUser());
        config.setPassword(settings.getPassword());
        config.setMaximumPoolSize(settings.getMaxPoolSize());
        config.setPoolName("jipan-store");
        HikariDataSource source;
        try {
            source = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new IllegalStateException(oneLine(settings, e), e);
        }
        Database database = new Database(source);
        if (settings.isMigrateOnStart()) {
            database.migrate();
        }
        return database;
    }

    /** What to do when the store cannot be opened, in one line instead of a driver's stack trace. */
    static String oneLine(DatabaseSettings settings, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        if (message.contains("already in use") || message.contains("locked")) {
            return "the database " + settings.getUrl() + " is in use by another process: add ;AUTO_SERVER=TRUE to "
                    + "database.url (the default) so the service and the commands can share it, or stop the other process";
        }
        return "cannot open the database " + settings.getUrl() + ": " + message;
    }

    /**
     * Applies pending migrations ({@code db/migration/V*.sql}, and {@link ResultCompression} and
     * {@link VehiclesPerStore}, which differ by database); returns how many were applied.
     */
    public int migrate() {
        MigrateResult result = flyway().migrate();
        return result.migrationsExecuted;
    }

    /** Applies the migrations up to {@code version} only: for a test that stores data as an older schema held it. */
    int migrateTo(String version) {
        return Flyway.configure().configuration(flyway().getConfiguration()).target(version).load().migrate()
                .migrationsExecuted;
    }

    /**
     * The schema version, read from Flyway's history table with one query (no Flyway set-up, which logs
     * several lines each time): what the health check reports every few seconds.
     */
    public String appliedSchemaVersion() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                SELECT "version" FROM "flyway_schema_history" WHERE "success" AND "version" IS NOT NULL
                ORDER BY "installed_rank" DESC LIMIT 1
                """).mapTo(String.class).findOne().orElse(null));
    }

    /** The schema version the database is at, or null before the first migration. */
    public String schemaVersion() {
        var current = flyway().info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new ResultCompression(), new VehiclesPerStore()).load();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * The Jdbi of a store scope: the same pool, with {@code <inStores>} limited to the scope's stores. One is kept per
     * scope (a group has few stores, and keys name fixed sets of them).
     */
    public Jdbi jdbi(StoreScope scope) {
        return scope.isAll() ? jdbi : scoped.computeIfAbsent(scope, this::jdbiFor);
    }

    /** The same as {@link #stop()}, for try-with-resources in the commands. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public void stop() {
        dataSource.close();
    }
}
