package jipan.spark;

import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The churn and structure reports ({@link KpiReports}) over Parquet the {@code ExportJob} wrote, printed as the
 * service's {@code report} command would compute them.
 *
 * <pre>
 * ReportsJob --parquet DIR [--month 2012-07] [--as-of 2012-09-30] [--from 2011-10-01 --to 2012-09-30 [--by region]]
 *            [--master local[2]]
 * </pre>
 */
public final class ReportsJob {
    private ReportsJob() {
    }

    public static void main(String[] args) throws Exception {
        String parquet = Arguments.value(args, "--parquet", null);
        if (parquet == null) {
            throw new IllegalArgumentException("usage: ReportsJob --parquet DIR [--month YYYY-MM] [--as-of YYYY-MM-DD] "
                    + "[--from YYYY-MM-DD --to YYYY-MM-DD [--by none|region|industry|kind]] [--master local[2]]");
        }
        try (SparkSession spark = Arguments.session(args, "jipan reports")) {
            KpiReports reports = new KpiReports(spark, StoreTables.parquet(spark, parquet));
            String month = Arguments.value(args, "--month", null);
            if (month != null) {
                KpiReports.Cohort churn = reports.monthlyChurn(YearMonth.parse(month));
                System.out.printf("churn-monthly %s: cohort %d, returned %d, churn %s%n", month, churn.cohort(),
                        churn.returned(), churn.churn());
            }
            String asOf = Arguments.value(args, "--as-of", null);
            if (asOf != null) {
                KpiReports.Cohort churn = reports.annualChurn(LocalDate.parse(asOf));
                System.out.printf("churn-annual %s: cohort %d vehicles, lost %d, churn %s%n", asOf, churn.cohort(),
                        churn.cohort() - churn.returned(), churn.churn());
            }
            String from = Arguments.value(args, "--from", null);
            String to = Arguments.value(args, "--to", null);
            if (from != null && to != null) {
                String by = Arguments.value(args, "--by", "none");
                System.out.printf("structure %s..%s by %s: group, bucket, customers, visits, revenue%n", from, to, by);
                for (Row row : reports.structure(LocalDate.parse(from), LocalDate.parse(to), by)) {
                    System.out.printf("  %s\t%s\t%d\t%d\t%s%n", row.get(0), row.get(1), row.getLong(2), row.getLong(3), row.get(4));
                }
            }
        }
    }
}
