package jipan.spark;

import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the customer store's fact tables as Parquet (one directory per table), read over JDBC by customer id
 * ranges: the input {@link ClassifyJob} takes with {@code --parquet}, so a classification (or a report) need not
 * load the production database again.
 *
 * <pre>
 * ExportJob --jdbc URL [--user U] [--password P] --out DIR [--partitions N] [--master local[2]]
 * </pre>
 */
public final class ExportJob {
    private ExportJob() {
    }

    public static void main(String[] args) throws Exception {
        String jdbc = Arguments.value(args, "--jdbc", null);
        String out = Arguments.value(args, "--out", null);
        if (jdbc == null || out == null) {
            throw new IllegalArgumentException("usage: ExportJob --jdbc URL [--user U] [--password P] --out DIR "
                    + "[--partitions N] [--master local[2]]");
        }
        Properties connection = Arguments.connection(args);
        try (SparkSession spark = Arguments.session(args, "jipan export")) {
            long start = System.nanoTime();
            StoreTables.writeParquet(StoreTables.jdbc(spark, jdbc, connection,
                    Integer.parseInt(Arguments.value(args, "--partitions", "8"))), out);
            System.out.printf("exported the store's %d tables to %s in %.1f s%n", StoreTables.SCHEMAS.size(), out,
                    (System.nanoTime() - start) / 1e9);
        }
    }
}
