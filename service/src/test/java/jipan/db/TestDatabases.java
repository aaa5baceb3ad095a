package jipan.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases storage tests run on: embedded H2, and the PostgreSQL named by JIPAN_TEST_POSTGRES_URL
 * (set by {@code .ci/postgres}, which {@code .ci/run} calls). Each call gives a fresh, migrated database:
 * a new in-memory H2, or a new schema in PostgreSQL.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = System.getenv("JIPAN_TEST_POSTGRES_URL");

    private TestDatabases() {
    }

    /** Names for parameterized tests: {@code h2}, {@code postgresql}. */
    public static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    public static DatabaseSettings settings(String kind) {
        DatabaseSettings settings = new DatabaseSettings();
        String unique = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind.equals("h2")) {
            settings.setUrl("jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1");
        } else {
            assumeTrue(POSTGRES_URL != null,
                    "PostgreSQL tests need JIPAN_TEST_POSTGRES_URL: run them with `bash .ci/run`");
            settings.setUrl(POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + unique);
            settings.setUser(System.getenv().getOrDefault("JIPAN_TEST_POSTGRES_USER", "jipan"));
            settings.setPassword(System.getenv().getOrDefault("JIPAN_TEST_POSTGRES_PASSWORD", "jipan"));
        }
        settings.setMaxPoolSize(4);
        return settings;
    }

    public static Database open(String kind) {
        return Database.open(settings(kind));
    }

    /** A test's body, given a fresh database. */
    @FunctionalInterface
    public interface WithDatabase {
        void run(Database database) throws Exception;
    }

    /** Runs {@code test} on a fresh, migrated database of the kind, and closes it afterwards. */
    public static void with(String kind, WithDatabase test) throws Exception {
        Database database = open(kind);
        try {
            test.run(database);
        } finally {
            database.stop();
        }
    }
}
