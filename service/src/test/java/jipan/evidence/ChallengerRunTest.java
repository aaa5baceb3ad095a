package jipan.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jipan.ShippedRules;
import jipan.TestRequests;
import jipan.core.Classifier;
import jipan.core.CustomerUpsert;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import jipan.db.CustomerStore;
import jipan.db.TestDatabases;
import jipan.lifecycle.LiveRules;
import jipan.reports.Reports;
import jipan.runs.ClassificationRuns;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run with a challenger: the eight hand-made customers of docs/domain.md §6.1 classified as of D by the shipped
 * rules and by a challenger that calls a customer AT_RISK after four months; the challenger report counts each pair
 * of answers, on H2 and PostgreSQL, and the run's own results and call list are the shipped rules' alone.
 */
class ChallengerRunTest {

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void theChallengersAnswersAreStoredApartAndComparedPairByPair(String kind) throws Exception {
        ClassifyRequest request = new CustomerFactsReader().readClassifyRequest(new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../engine/src/test/resources/evidence/backtest-customers.yml").toFile())
                .get("request"));
        Map<String, String> files = new HashMap<>(ShippedRules.FILES.files());
        files.put("churn.drl", files.get("churn.drl").replace("activeWithinMonths : int = 6",
                "activeWithinMonths : int = 4"));
        Classifier challenger = new Classifier(new RuleCompiler().compile(new RuleFiles(files)), 10_000);
        TestDatabases.with(kind, database -> {
            CustomerStore store = new CustomerStore(database.jdbi());
            store.upsert(request.customers().stream().map(CustomerUpsert::complete).toList());
            ClassificationRuns runs = new ClassificationRuns(database.jdbi(), store,
                    new LiveRules(ShippedRules.classifier(10_000)), TestRequests.JSON,
                    3);
            runs.challenger(() -> Optional.of(challenger));
            long run = runs.create(request.asOf()).id();
            runs.execute(run, done -> { });

            List<Reports.ChallengerLine> lines = new Reports(database.jdbi(), Clock.systemUTC()).challenger(run);
            assertThat(lines).allMatch(line -> line.challengerVersion().equals(challenger.rulesetVersion()));
            assertThat(lines).filteredOn(line -> line.output().equals("CHURN"))
                    .extracting(line -> line.champion() + "→" + line.challenger() + " " + line.customers() + " "
                            + line.moved())
                    .containsExactly("ACTIVE→ACTIVE 1 false", "ACTIVE→AT_RISK 1 true", "AT_RISK→AT_RISK 3 false",
                            "LOST→LOST 2 false", "PROSPECT→PROSPECT 1 false");
            assertThat(lines).filteredOn(Reports.ChallengerLine::moved).singleElement()
                    .satisfies(line -> assertThat(line.share()).isEqualByComparingTo(new BigDecimal("0.125")));
            assertThat(lines).filteredOn(line -> line.output().equals("TIER")).allMatch(line -> !line.moved());
            // the run's own answer is the shipped rules': A-FADES is ACTIVE there, and has no retention call
            String churn = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT churn FROM classification_result WHERE run_id = :run AND customer_id = 'A-FADES'")
                    .bind("run", run).mapTo(String.class).one());
            int tasks = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM follow_up WHERE run_id = :run AND customer_id = 'A-FADES' "
                            + "AND kind = 'RETENTION_CALL'")
                    .bind("run", run).mapTo(Integer.class).one());
            assertThat(churn).isEqualTo("ACTIVE");
            assertThat(tasks).isZero();
        });
    }
}
