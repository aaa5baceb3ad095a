package jipan.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration 13: on PostgreSQL 14 and later, stored results' JSON is compressed with lz4 instead of the default
 * pglz. PostgreSQL compresses every row of more than about 2 KB anyway (an answer in the API's JSON was about
 * 3.2 KB, stored in about 1.4 KB); lz4 stores about 13 % more bytes but costs so much less that a
 * 100,000-customer {@code classify-all} took about 10 % less time (docs/performance.md). Since migration 14 the
 * answers are stored more compactly (2.0 KB on average), and only the longer ones are still compressed. Older servers, or one built without
 * lz4, keep pglz: the migration then only says so. H2 has no column compression: its file store compresses
 * whole pages instead ({@code COMPRESS=TRUE} in the database URL).
 *
 * <p>A Java migration because the same step is different SQL on the two databases (and nothing on H2).
 */
final class ResultCompression extends JavaStep {
    private static final Logger LOG = LoggerFactory.getLogger(ResultCompression.class);

    ResultCompression() {
        super("13", "stored results compressed with lz4 on PostgreSQL", 13_001);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        var meta = connection.getMetaData();
        if (!meta.getDatabaseProductName().equals("PostgreSQL")) {
            return;
        }
        if (meta.getDatabaseMajorVersion() < 14) {
            LOG.info("PostgreSQL {}: stored results keep pglz compression (lz4 needs 14 or later)",
                    meta.getDatabaseProductVersion());
            return;
        }
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE classification_result ALTER COLUMN result_json SET COMPRESSION lz4");
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            connection.rollback(before); // a server built without lz4: pglz stays, nothing else changes
            LOG.info("stored results keep pglz compression: {}", e.getMessage());
        }
    }
}
