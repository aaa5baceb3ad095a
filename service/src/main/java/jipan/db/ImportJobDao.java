package jipan.db;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Import jobs and their progress. */
@RegisterConstructorMapper(ImportJobDao.ImportJobRow.class)
public interface ImportJobDao {

    /** A stored import job; {@code errorsJson} holds the first rejected rows. */
    record ImportJobRow(long id, String kind, String fileName, String status, String encoding, long rowsRead,
                        long imported, long rejected, String errorsJson, String failure, LocalDateTime startedAt,
                        LocalDateTime updatedAt, String format, long titleRows, long created, long updated,
                        long unchanged) {
    }

    @SqlUpdate("""
            INSERT INTO import_job (kind, file_name, status, started_at, updated_at, owner, heartbeat_at)
            VALUES (:kind, :fileName, 'QUEUED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, :owner, LOCALTIMESTAMP)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("kind") String kind, @Bind("fileName") String fileName, @Bind("owner") String owner);

    /** The database's clock: heartbeats are written and compared with it, never with an instance's own. */
    @SqlQuery("SELECT LOCALTIMESTAMP")
    LocalDateTime now();

    /** An owner is alive: its queued and running imports' heartbeat renewed. */
    @SqlUpdate("""
            UPDATE import_job SET heartbeat_at = LOCALTIMESTAMP
            WHERE owner = :owner AND status IN ('QUEUED', 'RUNNING')
            """)
    int heartbeat(@Bind("owner") String owner);

    @SqlUpdate("""
            UPDATE import_job SET status = :status, encoding = :encoding, rows_read = :rowsRead, imported = :imported,
                   rejected = :rejected, errors_json = :errorsJson, failure = :failure, format = :format,
                   title_rows = :titleRows, created = :created, updated = :updated, unchanged = :unchanged,
                   updated_at = CURRENT_TIMESTAMP, heartbeat_at = LOCALTIMESTAMP
            WHERE id = :id
            """)
    void update(@Bind("id") long id, @Bind("status") String status, @Bind("encoding") String encoding,
                @Bind("rowsRead") long rowsRead, @Bind("imported") long imported, @Bind("rejected") long rejected,
                @Bind("errorsJson") String errorsJson, @Bind("failure") String failure, @Bind("format") String format,
                @Bind("titleRows") long titleRows, @Bind("created") long created, @Bind("updated") long updated,
                @Bind("unchanged") long unchanged);

    /** The rejected rows as read (header and cells), kept for the rejected-rows file once the import ends. */
    @SqlUpdate("UPDATE import_job SET rejected_rows_json = :json WHERE id = :id")
    void recordRejectedRows(@Bind("id") long id, @Bind("json") String json);

    @SqlQuery("SELECT rejected_rows_json FROM import_job WHERE id = :id")
    Optional<String> rejectedRows(@Bind("id") long id);

    String COLUMNS = "id, kind, file_name, status, encoding, rows_read, imported, rejected, errors_json, failure, "
            + "started_at, updated_at, format, title_rows, created, updated, unchanged";

    @SqlQuery("SELECT " + COLUMNS + " FROM import_job WHERE id = :id")
    Optional<ImportJobRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM import_job ORDER BY id DESC LIMIT :limit")
    List<ImportJobRow> latest(@Bind("limit") int limit);

    /**
     * Jobs left QUEUED or RUNNING by an instance that stopped: no heartbeat since {@code cutoff}. The jobs of
     * instances that are alive are left alone.
     */
    @SqlUpdate("""
            UPDATE import_job SET status = 'INTERRUPTED', updated_at = CURRENT_TIMESTAMP,
                   failure = 'the service stopped during the import: rows reported imported are stored; import the '
                             || 'file again to add the rest (rows already stored are unchanged)'
            WHERE status IN ('QUEUED', 'RUNNING') AND (heartbeat_at IS NULL OR heartbeat_at < :cutoff)
            """)
    int markInterrupted(@Bind("cutoff") LocalDateTime cutoff);
}
