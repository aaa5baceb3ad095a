package jipan.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.lifecycle.Managed;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The connection pool, the schema migrations and the Jdbi handle of the customer store. */
public final class Database implements Managed {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    }

    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.getUrl());
        config.setUsername(settings.getUser());
        config.setPassword(settings.getPassword());
        config.setMaximumPoolSize(settings.getMaxPoolSize());
        config.setPoolName("jipan-store");
        Database database = new Database(new HikariDataSource(config));
        if (settings.isMigrateOnStart()) {
            database.migrate();
        }
        return database;
    }

    /** Applies pending migrations ({@code db/migration/V*.sql}); returns how many were applied. */
    public int migrate() {
        MigrateResult result = flyway().migrate();
        return result.migrationsExecuted;
    }

    /** The schema version the database is at, or null before the first migration. */
    public String schemaVersion() {
        var current = flyway().info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void stop() {
        dataSource.close();
    }
}
