package jipan.db;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** KPI reports computed in the database (SPEC §4), in SQL that H2 and PostgreSQL both run. */
public interface ReportDao {

    /** A cohort and how many of it came back (or did not). */
    record CohortCount(int cohort, int returned) {
    }

    /**
     * Customers with a visit in [cohortStart, cohortEnd), and how many of them visited again in
     * [returnStart, returnEnd).
     */
    @SqlQuery("""
            SELECT COUNT(*) AS cohort,
                   COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM visit r WHERE r.customer_id = c.customer_id
                       AND r.visit_date >= :returnStart AND r.visit_date < :returnEnd) THEN 1 ELSE 0 END), 0) AS returned
            FROM (SELECT DISTINCT customer_id FROM visit WHERE visit_date >= :cohortStart AND visit_date < :cohortEnd) c
            """)
    @RegisterConstructorMapper(CohortCount.class)
    CohortCount customersReturning(@Bind("cohortStart") LocalDate cohortStart, @Bind("cohortEnd") LocalDate cohortEnd,
                                   @Bind("returnStart") LocalDate returnStart, @Bind("returnEnd") LocalDate returnEnd);

    /** The same by vehicle (VIN): vehicles with a visit in the cohort period, and how many visited again. */
    @SqlQuery("""
            SELECT COUNT(*) AS cohort,
                   COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM visit r WHERE r.vin = c.vin
                       AND r.visit_date > :returnStart AND r.visit_date <= :returnEnd) THEN 1 ELSE 0 END), 0) AS returned
            FROM (SELECT DISTINCT vin FROM visit WHERE visit_date > :cohortStart AND visit_date <= :cohortEnd) c
            """)
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
    @SqlQuery("""
            SELECT <group> AS group_value,
                   CASE WHEN t.visits >= 4 THEN '>=4' ELSE CAST(t.visits AS VARCHAR(4)) END AS bucket,
                   COUNT(*) AS customers, SUM(t.visits) AS visits, SUM(t.revenue) AS revenue
            FROM (SELECT customer_id, COUNT(*) AS visits, COALESCE(SUM(amount), 0) AS revenue
                  FROM visit WHERE visit_date >= :from AND visit_date <= :to GROUP BY customer_id) t
            JOIN customer c ON c.id = t.customer_id
            GROUP BY <group>, CASE WHEN t.visits >= 4 THEN '>=4' ELSE CAST(t.visits AS VARCHAR(4)) END
            """)
    @RegisterConstructorMapper(StructureRow.class)
    List<StructureRow> structure(@Define("group") String groupExpression, @Bind("from") LocalDate from,
                                 @Bind("to") LocalDate to);
}
