package jipan.db;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stored backtests, and the latest date the store holds data for (what a backtest's horizon must end before). */
@RegisterConstructorMapper(EvidenceDao.BacktestRow.class)
public interface EvidenceDao {

    /** One stored backtest; {@code resultJson} is the whole result. */
    record BacktestRow(long id, LocalDateTime createdAt, String createdBy, LocalDate asOf, int horizonMonths,
                       String liveVersion, String candidateVersion, int customers, String resultJson) {
    }

    @SqlUpdate("""
            INSERT INTO backtest (created_at, created_by, as_of, horizon_months, live_version, candidate_version,
                                  customers, result_json)
            VALUES (CURRENT_TIMESTAMP, :createdBy, :asOf, :horizonMonths, :liveVersion, :candidateVersion, :customers,
                    :resultJson)
            """)
    @GetGeneratedKeys("id")
    long insertBacktest(@Bind("createdBy") String createdBy, @Bind("asOf") LocalDate asOf,
                        @Bind("horizonMonths") int horizonMonths, @Bind("liveVersion") String liveVersion,
                        @Bind("candidateVersion") String candidateVersion, @Bind("customers") int customers,
                        @Bind("resultJson") String resultJson);

    @SqlQuery("SELECT * FROM backtest WHERE id = :id")
    Optional<BacktestRow> backtest(@Bind("id") long id);

    /** The latest backtests first, without their results. */
    @SqlQuery("""
            SELECT id, created_at, created_by, as_of, horizon_months, live_version, candidate_version, customers,
                   '' AS result_json
            FROM backtest ORDER BY id DESC LIMIT :limit
            """)
    List<BacktestRow> backtests(@Bind("limit") int limit);

    /** The latest backtest that scored {@code version} as the live rules. */
    @SqlQuery("SELECT * FROM backtest WHERE live_version = :version ORDER BY id DESC LIMIT 1")
    Optional<BacktestRow> latestOf(@Bind("version") String version);

    /** The latest backtest of any rule set. */
    @SqlQuery("SELECT * FROM backtest ORDER BY id DESC LIMIT 1")
    Optional<BacktestRow> latest();

    /** The day of the latest repair order stored: the store's data reach this far. */
    @SqlQuery("SELECT MAX(visit_date) FROM visit")
    Optional<LocalDate> latestVisit();
}
