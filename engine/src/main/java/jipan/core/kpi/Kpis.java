package jipan.core.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The KPI definitions of seed 001 (docs/domain.md §4) that more than one engine computes: the queries over the
 * store's tables (run by the service on H2 or PostgreSQL, and by the Spark job with Spark SQL on the same
 * tables), the periods they are asked for, and the ratios made of their counts. One definition, so both give
 * the same numbers. The queries take named parameters ({@code :cohortStart}) and, for the structure, a
 * grouping expression from {@link #CUSTOMER_GROUPS} in place of {@code <group>} (never user text).
 */
public final class Kpis {
    /** Customers with a visit in [cohortStart, cohortEnd), and how many of them visited again in [returnStart, returnEnd). */
    public static final String CUSTOMERS_RETURNING = """
            SELECT COUNT(*) AS cohort,
                   COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM visit r WHERE r.customer_id = c.customer_id
                       AND r.visit_date >= :returnStart AND r.visit_date < :returnEnd) THEN 1 ELSE 0 END), 0) AS returned
            FROM (SELECT DISTINCT customer_id FROM visit WHERE visit_date >= :cohortStart AND visit_date < :cohortEnd
                  AND customer_id <inStores>) c
            """;

    /** The same by vehicle (VIN), periods open at the start: (cohortStart, cohortEnd], (returnStart, returnEnd]. */
    public static final String VEHICLES_RETURNING = """
            SELECT COUNT(*) AS cohort,
                   COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM visit r WHERE r.vin = c.vin
                       AND r.visit_date > :returnStart AND r.visit_date <= :returnEnd) THEN 1 ELSE 0 END), 0) AS returned
            FROM (SELECT DISTINCT vin FROM visit WHERE visit_date > :cohortStart AND visit_date <= :cohortEnd
                  AND customer_id <inStores>) c
            """;

    /** Customers with visits in [from, to] by visit-count bucket (>=4, 3, 2, 1), within groups of {@code <group>}. */
    public static final String CUSTOMER_STRUCTURE = """
            SELECT <group> AS group_value,
                   CASE WHEN t.visits >= 4 THEN '>=4' ELSE CAST(t.visits AS VARCHAR(4)) END AS bucket,
                   COUNT(*) AS customers, SUM(t.visits) AS visits, SUM(t.revenue) AS revenue
            FROM (SELECT customer_id, COUNT(*) AS visits, COALESCE(SUM(amount), 0) AS revenue
                  FROM visit WHERE visit_date >= :from AND visit_date <= :to AND customer_id <inStores>
                  GROUP BY customer_id) t
            JOIN customer c ON c.id = t.customer_id
            GROUP BY <group>, CASE WHEN t.visits >= 4 THEN '>=4' ELSE CAST(t.visits AS VARCHAR(4)) END
            """;

    /** The customer groupings of the structure, by the name a report takes ({@code by}). */
    public static final Map<String, String> CUSTOMER_GROUPS = Map.of("none", "CAST('all' AS VARCHAR(3))",
            "region", "COALESCE(c.region, '')", "industry", "COALESCE(c.industry, '')", "kind", "COALESCE(c.kind, '')");

    /**
     * A KPI query over every store's customers: the queries above read {@code <inStores>}, the service's store filter
     * on a customer id (a 4S store of a group); where there are no stores (Spark, plain JDBC) it is every customer.
     */
    public static String everyStore(String sql) {
        return sql.replace("<inStores>", "IS NOT NULL");
    }

    private Kpis() {
    }

    /** The periods of {@link #CUSTOMERS_RETURNING} or {@link #VEHICLES_RETURNING}, as named parameters. */
    public record Periods(LocalDate cohortStart, LocalDate cohortEnd, LocalDate returnStart, LocalDate returnEnd) {
        public Map<String, Object> parameters() {
            return Map.of("cohortStart", cohortStart, "cohortEnd", cohortEnd, "returnStart", returnStart,
                    "returnEnd", returnEnd);
        }
    }

    /** Monthly churn of {@code month}: the customers who visited in month N-6, and who of them came back in N-5..N. */
    public static Periods monthly(YearMonth month) {
        YearMonth cohortMonth = month.minusMonths(6);
        return new Periods(cohortMonth.atDay(1), cohortMonth.plusMonths(1).atDay(1), cohortMonth.plusMonths(1).atDay(1),
                month.plusMonths(1).atDay(1));
    }

    /** Annual churn as of {@code asOf}: vehicles that visited in the year ending 12 months before, and since. */
    public static Periods annual(LocalDate asOf) {
        LocalDate yearAgo = asOf.minusMonths(12);
        return new Periods(asOf.minusMonths(24), yearAgo, yearAgo, asOf);
    }

    /** part / whole to four places (half up); null for an empty whole. */
    public static BigDecimal ratio(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
