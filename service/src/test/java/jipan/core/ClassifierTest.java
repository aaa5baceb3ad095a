package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jipan.TestRequests;
import jipan.bench.SyntheticCustomers;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.facts.Churn;
import jipan.core.facts.Tier;
import org.junit.jupiter.api.Test;

/** The shipped rules of rules/, and what an analyst's edit of them does. */
class ClassifierTest {
    private static final Path RULES = Path.of("../rules");
    private final ClassifyRequest threeVisits = TestRequests.classifyRequest("three-customer-pay-visits.json");

    @Test
    void threeCustomerPayVisitsAreTierBWithTheNumbersInTheReason() {
        Classification result = classifier(RuleFiles.readDirectory(RULES)).classify(threeVisits.asOf(),
                threeVisits.customers().get(0));

        assertThat(result.tier()).isEqualTo(Tier.B);
        assertThat(result.churn()).isEqualTo(Churn.ACTIVE);
        assertThat(result.reasons()).contains(new Reason("Tier B: regular customer-pay visitor", "tiers",
                new Sentence(null, List.of("3", "12", "2012-09-30", "2", "4"))));
        RuleTexts texts = classifier(RuleFiles.readDirectory(RULES)).rules().texts();
        assertThat(result.reasons()).extracting(reason -> texts.text(reason, Lang.EN).message())
                .contains("3 customer-pay visits in the 12 months to 2012-09-30 (B from 2, A from 4) → B");
        assertThat(result.reasons()).extracting(reason -> texts.text(reason, Lang.ZH).message())
                .contains("截至 2012-09-30 的 12 个月内自费回厂 3 次（2 次起为 B 类，4 次起为 A 类）→ B 类");
    }

    @Test
    void loweringTheTierAThresholdInTheRuleFileMakesThreeVisitsA() throws IOException {
        Map<String, String> files = new HashMap<>(RuleFiles.readDirectory(RULES).files());
        String tiers = files.get("tiers.drl");
        assertThat(tiers).contains("minVisitsForA : int = 4");
        files.put("tiers.drl", tiers.replace("minVisitsForA : int = 4", "minVisitsForA : int = 3"));

        Classifier classifier = classifier(new RuleFiles(files));
        Classification result = classifier.classify(threeVisits.asOf(), threeVisits.customers().get(0));

        assertThat(result.tier()).isEqualTo(Tier.A);
        assertThat(result.reasons()).extracting(reason -> classifier.rules().texts().text(reason, Lang.EN).message())
                .contains("3 customer-pay visits in the 12 months to 2012-09-30 (A from 3) → A");
    }

    @Test
    void aRuleThatNeverStopsFiringIsCutOffAndNamed() throws IOException {
        Map<String, String> files = new HashMap<>(RuleFiles.readDirectory(RULES).files());
        files.put("looping.drl", Files.readString(Path.of("src/test/resources/rule-edits/looping.drl")));

        assertThatThrownBy(() -> new Classifier(new RuleCompiler().compile(new RuleFiles(files)), 500)
                .classify(threeVisits.asOf(), threeVisits.customers().get(0)))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("customer C3")
                .hasMessageContaining("limit 500")
                .hasMessageContaining("most fired: 'Runaway: echoes forever'");
    }

    @Test
    void rulesThatRunTooLongAreStoppedByTheTimeLimitAndTheServiceGoesOn() throws IOException {
        Map<String, String> files = new HashMap<>(RuleFiles.readDirectory(RULES).files());
        files.put("looping.drl", Files.readString(Path.of("src/test/resources/rule-edits/looping.drl")));
        Classifier classifier = new Classifier(new RuleCompiler().compile(new RuleFiles(files)), 100_000_000, 50);

        assertThatThrownBy(() -> classifier.classify(threeVisits.asOf(), threeVisits.customers().get(0)))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("ran longer than 50 ms")
                .hasMessageContaining("most fired: 'Runaway: echoes forever'");
        // the shipped rules answer as before on the same machinery
        assertThat(classifier(RuleFiles.readDirectory(RULES)).classify(threeVisits.asOf(),
                threeVisits.customers().get(0)).tier()).isEqualTo(Tier.B);
    }

    @Test
    void twoRulesDecidingDifferentTiersIsAnErrorNamingBoth() throws IOException {
        Map<String, String> files = new HashMap<>(RuleFiles.readDirectory(RULES).files());
        files.put("second-tier.drl", Files.readString(Path.of("src/test/resources/rule-edits/second-tier.drl")));

        assertThatThrownBy(() -> classifier(new RuleFiles(files)).classify(threeVisits.asOf(),
                threeVisits.customers().get(0)))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("2 rules decided the tier")
                .hasMessageContaining("'Tier B: regular customer-pay visitor' → B")
                .hasMessageContaining("'Everybody with a customer-pay visit is A' → A");
    }

    @Test
    void aReusedSessionAnswersEachCustomerAsAFreshSessionWould() {
        CompiledRules rules = new RuleCompiler().compile(RuleFiles.readDirectory(RULES));
        LocalDate asOf = LocalDate.of(2012, 9, 30);
        List<CustomerFacts> customers = new CustomerFactsReader()
                .readClassifyRequest(SyntheticCustomers.request(asOf, 300, 11L)).customers();

        List<Classification> reused = new Classifier(rules, 10_000).classify(asOf, customers);

        for (int i = 0; i < customers.size(); i++) {
            Classification fresh = new Classifier(rules, 10_000).classify(asOf, customers.get(i));
            assertThat(reused.get(i)).as(customers.get(i).customer().getId()).isEqualTo(fresh);
        }
        assertThat(reused).extracting(Classification::tier).contains(Tier.A, Tier.B, Tier.C, Tier.D, Tier.NONE);
    }

    private static Classifier classifier(RuleFiles files) {
        return new Classifier(new RuleCompiler().compile(files), Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);
    }
}
