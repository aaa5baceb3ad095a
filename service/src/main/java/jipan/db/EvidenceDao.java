package jipan.db;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stored backtests, and the latest date the store holds data for (what a backtest's horizon must end before). */
@RegisterConstructorMapper(EvidenceDao.BacktestRow.class)
public interface EvidenceDao {

    /** One stored backtest; {@code resultJson} is the whole result. */
    record BacktestRow(long id, LocalDateTime createdAt, String createdBy, LocalDate asOf, int horizonMonths,
                       String liveVersion, String candidateVersion, int customers, String resultJson, String store) {
    }

    @SqlUpdate("""
            INSERT INTO backtest (created_at, created_by, as_of, horizon_months, live_version, candidate_version,
                                  customers, result_json, store)
            VALUES (CURRENT_TIMESTAMP, :createdBy, :asOf, :horizonMonths, :liveVersion, :candidateVersion, :customers,
                    :resultJson, :store)
            """)
    @GetGeneratedKeys("id")
    long insertBacktest(@Bind("createdBy") String createdBy, @Bind("asOf") LocalDate asOf,
                        @Bind("horizonMonths") int horizonMonths, @Bind("liveVersion") String liveVersion,
                        @Bind("candidateVersion") String candidateVersion, @Bind("customers") int customers,
                        @Bind("resultJson") String resultJson, @Bind("store") String store);

    @SqlQuery("SELECT * FROM backtest WHERE id = :id")
    Optional<BacktestRow> backtest(@Bind("id") long id);

    /** The latest backtests first, without their results. */
    @SqlQuery("""
            SELECT id, created_at, created_by, as_of, horizon_months, live_version, candidate_version, customers,
                   '' AS result_json, store
            FROM backtest ORDER BY id DESC LIMIT :limit
            """)
    List<BacktestRow> backtests(@Bind("limit") int limit);

    /** A (tier, churn) cell of a backtest's live rules. */
    record CellRow(long backtestId, String tier, String churn, int customers, int cameBack, java.math.BigDecimal share) {
    }

    @SqlBatch("""
            INSERT INTO backtest_cell (backtest_id, tier, churn, customers, came_back, share)
            VALUES (:backtestId, :tier, :churn, :customers, :cameBack, :share)
            """)
    void insertCells(@BindMethods List<CellRow> cells);

    /**
     * The backtest whose cells give the observed rates of {@code version}: its latest, else the latest of any; of
     * every store's customers (a store's backtest speaks for that store only).
     */
    @SqlQuery("""
            SELECT * FROM (SELECT id, created_at, created_by, as_of, horizon_months, live_version, candidate_version,
                                  customers, '' AS result_json, store,
                                  CASE WHEN live_version = :version THEN 0 ELSE 1 END AS rank
                           FROM backtest WHERE store IS NULL) b
            ORDER BY rank, id DESC LIMIT 1
            """)
    Optional<BacktestRow> observedSource(@Bind("version") String version);

    @SqlQuery("SELECT * FROM backtest_cell WHERE backtest_id = :id AND tier = :tier AND churn = :churn")
    @RegisterConstructorMapper(CellRow.class)
    Optional<CellRow> cell(@Bind("id") long backtestId, @Bind("tier") String tier, @Bind("churn") String churn);

    /** The named challenger: a stored rule version every run also classifies with. */
    record ChallengerRow(long seq, String namedBy, LocalDateTime namedAt) {
    }

    @SqlQuery("SELECT seq, named_by, named_at FROM rule_challenger WHERE id = 1")
    @RegisterConstructorMapper(ChallengerRow.class)
    Optional<ChallengerRow> challenger();

    @SqlUpdate("DELETE FROM rule_challenger")
    int clearChallenger();

    @SqlUpdate("INSERT INTO rule_challenger (id, seq, named_by, named_at) VALUES (1, :seq, :namedBy, CURRENT_TIMESTAMP)")
    void insertChallenger(@Bind("seq") long seq, @Bind("namedBy") String namedBy);

    /** A customer's answer by the challenger in a run. */
    record ChallengerResultRow(long runId, String customerId, String rulesetVersion, String tier, String churn,
                               String baseGrade) {
    }

    @SqlBatch("""
            INSERT INTO challenger_result (run_id, customer_id, ruleset_version, tier, churn, base_grade)
            VALUES (:runId, :customerId, :rulesetVersion, :tier, :churn, :baseGrade)
            """)
    void insertChallengerResults(@BindMethods List<ChallengerResultRow> rows);

    /** Per output, the run's answer (champion) against the challenger's, with how many customers each pair has. */
    record ChallengerCellRow(String output, String challengerVersion, String champion, String challenger,
                             int customers) {
    }

    @SqlQuery("""
            SELECT output, challenger_version, champion, challenger, COUNT(*) AS customers FROM (
                SELECT 'TIER' AS output, c.ruleset_version AS challenger_version, COALESCE(r.tier, 'NONE') AS champion,
                       COALESCE(c.tier, 'NONE') AS challenger
                FROM classification_result r
                JOIN challenger_result c ON c.run_id = r.run_id AND c.customer_id = r.customer_id
                WHERE r.run_id = :run AND r.customer_id <inStores>
                UNION ALL
                SELECT 'CHURN', c.ruleset_version, COALESCE(r.churn, 'NONE'), COALESCE(c.churn, 'NONE')
                FROM classification_result r
                JOIN challenger_result c ON c.run_id = r.run_id AND c.customer_id = r.customer_id
                WHERE r.run_id = :run AND r.customer_id <inStores>
                UNION ALL
                SELECT 'BASE_GRADE', c.ruleset_version, COALESCE(r.base_grade, 'NONE'), COALESCE(c.base_grade, 'NONE')
                FROM classification_result r
                JOIN challenger_result c ON c.run_id = r.run_id AND c.customer_id = r.customer_id
                WHERE r.run_id = :run) cells
            GROUP BY output, challenger_version, champion, challenger
            ORDER BY output, champion, challenger
            """)
    @RegisterConstructorMapper(ChallengerCellRow.class)
    List<ChallengerCellRow> challengerCells(@Bind("run") long run);

    /** The day of the latest repair order stored: the store's data reach this far. */
    @SqlQuery("SELECT MAX(visit_date) FROM visit")
    Optional<LocalDate> latestVisit();
}
