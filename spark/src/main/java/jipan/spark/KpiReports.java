package jipan.spark;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jipan.core.kpi.Kpis;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The service's churn and customer-structure reports as Spark SQL over the store's tables (Parquet or JDBC):
 * the same queries, periods and ratios ({@link Kpis}) the service runs on its database, so the same numbers.
 *
 * <pre>
 * ReportsJob --parquet DIR (--month 2012-07 | --as-of 2012-09-30 | --from 2011-10-01 --to 2012-09-30 --by region)
 * </pre>
 */
public final class KpiReports {
    private final SparkSession spark;

    /** Reports over these tables (registered as the session's views under the store's table names). */
    public KpiReports(SparkSession spark, Map<String, Dataset<Row>> tables) {
        this.spark = spark;
        tables.forEach((name, table) -> table.createOrReplaceTempView(name));
    }

    /** A cohort, how many of it came back, and the churn (1 - returned / cohort; lost / cohort for vehicles). */
    public record Cohort(int cohort, int returned, BigDecimal churn) {
    }

    /** Monthly churn of {@code month}: the service's {@code churn-monthly}. */
    public Cohort monthlyChurn(YearMonth month) {
        Row counts = query(Kpis.everyStore(Kpis.CUSTOMERS_RETURNING), Kpis.monthly(month).parameters()).first();
        int cohort = (int) counts.getLong(0);
        int returned = (int) counts.getLong(1);
        return new Cohort(cohort, returned, cohort == 0 ? null : BigDecimal.ONE.subtract(Kpis.ratio(returned, cohort)));
    }

    /** Annual churn as of {@code asOf}: the service's {@code churn-annual} (lost vehicles over the cohort). */
    public Cohort annualChurn(LocalDate asOf) {
        Row counts = query(Kpis.everyStore(Kpis.VEHICLES_RETURNING), Kpis.annual(asOf).parameters()).first();
        int cohort = (int) counts.getLong(0);
        int returned = (int) counts.getLong(1);
        return new Cohort(cohort, returned, Kpis.ratio(cohort - returned, cohort));
    }

    /** The customer structure in [from, to] by {@code by} (none, region, industry, kind): group, bucket, counts. */
    public List<Row> structure(LocalDate from, LocalDate to, String by) {
        String group = Kpis.CUSTOMER_GROUPS.get(by);
        if (group == null) {
            throw new IllegalArgumentException("by: one of " + Kpis.CUSTOMER_GROUPS.keySet() + " (got '" + by + "')");
        }
        return query(Kpis.everyStore(Kpis.CUSTOMER_STRUCTURE).replace("<group>", group), Map.of("from", from, "to", to))
                .orderBy("group_value", "bucket").collectAsList();
    }

    private Dataset<Row> query(String sql, Map<String, Object> parameters) {
        Map<String, Object> args = new HashMap<>();
        parameters.forEach((name, value) -> args.put(name, value instanceof LocalDate date ? Date.valueOf(date) : value));
        return spark.sql(sql, args);
    }
}
