package jipan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.JsonSettings;
import jipan.core.facts.Lead;
import jipan.core.facts.Vehicle;
import jipan.core.facts.Visit;
import jipan.core.scenarios.DemoDealership;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode on two cores gives, for every customer of the demo dealership, exactly the answer
 * the engine gives in process — tier, churn, loyalty, grade, vehicles, leads, follow-ups, every reason in order
 * — for the same facts and rules: the facts in the order the service's store reads them, as {@code classify-all}
 * classifies them.
 */
class ClassifyJobTest {
    private static final LocalDate AS_OF = LocalDate.of(2012, 9, 30);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("jipan test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyResultEqualsTheEnginesAnswerInProcess(@TempDir Path dir) throws Exception {
        DemoDealership dealership = new DemoDealership(7L, AS_OF);
        List<CustomerFacts> customers = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            customers.add(dealership.customer(i));
        }
        StoreTables.of(spark, customers).forEach((table, rows) -> rows.write().parquet(dir.resolve("store/" + table).toString()));

        long classified = ClassifyJob.run(spark, new ClassifyJob.Options(AS_OF, Path.of("../rules"),
                dir.resolve("store").toString(), null, null, null, dir.resolve("results").toString(), 4));

        assertThat(classified).isEqualTo(400);
        Classifier engine = new Classifier(new RuleCompiler().compile(RuleFiles.readDirectory(Path.of("../rules"))),
                Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
        ObjectMapper json = JsonSettings.newObjectMapper();
        Map<String, String> expected = new HashMap<>();
        for (CustomerFacts customer : customers) {
            expected.put(customer.customer().getId(), json.writeValueAsString(engine.classify(AS_OF, inStoreOrder(customer))));
        }
        Map<String, String> actual = new HashMap<>();
        for (Row row : spark.read().parquet(dir.resolve("results").toString()).collectAsList()) {
            actual.put(row.getAs("customer_id"), row.getAs("result_json"));
            assertThat(row.<String>getAs("ruleset_version")).isEqualTo(RuleFiles.readDirectory(Path.of("../rules")).version());
        }
        assertThat(actual).hasSize(400);
        for (String id : expected.keySet()) {
            assertThat(actual.get(id)).as(id).isEqualTo(expected.get(id));
        }
        // the demo base exercises the rules: more than one tier, churn status and defeat category among the answers
        assertThat(spark.read().parquet(dir.resolve("results").toString()).select("tier").distinct().count()).isGreaterThan(2);
    }

    /** The facts as the store hands them to the rules (CustomerDao's ORDER BY of each table). */
    private static CustomerFacts inStoreOrder(CustomerFacts facts) {
        List<Vehicle> vehicles = new ArrayList<>(facts.vehicles());
        vehicles.sort(Comparator.comparing(Vehicle::getVin));
        List<Visit> visits = new ArrayList<>(facts.visits());
        visits.sort(Comparator.comparing(Visit::getDate).thenComparing(Visit::getRoNumber));
        List<Lead> leads = new ArrayList<>(facts.leads());
        leads.sort(Comparator.comparing(Lead::getCreatedOn).thenComparing(Lead::getLeadId));
        return new CustomerFacts(facts.customer(), vehicles, visits, leads, facts.complaints(), facts.events(),
                facts.referrals(), facts.surveys());
    }
}
