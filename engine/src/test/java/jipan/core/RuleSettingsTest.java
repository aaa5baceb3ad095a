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
            assertThat(s.comment()).isEqualTo("Tier A from this many customer-pay visits in the service window.");
            assertThat(s.comment(Lang.ZH)).isEqualTo("服务窗口内自费回厂达到这么多次为 A 类。");
        });
        // every shipped setting is explained on its own, in both languages (issue 26)
        assertThat(settings).allSatisfy(s -> {
            assertThat(s.comment()).as(s.name()).isNotBlank().doesNotContainPattern("\\p{IsHan}");
            assertThat(s.commentZh()).as(s.name()).isNotBlank().containsPattern("\\p{IsHan}");
        });
        assertThat(settings).extracting(RuleSettings.Setting::comment).doesNotHaveDuplicates();
        assertThat(settings).extracting(RuleSettings.Setting::commentZh).doesNotHaveDuplicates();
    }

    @Test
    void aCommentAboveSeveralSettingsOrAtTheEndOfTheLineStillExplainsThem() {
        String drl = """
                declare OldSettings
                    // a group comment
                    first : int = 1
                    second : int = 2    // its own
                    // en: in English
                    // zh: 中文说明
                    third : int = 3
                    fourth : int = 4
                end
                """;
        assertThat(RuleSettings.read("old.drl", drl)).extracting(RuleSettings.Setting::name,
                        RuleSettings.Setting::comment, RuleSettings.Setting::commentZh)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", "a group comment", null),
                        org.assertj.core.groups.Tuple.tuple("second", "its own", null),
                        org.assertj.core.groups.Tuple.tuple("third", "in English", "中文说明"),
                        org.assertj.core.groups.Tuple.tuple("fourth", "a group comment", null));
        assertThat(RuleSettings.read("old.drl", drl).get(0).comment(Lang.ZH)).isEqualTo("a group comment");
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
