package jipan.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jipan.core.Lang;
import jipan.core.ReasonText;
import jipan.TestRequests;
import jipan.api.CustomerResult;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.scenarios.DemoDealership;
import jipan.db.ClassificationRunDao.RunRuleRow;
import org.junit.jupiter.api.Test;

/** A stored answer (format 2: reasons as rule numbers of the run) reads back as the answer the API gives. */
class StoredResultsTest {
    private static final Classifier CLASSIFIER = jipan.ShippedRules.classifier(Classifier.DEFAULT_MAX_FIRINGS_PER_CUSTOMER);

    @Test
    void demoCustomersReadBackAsTheirAnswersOnEveryField() {
        DemoDealership dealership = new DemoDealership(7L, LocalDate.of(2012, 9, 30));
        List<CustomerFacts> customers = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            customers.add(dealership.customer(i));
        }
        for (LocalDate asOf : List.of(LocalDate.of(2011, 9, 30), LocalDate.of(2012, 9, 30))) {
            // numbered as the answers name the rules (as for results stored from outside), not up front
            StoredResults.RunRules rules = StoredResults.RunRules.of(1, List.of()).withTexts(CLASSIFIER.rules().texts());
            List<String> stored = new ArrayList<>();
            List<Classification> answers = CLASSIFIER.classify(asOf, customers);
            for (Classification answer : answers) {
                stored.add(StoredResults.write(TestRequests.JSON, answer, rules));
            }
            List<RunRuleRow> runRules = rules.takeUnsaved();
            assertThat(rules.takeUnsaved()).as("each rule handed to the writer once").isEmpty();
            assertThat(runRules).extracting(RunRuleRow::ruleNo).doesNotHaveDuplicates();
            int reasons = 0;
            StoredResults.Rules read = StoredResults.Rules.of(runRules);
            for (int i = 0; i < answers.size(); i++) {
                // stored once, language-neutral; read in each language exactly as classify answers in it
                for (Lang lang : Lang.values()) {
                    CustomerResult expected = CustomerResult.of(answers.get(i), CLASSIFIER.rules().texts(), lang);
                    assertThat(StoredResults.read(TestRequests.JSON, stored.get(i), read, lang)).isEqualTo(expected);
                    assertThat(stored.get(i)).doesNotContain(expected.reasons().get(0).rule())
                            .doesNotContain(expected.reasons().get(0).message());
                }
                reasons += answers.get(i).reasons().size();
            }
            assertThat(reasons).isGreaterThan(300 * 10);
        }
    }

    @Test
    void numbersGivenUpFrontFollowTheRuleNamesAndSurviveAResume() {
        StoredResults.RunRules first = StoredResults.RunRules.of(3, List.of()).numbering(CLASSIFIER.rules());
        List<RunRuleRow> saved = first.takeUnsaved();
        assertThat(saved).extracting(RunRuleRow::rule).isSorted().hasSize(CLASSIFIER.rules().ruleNames().size());
        StoredResults.RunRules resumed = StoredResults.RunRules.of(3, saved).numbering(CLASSIFIER.rules());
        assertThat(resumed.takeUnsaved()).isEmpty();
        assertThat(resumed.number(saved.get(5).rule(), saved.get(5).topic())).isEqualTo(5);
    }

    @Test
    void answersStoredBeforeTheNeutralFormReadAsTheyAre() throws Exception {
        Classification answer = CLASSIFIER.classify(LocalDate.of(2012, 9, 30),
                new DemoDealership(7L, LocalDate.of(2012, 9, 30)).customer(3));
        CustomerResult english = CustomerResult.of(answer, CLASSIFIER.rules().texts(), Lang.EN);
        String before = TestRequests.JSON.writeValueAsString(english);
        // the API's JSON, as stored before format 2: read as it is, in English whatever the language asked
        assertThat(StoredResults.read(TestRequests.JSON, before, StoredResults.Rules.of(List.of()), Lang.ZH))
                .isEqualTo(english);
        // format 2: [rule number, English sentence]
        String format2 = "{\"format\":2,\"customerId\":\"K1\",\"vehicles\":[],\"leads\":[],\"followUps\":[],"
                + "\"reasons\":[[0,\"4 customer-pay visits → A\"]]}";
        List<RunRuleRow> one = List.of(new RunRuleRow(1, 0, "Tier A", "tiers", null, null, null, null, null));
        assertThat(StoredResults.read(TestRequests.JSON, format2, StoredResults.Rules.of(one), Lang.ZH).reasons())
                .containsExactly(new ReasonText("Tier A", "Tier A", "4 customer-pay visits → A", "tiers"));
    }

    @Test
    void aRuleNumberTheRunDidNotStoreIsNamed() {
        String stored = "{\"format\":2,\"customerId\":\"K1\",\"vehicles\":[],\"leads\":[],\"followUps\":[],"
                + "\"reasons\":[[0,\"a\"],[7,\"b\"]]}";
        List<RunRuleRow> one = List.of(new RunRuleRow(1, 0, "Tier A", "tiers", null, null, null, null, null));
        assertThatThrownBy(() -> StoredResults.read(TestRequests.JSON, stored, StoredResults.Rules.of(one), Lang.EN))
                .hasMessageContaining("customer K1 names rule number 7, but its run stored 1 rules");
    }
}
