package jipan.db;

import jipan.core.kpi.Kpis;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** KPI reports computed in the database (SPEC §4), in SQL that H2 and PostgreSQL both run. */
public interface ReportDao {

    /**
     * The structure table by vehicle: vehicles with visits in [from, to] by visit-count bucket, within groups
     * of a vehicle column or of the lifecycle stage the rules gave it in run {@code runId}.
     */
    @SqlQuery("""
            SELECT <group> AS group_value,
                   CASE WHEN t.visits >= 4 THEN '>=4' ELSE CAST(t.visits AS VARCHAR(4)) END AS bucket,
                   COUNT(*) AS customers, SUM(t.visits) AS visits, SUM(t.revenue) AS revenue
            FROM (SELECT store, vin, COUNT(*) AS visits, COALESCE(SUM(amount), 0) AS revenue
                  FROM visit WHERE visit_date >= :from AND visit_date <= :to AND customer_id <inStores>
                  GROUP BY store, vin) t
            JOIN vehicle v ON v.store = t.store AND v.vin = t.vin
            LEFT JOIN classification_vehicle cv ON cv.run_id = :runId AND cv.customer_id = v.customer_id
                                               AND cv.vin = t.vin
            GROUP BY <group>, CASE WHEN t.visits >= 4 THEN '>=4' ELSE CAST(t.visits AS VARCHAR(4)) END
            """)
    @RegisterConstructorMapper(StructureRow.class)
    List<StructureRow> vehicleStructure(@Define("group") String groupExpression, @Bind("from") LocalDate from,
                                        @Bind("to") LocalDate to, @Bind("runId") long runId);

    /** A cohort and how many of it came back (or did not). */
    record CohortCount(int cohort, int returned) {
    }

    /**
     * Customers with a visit in [cohortStart, cohortEnd), and how many of them visited again in
     * [returnStart, returnEnd).
     */
    @SqlQuery(Kpis.CUSTOMERS_RETURNING)
    @RegisterConstructorMapper(CohortCount.class)
    CohortCount customersReturning(@Bind("cohortStart") LocalDate cohortStart, @Bind("cohortEnd") LocalDate cohortEnd,
                                   @Bind("returnStart") LocalDate returnStart, @Bind("returnEnd") LocalDate returnEnd);

    /** The same by vehicle (VIN): vehicles with a visit in the cohort period, and how many visited again. */
    @SqlQuery(Kpis.VEHICLES_RETURNING)
    @RegisterConstructorMapper(CohortCount.class)
    CohortCount vehiclesReturning(@Bind("cohortStart") LocalDate cohortStart, @Bind("cohortEnd") LocalDate cohortEnd,
                                  @Bind("returnStart") LocalDate returnStart, @Bind("returnEnd") LocalDate returnEnd);

    /** One group of the structure table: a visit-count bucket within a group (region, industry, …). */
    record StructureRow(String groupValue, String bucket, int customers, int visits, BigDecimal revenue) {
    }

    /**
     * Customers with visits in [from, to] by visit-count bucket (>=4, 3, 2, 1), within groups of a customer
     * column ({@code <group>} is a fixed expression chosen by the caller, never user text).
     */
    @SqlQuery(Kpis.CUSTOMER_STRUCTURE)
    @RegisterConstructorMapper(StructureRow.class)
    List<StructureRow> structure(@Define("group") String groupExpression, @Bind("from") LocalDate from,
                                 @Bind("to") LocalDate to);

    /** Leads of a run by the category the rules gave them. */
    record CategoryCount(String category, int leads, int conquest) {
    }

    @SqlQuery("""
            SELECT category, COUNT(*) AS leads, SUM(CASE WHEN conquest THEN 1 ELSE 0 END) AS conquest
            FROM classification_lead WHERE run_id = :runId AND category IS NOT NULL AND customer_id <inStores>
            GROUP BY category ORDER BY COUNT(*) DESC, category
            """)
    @RegisterConstructorMapper(CategoryCount.class)
    List<CategoryCount> leadsByCategory(@Bind("runId") long runId);

    /** Defeated leads closed in [from, to] by the competitor that won them ('' where not recorded). */
    record CompetitorCount(String competitorBrand, String competitorModel, int defeated) {
    }

    @SqlQuery("""
            SELECT COALESCE(competitor_brand, '') AS competitor_brand, COALESCE(competitor_model, '') AS competitor_model,
                   COUNT(*) AS defeated
            FROM sales_lead WHERE status = 'DEFEATED' AND closed_on >= :from AND closed_on <= :to
              AND customer_id <inStores>
            GROUP BY COALESCE(competitor_brand, ''), COALESCE(competitor_model, '')
            ORDER BY COUNT(*) DESC, 1, 2
            """)
    @RegisterConstructorMapper(CompetitorCount.class)
    List<CompetitorCount> defeatsByCompetitor(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Won and defeated leads by the month they closed. */
    record MonthOutcome(int closeYear, int closeMonth, int won, int defeated) {
    }

    @SqlQuery("""
            SELECT EXTRACT(YEAR FROM closed_on) AS close_year, EXTRACT(MONTH FROM closed_on) AS close_month,
                   SUM(CASE WHEN status = 'WON' THEN 1 ELSE 0 END) AS won,
                   SUM(CASE WHEN status = 'DEFEATED' THEN 1 ELSE 0 END) AS defeated
            FROM sales_lead WHERE status IN ('WON', 'DEFEATED') AND closed_on >= :from AND closed_on <= :to
              AND customer_id <inStores>
            GROUP BY EXTRACT(YEAR FROM closed_on), EXTRACT(MONTH FROM closed_on)
            ORDER BY 1, 2
            """)
    @RegisterConstructorMapper(MonthOutcome.class)
    List<MonthOutcome> outcomesByMonth(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Defeated leads closed in [from, to], and how many of those prospects visited the workshop afterwards. */
    @SqlQuery("""
            SELECT COUNT(*) AS cohort,
                   COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = s.customer_id
                       AND v.visit_date > s.closed_on) THEN 1 ELSE 0 END), 0) AS returned
            FROM sales_lead s WHERE s.status = 'DEFEATED' AND s.closed_on >= :from AND s.closed_on <= :to
              AND s.customer_id <inStores>
            """)
    @RegisterConstructorMapper(CohortCount.class)
    CohortCount defeatedLaterServiced(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** The customers of a base period with their spend, and those of them lost since. */
    record LostSpend(int customers, BigDecimal revenue, int lost, BigDecimal lostRevenue) {
    }

    /**
     * Customers with a visit in (baseStart, baseEnd] and what they spent then; lost = those of them with no
     * visit in (baseEnd, asOf].
     */
    @SqlQuery("""
            SELECT COUNT(*) AS customers, COALESCE(SUM(b.revenue), 0) AS revenue,
                   COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = b.customer_id
                       AND v.visit_date > :baseEnd AND v.visit_date <= :asOf) THEN 1 ELSE 0 END), 0) AS lost,
                   COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = b.customer_id
                       AND v.visit_date > :baseEnd AND v.visit_date <= :asOf) THEN b.revenue ELSE 0 END), 0) AS lost_revenue
            FROM (SELECT customer_id, COALESCE(SUM(amount), 0) AS revenue FROM visit
                  WHERE visit_date > :baseStart AND visit_date <= :baseEnd AND customer_id <inStores>
                  GROUP BY customer_id) b
            """)
    @RegisterConstructorMapper(LostSpend.class)
    LostSpend lostSpend(@Bind("baseStart") LocalDate baseStart, @Bind("baseEnd") LocalDate baseEnd,
                        @Bind("asOf") LocalDate asOf);

    /** Visits, customers and spend in [from, to]. */
    record PeriodSpend(int customers, int visits, BigDecimal revenue) {
    }

    @SqlQuery("""
            SELECT COUNT(DISTINCT customer_id) AS customers, COUNT(*) AS visits, COALESCE(SUM(amount), 0) AS revenue
            FROM visit WHERE visit_date >= :from AND visit_date <= :to AND customer_id <inStores>
            """)
    @RegisterConstructorMapper(PeriodSpend.class)
    PeriodSpend spend(@Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Customers of a run's follow-ups of one kind, assignee, person and outcome, and how many of them visited later. */
    record RecaptureRow(String kind, String assignee, String person, String outcome, int customers, int visited) {
    }

    /**
     * The listed follow-ups of run {@code run} by kind, assignee and the outcome recorded for the task (NONE: none): how
     * many customers, and how many of them visited in ({@code after}, {@code upTo}].
     */
    @SqlQuery("""
            SELECT f.kind, f.assignee, f.person, COALESCE(o.outcome, 'NONE') AS outcome,
                   COUNT(DISTINCT f.customer_id) AS customers, COUNT(DISTINCT b.customer_id) AS visited
            FROM follow_up f
            LEFT JOIN follow_up_outcome o ON o.customer_id = f.customer_id AND o.kind = f.kind
                 AND o.subject = f.subject AND o.basis = f.basis
            LEFT JOIN (SELECT DISTINCT customer_id FROM visit WHERE visit_date > :after AND visit_date <= :upTo) b
                 ON b.customer_id = f.customer_id
            WHERE f.run_id = :run AND f.held_out = FALSE AND f.customer_id <inStores>
            GROUP BY f.kind, f.assignee, f.person, COALESCE(o.outcome, 'NONE')
            ORDER BY f.kind, f.assignee, f.person NULLS FIRST, COALESCE(o.outcome, 'NONE')
            """)
    @RegisterConstructorMapper(RecaptureRow.class)
    List<RecaptureRow> recapture(@Bind("run") long run, @Bind("after") LocalDate after,
                                 @Bind("upTo") LocalDate upTo);

    /** Per kind of task and group (listed or held out): customers, and how many came back in the horizon. */
    record HoldoutRow(String kind, boolean heldOut, int customers, int cameBack) {
    }

    /**
     * The follow-ups of run {@code run} by kind, listed and held out apart: how many customers, and how many came back
     * — a customer-pay visit in ({@code asOf}, {@code upTo}], as a backtest counts it (docs/domain.md §6). The
     * returning customers are one set (IN: the index of customer-pay visits by date), looked up per task: on H2,
     * joining them as a derived table took 27 s on the demo store and a correlated EXISTS 33 s; this takes 0.5 s.
     */
    @SqlQuery("""
            SELECT f.kind, f.held_out, COUNT(DISTINCT f.customer_id) AS customers,
                   COUNT(DISTINCT CASE WHEN f.customer_id IN (
                           SELECT v.customer_id FROM visit v WHERE v.pay_type = 'CUSTOMER_PAY'
                             AND v.visit_date > :asOf AND v.visit_date <= :upTo)
                       THEN f.customer_id END) AS came_back
            FROM follow_up f
            WHERE f.run_id = :run AND f.customer_id <inStores>
            GROUP BY f.kind, f.held_out
            ORDER BY f.kind, f.held_out
            """)
    @RegisterConstructorMapper(HoldoutRow.class)
    List<HoldoutRow> holdout(@Bind("run") long run, @Bind("asOf") LocalDate asOf, @Bind("upTo") LocalDate upTo);

    /**
     * An outcome recorded in a period, for the per-person view: the person the task went to (else who recorded it),
     * when, how it ended, and whether the customer visited after the call, up to {@code upTo}.
     */
    record HandledRow(String person, java.sql.Timestamp handledAt, String outcome, String customerId,
                      boolean cameBack) {
    }

    @SqlQuery("""
            SELECT COALESCE(o.person, o.handled_by) AS person, o.handled_at, o.outcome, o.customer_id,
                   EXISTS (SELECT 1 FROM visit v WHERE v.customer_id = o.customer_id
                           AND v.visit_date >= CAST(o.handled_at AS DATE) AND v.visit_date <= :upTo) AS came_back
            FROM follow_up_outcome o
            WHERE o.handled_at >= :from AND o.handled_at < :before AND o.customer_id <inStores>
            ORDER BY o.handled_at
            """)
    @RegisterConstructorMapper(HandledRow.class)
    List<HandledRow> handled(@Bind("from") java.time.LocalDateTime from, @Bind("before") java.time.LocalDateTime before,
                             @Bind("upTo") LocalDate upTo);

    /** A churn reason a call recorded, with the tier the customer had in the run whose task it was. */
    record ChurnReasonRow(java.sql.Timestamp handledAt, String tier, String churnReason) {
    }

    @SqlQuery("""
            SELECT o.handled_at, COALESCE(r.tier, 'NONE') AS tier, o.churn_reason
            FROM follow_up_outcome o
            LEFT JOIN classification_result r ON r.run_id = o.run_id AND r.customer_id = o.customer_id
            WHERE o.churn_reason IS NOT NULL AND o.handled_at >= :from AND o.handled_at < :before
              AND o.customer_id <inStores>
            ORDER BY o.handled_at
            """)
    @RegisterConstructorMapper(ChurnReasonRow.class)
    List<ChurnReasonRow> churnReasons(@Bind("from") java.time.LocalDateTime from,
                                      @Bind("before") java.time.LocalDateTime before);
}
