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
                          LocalDateTime createdAt, boolean active) {
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

    /** Records the files as a new version (or finds the stored one with the same content) and makes it active. */
    @Transaction
    default long recordActive(String hash, String filesJson, String author, String comment) {
        long seq = latestWithHash(hash).orElseGet(() -> insert(hash, filesJson, author, comment));
        activateOnly(seq);
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
