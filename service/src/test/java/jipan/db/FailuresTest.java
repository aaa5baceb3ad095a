package jipan.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a user reads when the database refuses an import's row: the reason in words, never the statement or data. */
class FailuresTest {
    private static final Logger LOG = LoggerFactory.getLogger(FailuresTest.class);

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aRowTheDatabaseRefusesIsExplainedWithoutItsStatementOrValues(String kind) throws Exception {
        TestDatabases.with(kind, database -> {
            String secret = "王先生 13800000001 " + "x".repeat(300);
            Throwable tooLong = catchThrowable(() -> database.jdbi().useHandle(handle -> handle.createUpdate(
                    "INSERT INTO customer (id, name) VALUES ('C1', :name)").bind("name", secret).execute()));
            assertThat(Failures.rowRefused(LOG, "customers row 2", tooLong))
                    .isEqualTo("the database refused the row: a value is longer than the store's column allows");

            database.jdbi().useHandle(handle -> handle.execute("INSERT INTO customer (id, name) VALUES ('C2', 'a')"));
            Throwable twice = catchThrowable(() -> database.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO customer (id, name) VALUES ('C2', '13800000001')")));
            assertThat(Failures.rowRefused(LOG, "customers row 3", twice))
                    .isEqualTo("the database refused the row: its key is already used by another record");
        });
    }

    @Test
    void anyOtherRefusalIsALogEntryId() {
        String message = Failures.rowRefused(LOG, "customers row 4", new RuntimeException(
                new SQLException("INSERT INTO customer VALUES ('C9', '王先生', '13800000001') failed", "XX000")));
        assertThat(message).matches("the database refused the row \\(log entry E-[0-9a-f]{8}\\)")
                .doesNotContain("INSERT").doesNotContain("13800000001");
    }
}
