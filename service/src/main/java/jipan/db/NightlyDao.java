package jipan.db;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The nightly pipeline's nights, one row per store and night. */
@RegisterConstructorMapper(NightlyDao.NightRow.class)
public interface NightlyDao {

    /** A store's night: where it stands, who ran it, the run it made and its steps (a JSON array of lines). */
    record NightRow(String store, LocalDate night, String state, String owner, LocalDateTime heartbeatAt,
                    LocalDateTime startedAt, LocalDateTime finishedAt, Long runId, int files, int failedFiles,
                    String steps, String error) {
    }

    /**
     * Takes a store's night for {@code owner}: the row is inserted only where there is none, so of the instances that
     * try at once one inserts it (1) and the others insert nothing (0).
     */
    @SqlUpdate("""
            INSERT INTO nightly_run (store, night, state, owner, heartbeat_at, started_at)
            SELECT :store, :night, 'RUNNING', :owner, LOCALTIMESTAMP, CURRENT_TIMESTAMP
            FROM (VALUES (1)) AS one (x)
            WHERE NOT EXISTS (SELECT 1 FROM nightly_run WHERE store = :store AND night = :night)
            """)
    int claim(@Bind("store") String store, @Bind("night") LocalDate night, @Bind("owner") String owner);

    /** Takes over a night whose instance stopped (no heartbeat since {@code staleBefore}): one instance wins. */
    @SqlUpdate("""
            UPDATE nightly_run SET owner = :owner, heartbeat_at = LOCALTIMESTAMP, state = 'RUNNING'
            WHERE store = :store AND night = :night AND state = 'RUNNING' AND heartbeat_at < :staleBefore
            """)
    int takeOver(@Bind("store") String store, @Bind("night") LocalDate night, @Bind("owner") String owner,
                 @Bind("staleBefore") LocalDateTime staleBefore);

    @SqlUpdate("UPDATE nightly_run SET heartbeat_at = LOCALTIMESTAMP WHERE owner = :owner AND state = 'RUNNING'")
    int heartbeat(@Bind("owner") String owner);

    @SqlUpdate("""
            UPDATE nightly_run SET steps = :steps, files = :files, failed_files = :failedFiles, run_id = :runId
            WHERE store = :store AND night = :night AND owner = :owner
            """)
    int progress(@Bind("store") String store, @Bind("night") LocalDate night, @Bind("owner") String owner,
                 @Bind("steps") String steps, @Bind("files") int files, @Bind("failedFiles") int failedFiles,
                 @Bind("runId") Long runId);

    @SqlUpdate("""
            UPDATE nightly_run SET state = :state, error = :error, finished_at = CURRENT_TIMESTAMP
            WHERE store = :store AND night = :night AND owner = :owner
            """)
    int finish(@Bind("store") String store, @Bind("night") LocalDate night, @Bind("owner") String owner,
               @Bind("state") String state, @Bind("error") String error);

    @SqlQuery("SELECT * FROM nightly_run WHERE store = :store AND night = :night")
    Optional<NightRow> find(@Bind("store") String store, @Bind("night") LocalDate night);

    @SqlQuery("SELECT LOCALTIMESTAMP")
    LocalDateTime now();

    @SqlQuery("SELECT * FROM nightly_run ORDER BY night DESC, store LIMIT :limit")
    List<NightRow> latest(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM nightly_run WHERE store IN (<stores>) ORDER BY night DESC, store LIMIT :limit")
    List<NightRow> latestOf(@BindList("stores") List<String> stores, @Bind("limit") int limit);
}
