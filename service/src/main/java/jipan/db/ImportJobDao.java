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
                        long unchanged, String owner, LocalDateTime heartbeatAt, String askedEncoding,
                        Long uploadBytes, String columnsJson, String store) {
    }

    @SqlUpdate("""
            INSERT INTO import_job (kind, file_name, status, started_at, updated_at, owner, heartbeat_at, asked_encoding,
                                    store)
            VALUES (:kind, :fileName, 'QUEUED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, :owner, LOCALTIMESTAMP,
                    :askedEncoding, :store)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("kind") String kind, @Bind("fileName") String fileName, @Bind("owner") String owner,
                @Bind("askedEncoding") String askedEncoding, @Bind("store") String store);

    /** One part of a job's upload (parts numbered from 0). */
    @SqlUpdate("INSERT INTO import_upload (job_id, part, bytes) VALUES (:id, :part, :bytes)")
    void addUploadPart(@Bind("id") long id, @Bind("part") int part, @Bind("bytes") byte[] bytes);

    /** The upload is whole: its size recorded, so an instance taking the job over knows it can be read. */
    @SqlUpdate("UPDATE import_job SET upload_bytes = :bytes WHERE id = :id")
    void uploadComplete(@Bind("id") long id, @Bind("bytes") long bytes);

    @SqlQuery("SELECT bytes FROM import_upload WHERE job_id = :id AND part = :part")
    Optional<byte[]> uploadPart(@Bind("id") long id, @Bind("part") int part);

    /** The upload is no longer needed once its import has ended (done or failed). */
    @SqlUpdate("DELETE FROM import_upload WHERE job_id = :id")
    int deleteUpload(@Bind("id") long id);

    /** A job whose upload broke off before it was whole: nothing of it was imported. */
    @SqlUpdate("DELETE FROM import_job WHERE id = :id")
    void delete(@Bind("id") long id);

    /**
     * Takes a job over for {@code owner} if it is still as it was seen (status, owner, heartbeat): of two instances
     * that saw the same job and try at once, one changes the row, the other changes nothing (0).
     */
    @SqlUpdate("""
            UPDATE import_job SET status = 'QUEUED', owner = :owner, heartbeat_at = LOCALTIMESTAMP,
                   updated_at = CURRENT_TIMESTAMP, failure = NULL
            WHERE id = :id AND status = :seenStatus AND COALESCE(owner, '') = :seenOwner
              AND COALESCE(heartbeat_at, TIMESTAMP '1900-01-01 00:00:00') = :seenHeartbeat
            """)
    int claim(@Bind("id") long id, @Bind("owner") String owner, @Bind("seenStatus") String seenStatus,
              @Bind("seenOwner") String seenOwner, @Bind("seenHeartbeat") LocalDateTime seenHeartbeat);

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
                   columns_json = :columnsJson, updated_at = CURRENT_TIMESTAMP, heartbeat_at = LOCALTIMESTAMP
            WHERE id = :id AND owner = :owner
            """)
    int update(@Bind("owner") String owner, @Bind("id") long id, @Bind("status") String status, @Bind("encoding") String encoding,
                @Bind("rowsRead") long rowsRead, @Bind("imported") long imported, @Bind("rejected") long rejected,
                @Bind("errorsJson") String errorsJson, @Bind("failure") String failure, @Bind("format") String format,
                @Bind("titleRows") long titleRows, @Bind("created") long created, @Bind("updated") long updated,
                @Bind("unchanged") long unchanged, @Bind("columnsJson") String columnsJson);

    /** The rejected rows as read (header and cells), kept for the rejected-rows file once the import ends. */
    @SqlUpdate("UPDATE import_job SET rejected_rows_json = :json WHERE id = :id AND owner = :owner")
    int recordRejectedRows(@Bind("id") long id, @Bind("owner") String owner, @Bind("json") String json);

    @SqlQuery("SELECT rejected_rows_json FROM import_job WHERE id = :id")
    Optional<String> rejectedRows(@Bind("id") long id);

    String COLUMNS = "id, kind, file_name, status, encoding, rows_read, imported, rejected, errors_json, failure, "
            + "started_at, updated_at, format, title_rows, created, updated, unchanged, owner, heartbeat_at, "
            + "asked_encoding, upload_bytes, columns_json, store";

    @SqlQuery("SELECT " + COLUMNS + " FROM import_job WHERE id = :id")
    Optional<ImportJobRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM import_job ORDER BY id DESC LIMIT :limit")
    List<ImportJobRow> latest(@Bind("limit") int limit);

    /** The latest imports of these stores. */
    @SqlQuery("SELECT " + COLUMNS + " FROM import_job WHERE store IN (<stores>) ORDER BY id DESC LIMIT :limit")
    List<ImportJobRow> latestOf(@org.jdbi.v3.sqlobject.customizer.BindList("stores") List<String> stores,
                                @Bind("limit") int limit);

    /**
     * Jobs left QUEUED or RUNNING by an instance that stopped: no heartbeat since {@code cutoff}. The jobs of
     * instances that are alive are left alone.
     */
    @SqlUpdate("""
            UPDATE import_job SET status = 'INTERRUPTED', updated_at = CURRENT_TIMESTAMP,
                   failure = 'the instance doing the import stopped: rows reported imported are stored; resume it '
                             || '(POST /api/v1/imports/' || CAST(id AS VARCHAR(20)) || '/resume) to import the rest'
            WHERE status IN ('QUEUED', 'RUNNING') AND (heartbeat_at IS NULL OR heartbeat_at < :cutoff)
            """)
    int markInterrupted(@Bind("cutoff") LocalDateTime cutoff);
}
