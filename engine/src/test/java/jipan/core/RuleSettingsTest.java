package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The thresholds of the shipped rule files, and changing one without touching anything else. */
class RuleSettingsTest {
    private final RuleFiles shipped = RuleFiles.readDirectory(Path.of("../rules"));

    @Test
    void everySettingOfTheShippedRulesIsReadWithItsComment() {
        List<RuleSettings.Setting> settings = RuleSettings.read(shipped);
        assertThat(settings).extracting(RuleSettings.Setting::type).contains("TierSettings", "ChurnSettings",
                "LoyaltySettings", "GradeSettings", "LifecycleSettings", "LeadSettings", "WindowSettings");
        assertThat(settings).filteredOn(s -> s.name().equals("minVisitsForA")).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("tiers.drl");
            assertThat(s.value()).isEqualTo("4");
            assertThat(s.valueType()).isEqualTo("int");
            assertThat(s.comment()).isEqualTo("The fewest customer-pay visits in the window for each tier.");
        });
        // a trailing comment explains its own line; a comment line explains the group below it
        assertThat(settings).filteredOn(s -> s.name().equals("potentialFromLoyalty")).singleElement()
                .extracting(RuleSettings.Setting::comment).isEqualTo("tier B or C is POTENTIAL from this loyalty score");
        assertThat(settings).filteredOn(s -> s.name().equals("repairedHerePoints")).singleElement()
                .extracting(RuleSettings.Setting::comment).isEqualTo("regular maintenance: 3 points");
        assertThat(settings).filteredOn(s -> s.name().equals("stalledAfterDays")).singleElement()
                .extracting(RuleSettings.Setting::comment).asString().startsWith("an OPEN lead whose last follow-up");
        assertThat(settings).allSatisfy(s -> assertThat(s.comment()).as(s.name()).isNotBlank());
    }

    @Test
    void aChangeReplacesTheValueOnItsLineOnlyAndTheResultCompiles() {
        SortedMap<String, String> changed = RuleSettings.apply(shipped,
                List.of(new RuleSettings.Change("tiers.drl", "TierSettings", "minVisitsForA", "3")));
        assertThat(changed).containsOnlyKeys("tiers.drl");
        String before = shipped.files().get("tiers.drl");
        String after = changed.get("tiers.drl");
        assertThat(after).contains("    minVisitsForA : int = 3\n");
        assertThat(after.replace("minVisitsForA : int = 3", "minVisitsForA : int = 4")).isEqualTo(before);
        CompiledRules compiled = new RuleCompiler().compile(shipped.withChanges(changed, List.of()));
        assertThat(RuleSettings.values(compiled.files())).containsEntry("TierSettings.minVisitsForA", "3");
    }

    @Test
    void badChangesAreRefusedEachByName() {
        assertThatThrownBy(() -> RuleSettings.apply(shipped, List.of(
                new RuleSettings.Change("tiers.drl", "TierSettings", "minVisitsForA", "3.5"),
                new RuleSettings.Change("tiers.drl", "TierSettings", "nope", "1"),
                new RuleSettings.Change("churn.drl", "ChurnSettings", "activeWithinMonths", "6); System.exit(1"))))
                .hasMessage("tiers.drl:TierSettings.minVisitsForA: must be a whole number (got '3.5'); "
                        + "tiers.drl:TierSettings.nope: no such setting; "
                        + "churn.drl:ChurnSettings.activeWithinMonths: must be a whole number (got '6); System.exit(1')");
    }
}
