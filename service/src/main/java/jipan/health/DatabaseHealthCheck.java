package jipan.health;

import com.codahale.metrics.health.HealthCheck;
import jipan.db.Database;

/** Healthy when the customer store answers a query; says its schema version. */
public class DatabaseHealthCheck extends HealthCheck {
    private final Database database;

    public DatabaseHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    protected Result check() {
        int one = database.jdbi().withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        return one == 1 ? Result.healthy("schema version " + database.appliedSchemaVersion())
                : Result.unhealthy("SELECT 1 answered " + one);
    }
}
