package jipan.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Publish requests: a rule change waiting for another person's approval. Every change of state is a conditional
 * update from the state the caller saw, so two people deciding at once cannot both win.
 */
@RegisterConstructorMapper(PublishRequestDao.RequestRow.class)
public interface PublishRequestDao {

    /** A stored publish request. */
    record RequestRow(long id, String state, String author, String authorPerson, String comment, String changeJson,
                      String baseHash, String candidateHash, String filesJson, String fixturesJson,
                      String evidenceJson, Instant effectiveAt, String decidedBy, String decisionComment,
                      Long versionSeq, Instant createdAt, Instant updatedAt) {
    }

    @SqlUpdate("""
            INSERT INTO publish_request (state, author, author_person, comment, change_json, base_hash, candidate_hash,
                                         files_json, fixtures_json, evidence_json, created_at, updated_at)
            VALUES ('pending', :author, :person, :comment, :change, :base, :candidate, :files, :fixtures, :evidence,
                    :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("author") String author, @Bind("person") String person, @Bind("comment") String comment,
                @Bind("change") String changeJson, @Bind("base") String base, @Bind("candidate") String candidate,
                @Bind("files") String filesJson, @Bind("fixtures") String fixturesJson,
                @Bind("evidence") String evidenceJson, @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM publish_request WHERE id = :id")
    Optional<RequestRow> find(@Bind("id") long id);

    /** Where a request stands, without its files and evidence: what an instance waiting on another one reads. */
    @SqlQuery("SELECT state FROM publish_request WHERE id = :id")
    String state(@Bind("id") long id);

    @SqlQuery("SELECT * FROM publish_request ORDER BY id DESC LIMIT :limit")
    List<RequestRow> latest(@Bind("limit") int limit);

    @SqlQuery("SELECT * FROM publish_request WHERE state = :state ORDER BY id DESC LIMIT :limit")
    List<RequestRow> latestIn(@Bind("state") String state, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM publish_request WHERE state = :state")
    int count(@Bind("state") String state);

    /** Moves the request from {@code from} to {@code to}; 0 when it was no longer in {@code from}. */
    @SqlUpdate("UPDATE publish_request SET state = :to, updated_at = :now WHERE id = :id AND state = :from")
    int move(@Bind("id") long id, @Bind("from") String from, @Bind("to") String to, @Bind("now") Instant now);

    /** A decision: who, why, and (scheduled) when it takes effect; 0 when the request was no longer in {@code from}. */
    @SqlUpdate("""
            UPDATE publish_request SET state = :to, decided_by = :who, decision_comment = :comment,
                   effective_at = :effectiveAt, updated_at = :now
             WHERE id = :id AND state = :from
            """)
    int decide(@Bind("id") long id, @Bind("from") String from, @Bind("to") String to, @Bind("who") String who,
               @Bind("comment") String comment, @Bind("effectiveAt") Instant effectiveAt, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE publish_request SET state = 'live', version_seq = :seq, updated_at = :now
             WHERE id = :id AND state = :from
            """)
    int wentLive(@Bind("id") long id, @Bind("from") String from, @Bind("seq") long seq, @Bind("now") Instant now);

    /** The request brought up to date with the live rule set: a new base, candidate and evidence. */
    @SqlUpdate("""
            UPDATE publish_request SET base_hash = :base, candidate_hash = :candidate, files_json = :files,
                   fixtures_json = :fixtures, evidence_json = :evidence, updated_at = :now
             WHERE id = :id AND state = 'pending'
            """)
    int rebase(@Bind("id") long id, @Bind("base") String base, @Bind("candidate") String candidate,
               @Bind("files") String filesJson, @Bind("fixtures") String fixturesJson,
               @Bind("evidence") String evidenceJson, @Bind("now") Instant now);

    /** An approved request waiting for its time: what every instance reads every second, without the files. */
    record ScheduledRow(long id, Instant effectiveAt) {
    }

    @SqlQuery("SELECT id, effective_at FROM publish_request WHERE state = 'scheduled' ORDER BY effective_at, id")
    @RegisterConstructorMapper(ScheduledRow.class)
    List<ScheduledRow> scheduled();

    /**
     * A decision or go-live an instance began and did not finish (it stopped): back to where it was, so it can be
     * decided or go live again.
     */
    @SqlUpdate("UPDATE publish_request SET state = :back, updated_at = :now WHERE state = :stuck AND updated_at < :before")
    int release(@Bind("stuck") String stuck, @Bind("back") String back, @Bind("before") Instant before,
                @Bind("now") Instant now);
}
