package jipan.lifecycle;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jipan.TestRequests;
import jipan.api.RuleActivation;
import jipan.api.RuleOutcome;
import jipan.core.Classifier;
import jipan.core.HostileCorpus;
import jipan.core.RuleCompiler;
import jipan.core.RuleFiles;
import jipan.core.scenarios.FixtureFiles;
import jipan.db.Database;
import jipan.db.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Two instances sharing one database: a version published on one goes live on the other. */
class RuleVersionsTest {
    private static final RuleFiles SHIPPED = RuleFiles.readDirectory(Path.of("../rules"));

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void anotherInstanceTakesUpThePublishedVersion(String kind, @TempDir Path directory) throws Exception {
        TestDatabases.with(kind, database -> {
            RuleVersions versions = new RuleVersions(database.jdbi(), TestRequests.JSON);
            Classifier shipped = jipan.ShippedRules.classifier(10_000);
            RulePublisher first = new RulePublisher(new LiveRules(shipped), versions, directory, null, 100, false);
            RulePublisher second = new RulePublisher(new LiveRules(shipped), versions, directory, null, 100, false);
            versions.record(SHIPPED, null, "startup", null, RulePublisher.How.START, null);
            Map<String, String> edited = new HashMap<>(SHIPPED.files());
            edited.put("tiers.drl", edited.get("tiers.drl") + "\n// checked\n");

            RuleOutcome published = first.publish(RulePublisher.Change.ofFiles(edited), "analyst", "checked");

            assertThat(published.accepted()).isTrue();
            assertThat(Files.readString(directory.resolve("tiers.drl"))).endsWith("// checked\n");
            assertThat(versions.list()).hasSize(2).first().satisfies(latest -> {
                assertThat(latest.active()).isTrue();
                assertThat(latest.author()).isEqualTo("analyst");
                assertThat(latest.comment()).isEqualTo("checked");
            });
            assertThat(second.live().current().rulesetVersion()).isEqualTo(SHIPPED.version());

            assertThat(second.follow()).hasValueSatisfying(o -> assertThat(o.accepted()).isTrue());

            assertThat(second.live().current().rulesetVersion()).isEqualTo(new RuleFiles(edited).version());
            assertThat(second.follow()).isEmpty();
            // taking a version up writes nothing: a follower that recorded it could make it active again over a
            // version another instance published in the meantime
            assertThat(versions.activations(10)).extracting(RuleActivation::how).containsExactly("publish", "start");

            Map<String, String> again = new HashMap<>(edited);
            again.put("tiers.drl", edited.get("tiers.drl") + "// again\n");
            // an instance that read the active version (edited) before another published: taking it up records nothing
            RulePublisher slow = new RulePublisher(new LiveRules(shipped), versions, directory, null, 100, false);
            RuleVersions.ActiveVersion read = versions.activeVersion().orElseThrow();
            first.publish(RulePublisher.Change.ofFiles(again), "analyst", "again");
            slow.takeUp(new RulePublisher.Candidate(read.files(), read.fixtures()), read.author(), read.comment());
            assertThat(versions.activeFiles().orElseThrow().version()).as("the later publish stays active")
                    .isEqualTo(new RuleFiles(again).version());
        });
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aStoredVersionWithHostileRulesIsRefusedOnRollbackAndOnFollowingTheActiveOne(String kind,
                                                                                     @TempDir Path directory)
            throws Exception {
        HostileCorpus.remember();
        TestDatabases.with(kind, database -> {
            RuleVersions versions = new RuleVersions(database.jdbi(), TestRequests.JSON);
            RulePublisher live = new RulePublisher(new LiveRules(jipan.ShippedRules.classifier(10_000)), versions,
                    directory, null, 100, false);
            versions.record(SHIPPED, null, "startup", null, RulePublisher.How.START, null);
            Map<String, String> hostile = new HashMap<>(SHIPPED.files());
            Path file = HostileCorpus.DIRECTORY.resolve("01-file-create.drl");
            hostile.put("01-file-create.drl", Files.readString(file));
            // as if stored by an older release whose checks it passed, or written into the table by hand
            versions.record(new RuleFiles(hostile), null, "mallory", "stored before verification", RulePublisher.How.START,
                    null);
            long hostileSeq = versions.list().get(0).seq();
            long shippedSeq = versions.list().get(1).seq();

            assertThat(live.follow()).hasValueSatisfying(outcome -> {
                assertThat(outcome.accepted()).isFalse();
                assertThat(outcome.errors()).anyMatch(e -> e.startsWith("01-file-create.drl:10:"));
            });
            RuleOutcome rollback = live.rollback(hostileSeq, "ops", null, false);

            assertThat(rollback.accepted()).isFalse();
            assertThat(live.live().current().rulesetVersion()).isEqualTo(SHIPPED.version());
            assertThat(directory.resolve("01-file-create.drl")).doesNotExist();
            assertThat(live.rollback(shippedSeq, "ops", null, false).accepted()).isTrue();
        });
        HostileCorpus.assertNothingRan();
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aRulesDirectoryThatCannotBeWrittenRefusesThePublicationAndTheLiveRulesStay(String kind,
                                                                                   @TempDir Path temp)
            throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("rules"), "a file where the rules directory should be");
        TestDatabases.with(kind, database -> {
            RuleVersions versions = new RuleVersions(database.jdbi(), TestRequests.JSON);
            RulePublisher live = new RulePublisher(new LiveRules(jipan.ShippedRules.classifier(10_000)), versions,
                    notADirectory, null, 100, false);
            versions.record(SHIPPED, null, "startup", null, RulePublisher.How.START, null);

            RuleOutcome outcome = live.publish(RulePublisher.Change.ofFiles(Map.of("tiers.drl",
                    SHIPPED.files().get("tiers.drl") + "\n// x\n")), "analyst", "edit");

            assertThat(outcome.accepted()).isFalse();
            assertThat(outcome.errors()).singleElement().asString()
                    .contains("could not be recorded: cannot write the rules directory")
                    .contains("the live rules are unchanged");
            assertThat(live.live().current().rulesetVersion()).isEqualTo(SHIPPED.version());
            assertThat(versions.list()).hasSize(1);
        });
    }

    @org.junit.jupiter.api.Test
    void aDiffShowsAChangedLineEvenWhenItsNewTextStandsElsewhere() {
        List<String> before = List.of("A:", "  grade: PREMIUM", "B:", "  grade: POTENTIAL", "C:", "  grade: GENERAL");
        List<String> after = List.of("A:", "  grade: PREMIUM", "B:", "  grade: PREMIUM", "C:", "  grade: GENERAL");

        assertThat(RuleVersions.changedLines(before, after))
                .containsExactly("- " + "  grade: POTENTIAL", "+ " + "  grade: PREMIUM");
        assertThat(RuleVersions.changedLines(List.of("a", "b", "c"), List.of("b", "c", "d"))).containsExactly("- a", "+ d");
        assertThat(RuleVersions.changedLines(List.of("x"), List.of("x"))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aChangeKeepsTheOtherFilesAndWritesTheDirectoryWhole(@TempDir Path directory) throws Exception {
        RuleFiles edited = SHIPPED.withChanges(Map.of("tiers.drl", SHIPPED.files().get("tiers.drl") + "\n// x\n"),
                List.of("defeat.drl"));
        Files.writeString(directory.resolve("defeat.drl"), "old");
        Files.writeString(directory.resolve("notes.txt"), "kept");

        RuleVersions.writeDirectory(directory, edited);

        assertThat(edited.files().keySet()).containsAll(SHIPPED.files().keySet().stream()
                .filter(name -> !name.equals("defeat.drl")).toList()).doesNotContain("defeat.drl");
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(edited.files().keySet().stream(),
                            Stream.of("notes.txt")).toList());
        }
        assertThat(Files.readString(directory.resolve("tiers.drl"))).endsWith("// x\n");
    }

    @ParameterizedTest
    @MethodSource("jipan.db.TestDatabases#kinds")
    void aRollbackIsGatedWithTheVersionsOwnFixturesAndEveryActivationIsLogged(String kind, @TempDir Path rules)
            throws Exception {
        Path fixtures = jipan.ShippedRules.copyFixtures();
        TestDatabases.with(kind, database -> {
            RuleVersions versions = new RuleVersions(database.jdbi(), TestRequests.JSON);
            RulePublisher live = new RulePublisher(new LiveRules(jipan.ShippedRules.classifier(10_000)), versions,
                    rules, fixtures, 100, false);
            versions.record(SHIPPED, FixtureFiles.readDirectory(fixtures), "startup", null, RulePublisher.How.START,
                    null);
            long first = versions.list().get(0).seq();
            RuleFiles tierAFrom3 = SHIPPED.withChanges(Map.of("tiers.drl", SHIPPED.files().get("tiers.drl")
                    .replace("minVisitsForA : int = 4", "minVisitsForA : int = 3")), List.of());
            String visitCounts = Files.readString(fixtures.resolve("tiers/customer-pay-visit-counts.yml"));
            FixtureFiles expectingA = FixtureFiles.readDirectory(fixtures).withChanges(
                    Map.of("tiers/customer-pay-visit-counts.yml", visitCounts.replace("THREE: {tier: B", "THREE: {tier: A")),
                    List.of());

            assertThat(live.publish(RulePublisher.Change.ofFiles(tierAFrom3.files()), "analyst", "A from 3").accepted())
                    .as("the old fixtures refuse the change").isFalse();
            RuleOutcome published = live.publish(new RulePublisher.Change(tierAFrom3.files(), List.of(),
                    expectingA.files(), null), "analyst", "A from 3, fixtures updated in the same request");
            assertThat(published.accepted()).as(String.valueOf(published.errors())).isTrue();
            assertThat(Files.readString(fixtures.resolve("tiers/customer-pay-visit-counts.yml"))).contains("THREE: {tier: A");

            // the incident: back to the first version, whose own fixtures still expect B — no hand-editing
            RuleOutcome rollback = live.rollback(first, "on-call", null, false);

            assertThat(rollback.accepted()).as(String.valueOf(rollback.errors())).isTrue();
            assertThat(live.live().current().rulesetVersion()).isEqualTo(SHIPPED.version());
            assertThat(Files.readString(fixtures.resolve("tiers/customer-pay-visit-counts.yml"))).contains("THREE: {tier: B");
            assertThat(versions.activations(10)).extracting(RuleActivation::how)
                    .containsExactly("rollback", "publish", "start");
            assertThat(versions.activations(10).get(0)).satisfies(activation -> {
                assertThat(activation.author()).isEqualTo("on-call");
                assertThat(activation.from()).isEqualTo(tierAFrom3.version());
                assertThat(activation.hash()).isEqualTo(SHIPPED.version());
            });
        });
    }
}
