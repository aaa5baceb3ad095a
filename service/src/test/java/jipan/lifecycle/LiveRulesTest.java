package jipan.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jipan.TestRequests;
import jipan.api.RuleOutcome;
import jipan.core.Classification;
import jipan.core.Classifier;
import jipan.core.CustomerFacts;
import jipan.core.RuleCompiler;
import jipan.core.RuleEvaluationException;
import jipan.core.RuleFiles;
import jipan.core.TableEdit;
import jipan.core.documents.ClassifyRequest;
import jipan.core.facts.Customer;
import jipan.core.facts.Tier;
import jipan.db.Database;
import jipan.db.TestDatabases;
import jipan.health.RulesHealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new rule set goes live whole or not at all, and never under a running request. */
class LiveRulesTest {
    private static final RuleFiles SHIPPED = RuleFiles.readDirectory(Path.of("../rules"));
    private final ClassifyRequest threeVisits = TestRequests.classifyRequest("three-customer-pay-visits.json");

    @TempDir
    Path rulesDirectory;
    /**
     * One in-memory store for the class: these tests are about the live rules, and each publisher only records into
     * it (a version stored by another test changes nothing here); migrating a store per test cost a second each.
     */
    private static Database store;

    @BeforeAll
    static void openStore() {
        store = TestDatabases.open("h2");
    }

    @AfterAll
    static void closeStore() {
        store.stop();
    }

    /** A publisher over the class's in-memory store, seen the way these tests use it. */
    private record Gate(RulePublisher publisher) {
        RuleOutcome propose(RuleFiles files) {
            return publisher.publish(RulePublisher.Change.ofFiles(files.files()), "analyst", null);
        }

        RuleOutcome validate(RuleFiles files) {
            return publisher.validate(files);
        }

        LiveRules live() {
            return publisher.live();
        }

        Classifier current() {
            return publisher.live().current();
        }

        jipan.api.RuleRefusal lastRefusal() {
            return publisher.live().lastRefusal();
        }

        jipan.api.RuleRefusal takenOutOfService() {
            return publisher.live().takenOutOfService();
        }
    }

    private Gate gate(Classifier initial, Path fixtures, int minCoveragePercent) {
        return gate(initial, fixtures, minCoveragePercent, rulesDirectory, store);
    }

    private static Gate gate(Classifier initial, Path fixtures, int minCoveragePercent, Path directory,
                             Database database) {
        return new Gate(new RulePublisher(new LiveRules(initial), new RuleVersions(database.jdbi(), TestRequests.JSON),
                directory, fixtures, minCoveragePercent, false));
    }

    private static Classifier classifier(RuleFiles files) {
        return new Classifier(new RuleCompiler().compile(files), 10_000);
    }

    private static RuleFiles withTierAFrom(int visits) {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("tiers.drl", files.get("tiers.drl").replace("minVisitsForA : int = 4", "minVisitsForA : int = " + visits));
        return new RuleFiles(files);
    }

    @Test
    void aRuleSetThatDoesNotCompileIsRefusedAndTheLiveOneStays() {
        Gate live = gate(classifier(SHIPPED), Path.of("../fixtures"), 100);
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("tiers.drl", files.get("tiers.drl").replace("customerPayVisits >= $a", "customerPayVisitz >= $a"));

        RuleOutcome outcome = live.propose(new RuleFiles(files));

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errors()).anyMatch(error -> error.startsWith("tiers.drl:"));
        assertThat(live.current().rulesetVersion()).isEqualTo(SHIPPED.version());
        assertThat(live.lastRefusal().reasons()).isEqualTo(outcome.errors());
    }

    @Test
    void aLiveRuleSetThatDoesNotSettleForACustomerIsTakenOutOfService() throws Exception {
        // the gate lets rules no fixture fires through here: the runaway rules meet no fixture customer
        Gate live = gate(jipan.ShippedRules.classifier(500), Path.of("../fixtures"), 90);
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("runaway.drl", Files.readString(Path.of("src/test/resources/rule-edits/runaway.drl")));
        RuleFiles runaway = new RuleFiles(files);
        assertThat(live.propose(runaway).accepted()).as("the fixtures do not meet the runaway customer").isTrue();
        ClassifyRequest request = TestRequests.classifyRequest("three-customer-pay-visits.json");
        CustomerFacts normal = request.customers().get(0);
        CustomerFacts looping = new CustomerFacts(new Customer("RUNAWAY", null, null, null, null, null, null, false,
                false), normal.vehicles(), normal.visits(), normal.leads(), normal.complaints(), normal.events(),
                normal.referrals(), normal.surveys());

        assertThatThrownBy(() -> live.current().classify(request.asOf(), looping))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("customer RUNAWAY: the rules fired").hasMessageContaining("times without settling (limit 500)")
                .hasMessageContaining("'Runaway: the next tick'");

        assertThat(live.current().rulesetVersion()).as("the earlier rule set is back").isEqualTo(SHIPPED.version());
        assertThat(live.takenOutOfService().candidateVersion()).isEqualTo(runaway.version());
        assertThat(live.takenOutOfService().reasons()).anyMatch(reason -> reason.contains("Runaway: the next tick"));
        assertThat(live.current().classify(request.asOf(), normal).tier()).isEqualTo(Tier.B);
        assertThat(new RulesHealthCheck(live.live()).execute().isHealthy()).as("red until a new rule set goes live").isFalse();
        RuleOutcome again = live.propose(runaway);
        assertThat(again.accepted()).isFalse();
        assertThat(again.errors()).singleElement().asString().contains("was taken out of service");
        assertThat(live.propose(withTierAFrom(5)).accepted()).isFalse(); // the fixtures still guard
        assertThat(new RulesHealthCheck(live.live()).execute().isHealthy()).isFalse();
    }

    @Test
    void aRuleSetThatFailsTheFixturesIsRefusedNamingThem() {
        Gate live = gate(classifier(SHIPPED), Path.of("../fixtures"), 100);

        RuleOutcome outcome = live.propose(withTierAFrom(3));

        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.errors()).anyMatch(error -> error.startsWith("fixture tiers/customer-pay-visit-counts.yml fails: "
                + "THREE.tier: expected \"B\", got \"A\""));
        assertThat(live.current().rulesetVersion()).isEqualTo(SHIPPED.version());
    }

    @Test
    void aCandidateWithRulesNoFixtureFiresIsRefusedNamingThemUnlessTheSettingAllowsLess() throws Exception {
        Map<String, String> files = new HashMap<>(SHIPPED.files());
        files.put("runaway.drl", Files.readString(Path.of("src/test/resources/rule-edits/runaway.drl")));
        RuleFiles untested = new RuleFiles(files);
        Gate full = gate(classifier(SHIPPED), Path.of("../fixtures"), 100);

        RuleOutcome refused = full.propose(untested);

        assertThat(refused.accepted()).isFalse();
        assertThat(refused.errors()).singleElement().asString()
                .startsWith("rule coverage ").contains("is below the 100 % the gate requires (rules.minCoveragePercent)")
                .contains("no fixture fired: \"Runaway: ").doesNotContain("\"Tier A:");
        assertThat(full.current().rulesetVersion()).isEqualTo(SHIPPED.version());
        Map<String, String> noted = new HashMap<>(SHIPPED.files());
        noted.put("tiers.drl", noted.get("tiers.drl") + "\n// a note\n");
        assertThat(full.propose(new RuleFiles(noted)).accepted()).as("the shipped rules: every one fired").isTrue();

        Gate lower = gate(classifier(SHIPPED), Path.of("../fixtures"), 90);
        assertThat(lower.propose(untested).accepted()).isTrue();
        assertThat(RulePublisher.gate(new jipan.core.scenarios.FixtureReport(List.of(), 10,
                new java.util.TreeSet<>(List.of("a"))), 90)).as("9 of 10 is 90 %").isEmpty();
        assertThat(RulePublisher.gate(new jipan.core.scenarios.FixtureReport(List.of(), 10,
                new java.util.TreeSet<>(List.of("a", "b"))), 90)).singleElement().asString()
                .startsWith("rule coverage 8 of 10 rules (80 %)").contains("no fixture fired: \"a\", \"b\"");
    }

    @Test
    void anEditInTheWatchedDirectoryGoesLiveWithinSeconds(@TempDir Path directory) throws Exception {
        for (String name : SHIPPED.files().keySet()) {
            Files.write(directory.resolve(name), SHIPPED.bytesOf(name));
        }
        Gate live = gate(classifier(SHIPPED), null, 100, directory, store);
        RulesDirectoryWatcher watcher = new RulesDirectoryWatcher(live.publisher(), directory);
        watcher.start();
        try {
            Files.writeString(directory.resolve("tiers.drl"), withTierAFrom(3).files().get("tiers.drl"));
            for (int i = 0; i < 100 && live.current().rulesetVersion().equals(SHIPPED.version()); i++) {
                Thread.sleep(100);
            }
            assertThat(live.current().rulesetVersion()).isEqualTo(withTierAFrom(3).version());

            // a decision table saved from Excel goes live the same way
            String before = live.current().rulesetVersion();
            Files.write(directory.resolve("loyalty.drl.xlsx"), TableEdit.shipped("loyalty.drl.xlsx")
                    .set("Levels!B10", "7").set("Levels!C11", "7").bytes());
            for (int i = 0; i < 100 && live.current().rulesetVersion().equals(before); i++) {
                Thread.sleep(100);
            }
            assertThat(live.current().rulesetVersion()).isNotEqualTo(before);
            assertThat(live.current().rules().files().files().get("loyalty.drl.xlsx"))
                    .isEqualTo(RuleFiles.readDirectory(directory).files().get("loyalty.drl.xlsx"));
        } finally {
            watcher.stop();
        }
    }

    @Test
    void validatingTouchesNothing() {
        Gate live = gate(classifier(SHIPPED), null, 100);

        RuleOutcome outcome = live.validate(withTierAFrom(3));

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.version()).isEqualTo(withTierAFrom(3).version());
        assertThat(live.current().rulesetVersion()).isEqualTo(SHIPPED.version());
    }

    @Test
    void requestsDuringSwapsEachRunEntirelyOnOneRuleSet() throws Exception {
        RuleFiles aFrom3 = withTierAFrom(3);
        Gate live = gate(classifier(SHIPPED), null, 100);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean swapping = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        try {
            List<Future<List<String>>> requests = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                requests.add(pool.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    while (swapping.get()) {
                        Classifier classifier = live.current();
                        Classification result = classifier.classify(threeVisits.asOf(), threeVisits.customers().get(0));
                        answers.add(classifier.rulesetVersion() + " " + result.tier());
                        answered.incrementAndGet();
                    }
                    return answers;
                }));
            }
            for (int swap = 0; swap < 6; swap++) {
                assertThat(live.propose(swap % 2 == 0 ? aFrom3 : SHIPPED).accepted()).isTrue();
                // requests answered on each rule set (a compiled rule set is kept: the swap itself is quick)
                int before = answered.get();
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (answered.get() < before + 50 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
            swapping.set(false);
            List<String> all = new ArrayList<>();
            for (Future<List<String>> request : requests) {
                all.addAll(request.get());
            }
            // three customer-pay visits: B under the shipped rules, A when A starts at 3 — never a mix
            assertThat(all).allMatch(answer -> answer.equals(SHIPPED.version() + " " + Tier.B)
                    || answer.equals(aFrom3.version() + " " + Tier.A));
            assertThat(all).contains(SHIPPED.version() + " " + Tier.B, aFrom3.version() + " " + Tier.A);
        } finally {
            pool.shutdown();
        }
    }
}
