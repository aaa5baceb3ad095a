package jipan.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.JsonSettings;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies a partition of assembled customers on an executor. The rule base is built once per executor JVM
 * from the rule files' text, broadcast by the driver (a compiled rule base cannot be serialised), through the
 * same {@link RuleCompiler} as the service — parsed, compiled and verified on its compiled form — and shared
 * by the JVM's tasks, keyed by the rule set's version.
 */
final class PartitionClassifier implements MapPartitionsFunction<Row, Row> {
    /** What a result row holds: the summary the service's reports read, and the whole answer as JSON. */
    static final StructType RESULT = DataTypes.createStructType(new StructField[] {
        DataTypes.createStructField("customer_id", DataTypes.StringType, false),
        DataTypes.createStructField("as_of", DataTypes.DateType, false),
        DataTypes.createStructField("ruleset_version", DataTypes.StringType, false),
        DataTypes.createStructField("tier", DataTypes.StringType, true),
        DataTypes.createStructField("churn", DataTypes.StringType, true),
        DataTypes.createStructField("loyalty_score", DataTypes.IntegerType, true),
        DataTypes.createStructField("loyalty_level", DataTypes.StringType, true),
        DataTypes.createStructField("base_grade", DataTypes.StringType, true),
        DataTypes.createStructField("result_json", DataTypes.StringType, false)});

    private static final Map<String, Classifier> CLASSIFIERS = new ConcurrentHashMap<>();

    private final Broadcast<TreeMap<String, String>> rules;
    private final String version;
    private final LocalDate asOf;

    PartitionClassifier(Broadcast<TreeMap<String, String>> rules, String version, LocalDate asOf) {
        this.rules = rules;
        this.version = version;
        this.asOf = asOf;
    }

    /** This JVM's classifier for the broadcast rule set, compiled and verified the first time a task needs it. */
    private Classifier classifier() {
        return CLASSIFIERS.computeIfAbsent(version, v -> new Classifier(new RuleCompiler().compile(new RuleFiles(rules.value())),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER));
    }

    @Override
    public Iterator<Row> call(Iterator<Row> customers) {
        Classifier classifier = classifier();
        ObjectMapper json = JsonSettings.newObjectMapper();
        Date date = Date.valueOf(asOf);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return customers.hasNext();
            }

            @Override
            public Row next() {
                Classification result = classifier.classify(asOf, CustomerRows.facts(customers.next()));
                try {
                    return RowFactory.create(result.customerId(), date, version, name(result.tier()), name(result.churn()),
                            result.loyalty() == null ? null : result.loyalty().score(),
                            result.loyalty() == null ? null : name(result.loyalty().level()), name(result.baseGrade()),
                            json.writeValueAsString(result));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a classification always serialises", e);
                }
            }
        };
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
