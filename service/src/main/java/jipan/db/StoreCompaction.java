package jipan.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Shrinks the embedded H2 store's file to what it holds. H2 writes every change to new space in its file and
 * keeps the old space for 45 seconds (so a crash never leaves a half-written page), so heavy writing —
 * {@code demo-data}, a large {@code import}, {@code classify-all} — leaves a file many times larger than its
 * content (the 20,000-customer demo store: 594 MB for 93 MB). H2 reuses that space for later writes, but gives it
 * back to the disk only when the database is compacted, which needs every other connection closed: the
 * compaction closes the database.
 */
public final class StoreCompaction {
    private StoreCompaction() {
    }

    /** What a compaction did: the file, its size before and after, and how long it took. */
    public record Compacted(Path file, long bytesBefore, long bytesAfter, double seconds) {
        @Override
        public String toString() {
            return String.format("compacted %s: %,d MB → %,d MB in %.1f s", file, bytesBefore >> 20, bytesAfter >> 20,
                    seconds);
        }
    }

    /** Whether the store is an embedded H2 file, the only kind {@link #compact} compacts. */
    public static boolean applies(DatabaseSettings settings) {
        String url = settings.getUrl();
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
    }

    /**
     * Compacts the store if it is an H2 file that nothing else has open. Refused (IllegalStateException, saying
     * why and what to do) for PostgreSQL or an in-memory H2, and while another process (the service) uses it.
     */
    public static Compacted compact(DatabaseSettings settings) {
        String url = settings.getUrl();
        if (!applies(settings)) {
            throw new IllegalStateException("only an embedded H2 file store is compacted; " + url + " is not one "
                    + (url.startsWith("jdbc:postgresql:") ? "(PostgreSQL reuses the space of old rows itself: autovacuum)"
                    : ""));
        }
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, settings.getUser(), settings.getPassword());
             Statement statement = connection.createStatement()) {
            int sessions = count(statement, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS");
            if (sessions > 1) {
                throw new IllegalStateException(url + " is in use by " + (sessions - 1) + " other connection(s) "
                        + "(the service?): compacting closes the database, so stop them first");
            }
            Path file = Path.of(text(statement, "SELECT DATABASE_PATH()") + ".mv.db");
            long before = Files.size(file);
            statement.execute("SHUTDOWN COMPACT");
            return new Compacted(file, before, Files.size(file), (System.nanoTime() - start) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compact " + url + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
