package jipan.db;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Rule set versions: the files of every rule set that went live, and which is active. */
@RegisterConstructorMapper(RuleVersionDao.RuleVersionRow.class)
public interface RuleVersionDao {

    /** A stored rule set version. */
    record RuleVersionRow(long seq, String hash, String filesJson, String author, String comment,
                          LocalDateTime createdAt, boolean active, String fixturesJson) {
    }

    /**
     * One rule set going live (which version, how, who, why, and the version it replaced), or one step of a publish
     * request (no version; the request's candidate as the hash).
     */
    record ActivationRow(long id, Long versionSeq, String hash, String how, String author, String comment,
                         String fromHash, LocalDateTime activatedAt, Long requestId) {
    }

    @SqlUpdate("""
            INSERT INTO rule_version (hash, files_json, author, comment, created_at, active)
            VALUES (:hash, :filesJson, :author, :comment, CURRENT_TIMESTAMP, FALSE)
            """)
    @GetGeneratedKeys("seq")
    long insert(@Bind("hash") String hash, @Bind("filesJson") String filesJson, @Bind("author") String author,
                @Bind("comment") String comment);

    @SqlUpdate("UPDATE rule_version SET active = (seq = :seq)")
    void activateOnly(@Bind("seq") long seq);

    @SqlUpdate("UPDATE rule_version SET fixtures_json = :fixturesJson WHERE seq = :seq")
    void storeFixtures(@Bind("seq") long seq, @Bind("fixturesJson") String fixturesJson);

    @SqlUpdate("""
            INSERT INTO rule_activation (version_seq, hash, how, author, comment, from_hash, activated_at, request_id)
            VALUES (:seq, :hash, :how, :author, :comment, :fromHash, CURRENT_TIMESTAMP, :request)
            """)
    void logStep(@Bind("seq") Long seq, @Bind("hash") String hash, @Bind("how") String how,
                 @Bind("author") String author, @Bind("comment") String comment, @Bind("fromHash") String fromHash,
                 @Bind("request") Long request);

    @SqlQuery("SELECT * FROM rule_activation WHERE request_id = :request ORDER BY id")
    @RegisterConstructorMapper(ActivationRow.class)
    List<ActivationRow> steps(@Bind("request") long request);

    @SqlQuery("SELECT * FROM rule_activation ORDER BY id DESC LIMIT :limit")
    @RegisterConstructorMapper(ActivationRow.class)
    List<ActivationRow> activations(@Bind("limit") int limit);

    /**
     * Records the files as a new version (or finds the stored one with the same content), makes it active,
     * keeps the fixtures it passed (when a gate ran) and logs the activation, in one transaction.
     */
    @Transaction
    default long recordActive(String hash, String filesJson, String fixturesJson, String author, String comment,
                              String how, String fromHash, Long request) {
        long seq = latestWithHash(hash).orElseGet(() -> insert(hash, filesJson, author, comment));
        activateOnly(seq);
        if (fixturesJson != null) {
            storeFixtures(seq, fixturesJson);
        }
        logStep(seq, hash, how, author, comment, fromHash, request);
        return seq;
    }

    @SqlQuery("SELECT MAX(seq) FROM rule_version WHERE hash = :hash")
    Optional<Long> latestWithHash(@Bind("hash") String hash);

    @SqlQuery("SELECT * FROM rule_version WHERE seq = :seq")
    Optional<RuleVersionRow> find(@Bind("seq") long seq);

    @SqlQuery("SELECT * FROM rule_version WHERE active")
    Optional<RuleVersionRow> active();

    @SqlQuery("SELECT * FROM rule_version ORDER BY seq DESC")
    List<RuleVersionRow> all();
}
