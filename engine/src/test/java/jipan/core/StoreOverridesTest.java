package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jipan.ShippedRules;
import jipan.core.documents.ClassifyRequest;
import jipan.core.documents.CustomerFactsReader;
import jipan.core.facts.Tier;
import org.junit.jupiter.api.Test;

/**
 * A store's own values of the group's settings: read from store-settings.properties, refused at their line when
 * wrong, and classifying that store's customers (only) with the store's thresholds.
 */
class StoreOverridesTest {

    private static RuleFiles withOverrides(String text) {
        Map<String, String> files = new TreeMap<>(ShippedRules.FILES.files());
        files.put(StoreOverrides.FILE, text);
        return new RuleFiles(files);
    }

    /** The same customer (three customer-pay visits in the window) in S1, in S2 and in no store. */
    private static ClassifyRequest threeVisits() throws Exception {
        List<String> customers = new java.util.ArrayList<>();
        for (String id : List.of("S1", "S2", "NN")) {
            String vin = "LSGPC54U8AF0000" + id;
            String store = id.equals("NN") ? "" : ", \"store\": \"" + id + "\"";
            List<String> visits = new java.util.ArrayList<>();
            for (int month = 4; month <= 6; month++) {
                visits.add("{\"roNumber\": \"" + id + month + "\", \"vin\": \"" + vin + "\", \"date\": \"2012-0"
                        + month + "-10\", \"payType\": \"CUSTOMER_PAY\", \"serviceType\": \"MAINTENANCE\", "
                        + "\"amount\": 300}");
            }
            customers.add("{\"id\": \"" + id + "\"" + store + ", \"vehicles\": [{\"vin\": \"" + vin + "\"}], "
                    + "\"visits\": [" + String.join(", ", visits) + "]}");
        }
        return new CustomerFactsReader().readClassifyRequest(new ObjectMapper().readTree(
                "{\"asOf\": \"2012-09-30\", \"customers\": [" + String.join(", ", customers) + "]}"));
    }

    @Test
    void aStoresOwnThresholdClassifiesItsCustomersOnly() throws Exception {
        RuleFiles files = withOverrides("# S1 counts three visits as frequent\nS1: TierSettings.minVisitsForA = 3\n");
        Classifier classifier = new Classifier(new RuleCompiler().compile(files), 10_000);
        assertThat(classifier.rulesetVersion()).isEqualTo(files.version()).isNotEqualTo(ShippedRules.FILES.version());
        ClassifyRequest request = threeVisits();
        List<Classification> results = classifier.classify(request.asOf(), request.customers());
        assertThat(results).extracting(Classification::customerId).containsExactly("S1", "S2", "NN");
        assertThat(results.get(0).tier()).isEqualTo(Tier.A);
        assertThat(results.get(1).tier()).isEqualTo(Tier.B);
        assertThat(results.get(2).tier()).isEqualTo(Tier.B);
        // the reason says the store's number
        assertThat(results.get(0).reasons().toString()).contains("3");
        // the group's settings are still the group's: the form reads the DRL, not the store's copy
        assertThat(RuleSettings.read(files)).filteredOn(s -> s.name().equals("minVisitsForA"))
                .extracting(RuleSettings.Setting::value).containsExactly("4");
    }

    @Test
    void aWrongOverrideIsRefusedAtItsLine() {
        assertThatThrownBy(() -> new RuleCompiler().compile(withOverrides("""
                # comments and blank lines are fine

                S1: TierSettings.minVisitsForA = many
                S1: TierSettings.noSuchThing = 3
                S2 TierSettings.minVisitsForA 3
                S3: TierSettings.minVisitsForB = 2
                S3: TierSettings.minVisitsForB = 3
                """))).isInstanceOf(RuleCompilationException.class).satisfies(e -> {
            List<RuleProblem> problems = ((RuleCompilationException) e).errors();
            assertThat(problems).extracting(RuleProblem::file).containsOnly(StoreOverrides.FILE);
            assertThat(problems).extracting(RuleProblem::line).containsExactly(5, 7);
        });
        assertThatThrownBy(() -> new RuleCompiler().compile(withOverrides("""
                S1: TierSettings.minVisitsForA = many
                S1: TierSettings.noSuchThing = 3
                """))).isInstanceOf(RuleCompilationException.class).satisfies(e -> {
            List<RuleProblem> problems = ((RuleCompilationException) e).errors();
            assertThat(problems).extracting(RuleProblem::line).containsExactly(1, 2);
            assertThat(problems.get(0).message()).contains("must be a whole number");
            assertThat(problems.get(1).message()).contains("no setting TierSettings.noSuchThing");
        });
    }

    @Test
    void settingAndRemovingAStoresValueChangesItsLineOnly() {
        String text = StoreOverrides.with(null, "S1", "TierSettings", "minVisitsForA", "3");
        assertThat(text).contains("S1: TierSettings.minVisitsForA = 3").startsWith("# ");
        text = StoreOverrides.with(text, "S2", "ChurnSettings", "lostAfterMonths", "18");
        text = StoreOverrides.with(text, "S1", "TierSettings", "minVisitsForA", "5");
        assertThat(text).contains("S1: TierSettings.minVisitsForA = 5").contains("S2: ChurnSettings.lostAfterMonths = 18")
                .doesNotContain("= 3");
        text = StoreOverrides.with(text, "S1", "TierSettings", "minVisitsForA", "");
        assertThat(text).doesNotContain("S1:").contains("S2: ChurnSettings.lostAfterMonths = 18");
    }
}
