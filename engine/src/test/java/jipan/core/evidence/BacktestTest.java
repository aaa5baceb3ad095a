package jipan.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jipan.ShippedRules;
import jipan.core.Classifier;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import org.junit.jupiter.api.Test;

/**
 * Every backtest metric computed on the eight hand-made customers of docs/domain.md §6.1, figures worked out by hand
 * there: the live rules, and a candidate that calls a customer AT_RISK after four months without a visit.
 */
class BacktestTest {
    private static final LocalDate D = LocalDate.of(2012, 3, 31);

    private static ClassifyRequest customers() throws Exception {
        return new CustomerFactsReader().readClassifyRequest(new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("src/test/resources/evidence/backtest-customers.yml").toFile()).get("request"));
    }

    private static Classifier activeWithin(int months) {
        Map<String, String> files = new HashMap<>(ShippedRules.FILES.files());
        files.put("churn.drl", files.get("churn.drl").replace("activeWithinMonths : int = 6",
                "activeWithinMonths : int = " + months));
        return new Classifier(new RuleCompiler().compile(new RuleFiles(files)), 10_000);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void whatCustomersDidAfterDIsReadFromTheirLaterFacts() throws Exception {
        var facts = customers().customers();
        LocalDate end = D.plusMonths(6);
        assertThat(Afterwards.of(facts.get(0), D, end)).isEqualTo(new Afterwards(true, 20, false));
        assertThat(Afterwards.of(facts.get(1), D, end)).isEqualTo(new Afterwards(false, null, false));
        assertThat(Afterwards.of(facts.get(4), D, end)).as("a warranty job is not coming back")
                .isEqualTo(new Afterwards(false, null, false));
        assertThat(Afterwards.of(facts.get(5), D, end)).isEqualTo(new Afterwards(true, 151, false));
        assertThat(Afterwards.of(facts.get(7), D, end)).isEqualTo(new Afterwards(false, null, true));
        assertThat(Afterwards.of(facts.get(5), D, D.plusMonths(4))).as("151 days is past a four-month horizon")
                .isEqualTo(new Afterwards(false, null, false));
    }

    @Test
    void theLiveRulesAreScoredPerStateTierAndTaskAndAsAPrediction() throws Exception {
        Backtest backtest = new Backtest(D, 6, ShippedRules.classifier(10_000), null);
        backtest.add(customers().customers());
        BacktestResult result = backtest.result();

        assertThat(result.customers()).isEqualTo(8);
        assertThat(result.horizonEnd()).isEqualTo(LocalDate.of(2012, 9, 30));
        assertThat(result.candidate()).isNull();
        BacktestScore live = result.live();
        assertThat(live.byChurn()).containsExactly(
                new BacktestScore.Cell(null, "ACTIVE", 2, 1, d("0.5000"), null, null),
                new BacktestScore.Cell(null, "AT_RISK", 3, 1, d("0.3333"), null, null),
                new BacktestScore.Cell(null, "LOST", 2, 1, d("0.5000"), null, null),
                new BacktestScore.Cell(null, "PROSPECT", 1, 0, d("0.0000"), null, null));
        assertThat(live.byTier()).as("A stayed A once in two; C: only RISK-RETURNS is still C; D: LOST-GONE")
                .containsExactly(
                new BacktestScore.Cell("A", null, 2, 1, d("0.5000"), 1, d("0.5000")),
                new BacktestScore.Cell("C", null, 3, 1, d("0.3333"), 1, d("0.3333")),
                new BacktestScore.Cell("D", null, 2, 1, d("0.5000"), 1, d("0.5000")),
                new BacktestScore.Cell("PROSPECT", null, 1, 0, d("0.0000"), 1, d("1.0000")));
        assertThat(live.byTierAndChurn()).extracting(c -> c.tier() + "/" + c.churn() + " " + c.cameBackShare())
                .containsExactly("A/ACTIVE 0.5000", "C/AT_RISK 0.3333", "D/LOST 0.5000", "PROSPECT/PROSPECT 0.0000");
        assertThat(live.willNotComeBack()).isEqualTo(new BacktestScore.Prediction(7, 5, 4, 3, d("0.6000"),
                d("0.7500"), d("0.5714"), d("1.05")));
        assertThat(live.byFollowUp()).filteredOn(t -> t.kind().equals("RETENTION_CALL")).singleElement()
                .isEqualTo(new BacktestScore.TaskCell("RETENTION_CALL", 3, 1, d("0.3333"), 40, 0, d("0.0000")));
    }

    @Test
    void aCandidateIsScoredBesideTheLiveRulesWithTheCustomersItMoves() throws Exception {
        Backtest backtest = new Backtest(D, 6, ShippedRules.classifier(10_000), activeWithin(4));
        backtest.add(customers().customers().subList(0, 4));
        backtest.add(customers().customers().subList(4, 8));
        BacktestResult result = backtest.result();

        assertThat(result.live().willNotComeBack().precision()).isEqualTo(d("0.6000"));
        assertThat(result.candidate().willNotComeBack()).as("A-FADES is AT_RISK after four months: caught")
                .isEqualTo(new BacktestScore.Prediction(7, 6, 4, 4, d("0.6667"), d("1.0000"), d("0.5714"), d("1.17")));
        assertThat(result.changed()).isEqualTo(1);
        assertThat(result.moves()).containsExactly(new BacktestResult.Move("churn", "ACTIVE", "AT_RISK", 1, 0,
                d("0.0000")));
        assertThat(result.examples()).containsExactly(new BacktestResult.Changed("A-FADES", "A", "A", "ACTIVE",
                "AT_RISK", false, null, false));
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleValue() {
        assertThat(Backtest.median(List.of(40, 10, 30, 20))).isEqualTo(20);
        assertThat(Backtest.median(List.of(7))).isEqualTo(7);
        assertThat(Backtest.median(List.of())).isNull();
    }
}
