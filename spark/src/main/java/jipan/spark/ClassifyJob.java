package jipan.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.RunResults;
import jipan.core.documents.JsonSettings;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Classifies a whole customer base as of a date with Spark: the store's tables (over JDBC, split by customer id
 * ranges, or from Parquet), assembled per customer, each partition classified by the engine with the rules of
 * a rules directory, the results written as Parquet. See docs/spark.md.
 *
 * <pre>
 * ClassifyJob --as-of 2012-09-30 --rules rules|store (--parquet DIR | --jdbc URL [--user U] [--password P])
 *             --out DIR [--run-out DIR] [--partitions N] [--master local[2]]
 * </pre>
 */
public final class ClassifyJob {
    private ClassifyJob() {
    }

    /** What to classify and where to write it. */
    /** {@code rules}: a rules directory, or {@link #STORE_RULES} for the store's active version (with {@code jdbc}). */
    public record Options(LocalDate asOf, String rules, String parquet, String jdbc, String user, String password,
                          String out, int partitions, String runOut, String store) {
        /** The options of the whole group's customers. */
        public Options(LocalDate asOf, String rules, String parquet, String jdbc, String user, String password,
                       String out, int partitions, String runOut) {
            this(asOf, rules, parquet, jdbc, user, password, out, partitions, runOut, null);
        }
    }

    /** {@code --rules store}: the rule set active in the store the job reads (the rules the service runs). */
    public static final String STORE_RULES = "store";

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        try (SparkSession spark = Arguments.session(args, "jipan classify " + options.asOf())) {
            long start = System.nanoTime();
            long customers = run(spark, options);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("classified %,d customers as of %s in %.1f s (%,.0f customers/s) → %s%n", customers,
                    options.asOf(), seconds, customers / seconds, options.out());
        }
    }

    /** Runs the job on {@code spark}; answers how many customers were classified. */
    public static long run(SparkSession spark, Options options) throws Exception {
        // every shuffle (assembling customers) in as many partitions as the input: Spark's default of 200 means
        // hundreds of tiny tasks per join on a small cluster
        spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(options.partitions()));
        RuleFiles files = rules(options);
        // compiled and verified on the driver first: a broken rule set stops the job before any task starts
        long compiling = System.nanoTime();
        jipan.core.CompiledRules compiled = new RuleCompiler().compile(files);
        System.out.printf("rules %s compiled and verified on the driver in %.1f s%n", files.version(),
                (System.nanoTime() - compiling) / 1e9);
        Map<String, Dataset<Row>> tables;
        if (options.parquet() != null) {
            tables = StoreTables.parquet(spark, options.parquet());
        } else {
            tables = StoreTables.jdbc(spark, options.jdbc(), Arguments.connection(options.user(), options.password()),
                    options.partitions());
        }
        if (options.store() != null) {
            // one 4S store of a group: its customers only (their facts follow them in the joins)
            tables = new java.util.LinkedHashMap<>(tables);
            tables.put("customer", tables.get("customer").filter(
                    org.apache.spark.sql.functions.col("store").equalTo(options.store())));
        }
        Broadcast<TreeMap<String, String>> rules = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new TreeMap<>(files.files()));
        Dataset<Row> customers = CustomerRows.assemble(tables);
        Dataset<Row> results = customers.mapPartitions(new PartitionClassifier(rules, files.version(), options.asOf()),
                Encoders.row(PartitionClassifier.RESULT));
        long classifying = System.nanoTime();
        results.write().mode(SaveMode.Overwrite).parquet(options.out());
        System.out.printf("read, assembled, classified and written in %.1f s%n", (System.nanoTime() - classifying) / 1e9);
        long classified = spark.read().parquet(options.out()).count();
        if (options.runOut() != null) {
            writeRun(spark, options, files.version(), classified, compiled.texts());
        }
        return classified;
    }

    /**
     * The results as a run for the service's {@code store-run} command ({@link RunResults}): the answers as JSON
     * lines in part files, and the manifest, written last (a directory without it is not a run).
     */
    private static void writeRun(SparkSession spark, Options options, String version, long customers,
                                 jipan.core.RuleTexts texts) throws Exception {
        spark.read().parquet(options.out()).select("result_json").write().mode(SaveMode.Overwrite).text(options.runOut());
        org.apache.hadoop.fs.Path manifest = new org.apache.hadoop.fs.Path(options.runOut(), RunResults.MANIFEST);
        FileSystem files = manifest.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (OutputStream out = files.create(manifest, true)) {
            JsonSettings.newObjectMapper().writeValue(out, new RunResults(options.asOf(), version, customers, texts.all()));
        }
        System.out.printf("the run for store-run: %s%n", options.runOut());
    }

    /** The rule files: a directory's, or the store's active version (table rule_version, as the service keeps it). */
    static RuleFiles rules(Options options) throws Exception {
        if (!STORE_RULES.equals(options.rules())) {
            return RuleFiles.readDirectory(Path.of(options.rules()));
        }
        if (options.jdbc() == null) {
            throw new IllegalArgumentException("--rules store reads the active rule version of the store: give --jdbc");
        }
        try (Connection store = DriverManager.getConnection(options.jdbc(),
                Arguments.connection(options.user(), options.password()));
             Statement query = store.createStatement();
             ResultSet active = query.executeQuery("SELECT files_json FROM rule_version WHERE active")) {
            if (!active.next()) {
                throw new IllegalArgumentException("the store has no active rule version (the service records one when "
                        + "it starts): give --rules DIR");
            }
            Map<String, String> files = JsonSettings.newObjectMapper().readValue(active.getString(1),
                    new TypeReference<TreeMap<String, String>>() { });
            System.out.printf("rules: the store's active version (%d files)%n", files.size());
            return new RuleFiles(files);
        }
    }

    static Options parse(String[] args) {
        String asOf = Arguments.value(args, "--as-of", null);
        String out = Arguments.value(args, "--out", null);
        String parquet = Arguments.value(args, "--parquet", null);
        String jdbc = Arguments.value(args, "--jdbc", null);
        if (asOf == null || out == null || (parquet == null) == (jdbc == null)) {
            throw new IllegalArgumentException("usage: ClassifyJob --as-of YYYY-MM-DD --rules DIR|store (--parquet DIR | --jdbc URL "
                    + "[--user U] [--password P]) --out DIR [--run-out DIR] [--store CODE] [--partitions N] [--master local[2]]");
        }
        return new Options(LocalDate.parse(asOf), Arguments.value(args, "--rules", "rules"), parquet, jdbc,
                Arguments.value(args, "--user", null), Arguments.value(args, "--password", null), out,
                Integer.parseInt(Arguments.value(args, "--partitions", "8")), Arguments.value(args, "--run-out", null),
                Arguments.value(args, "--store", null));
    }
}
