package jipan.db;

import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration written in Java, where the same step is different SQL on H2 and PostgreSQL: its version, what it
 * does, and a fixed checksum (a changed step is a new version, never an edit of an applied one).
 */
abstract class JavaStep implements JavaMigration {
    private final String version;
    private final String description;
    private final int checksum;

    JavaStep(String version, String description, int checksum) {
        this.version = version;
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public abstract void migrate(Context context) throws SQLException;
}
