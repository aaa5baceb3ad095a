package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {
    private final RuleCompiler compiler = new RuleCompiler();

    @Test
    void compilesTheShippedRules() {
        CompiledRules rules = compiler.compile(RuleFiles.readDirectory(Path.of("../rules")));

        assertThat(rules.ruleNames()).contains("Tier A: frequent customer-pay visitor", "Lost: no visit in the window");
        assertThat(rules.version()).matches("sha256:[0-9a-f]{12}");
    }

    @Test
    void reportsEveryErrorWithFileLineAndColumn() {
        RuleFiles broken = new RuleFiles(Map.of(
                "good.drl", "package jipan.rules;\nimport jipan.core.facts.AsOf;\nrule \"fine\" when AsOf() then end\n",
                "broken.drl", "package jipan.rules;\n\nrule \"typo\"\nwhen\n    NoSuchFact( x > 1 )\nthen\nend\n"));

        assertThatThrownBy(() -> compiler.compile(broken))
                .isInstanceOf(RuleCompilationException.class)
                .satisfies(e -> assertThat(((RuleCompilationException) e).errors())
                        .anySatisfy(problem -> {
                            assertThat(problem.file()).isEqualTo("broken.drl");
                            assertThat(problem.line()).isEqualTo(5);
                        }))
                .hasMessageContaining("broken.drl:5:");
    }

    @Test
    void aRuleThatLeavesTheSandboxIsRefusedWithFileAndLine() throws Exception {
        RuleFiles escaping = new RuleFiles(Map.of("escaping.drl",
                Files.readString(Path.of("src/test/resources/rule-edits/escaping.drl"))));

        assertThatThrownBy(() -> compiler.compile(escaping))
                .isInstanceOf(RuleCompilationException.class)
                .satisfies(e -> assertThat(((RuleCompilationException) e).errors())
                        .extracting(RuleProblem::toString)
                        .anyMatch(p -> p.startsWith("escaping.drl:11:12 in rule 'Escape: stop the service': rules may "
                                + "not reach the system"))
                        .anyMatch(p -> p.startsWith("escaping.drl:18:") && p.contains("rules may not open or write files"))
                        .anyMatch(p -> p.startsWith("escaping.drl:25:") && p.contains("reflection or load classes"))
                        // a comment that mentions System is not code
                        .noneMatch(p -> p.startsWith("escaping.drl:6:")));
    }

    @Test
    void aTypeErrorTheCompilerThrowsOnIsPutAtItsRule() {
        RuleFiles files = new RuleFiles(Map.of("types.drl", "package jipan.rules;\n\nimport jipan.core.facts.VisitStats;\n\n"
                + "rule \"fine\"\nwhen\n    VisitStats( customerPayVisits > 1 )\nthen\nend\n\n"
                + "rule \"text for a number\"\nwhen\n    VisitStats( customerPayVisits == \"x\" )\nthen\nend\n\n"
                + "rule \"number for a date\"\nwhen\n    VisitStats( lastVisit == 42 )\nthen\nend\n"));

        assertThatThrownBy(() -> compiler.compile(files))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("types.drl:11:1 in rule 'text for a number'");
    }

    @Test
    void aDateComparedWithANumberIsRefusedAtItsRule() {
        RuleFiles files = new RuleFiles(Map.of("types.drl", "package jipan.rules;\n\nimport jipan.core.facts.VisitStats;\n\n"
                + "rule \"fine\"\nwhen\n    VisitStats( customerPayVisits > 1 )\nthen\nend\n\n"
                + "rule \"number for a date\"\nwhen\n    VisitStats( lastVisit == 42 )\nthen\nend\n"));

        assertThatThrownBy(() -> compiler.compile(files))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("types.drl:11:1 in rule 'number for a date': Equality operation requires "
                        + "compatible types");
    }

    @Test
    void chinesePunctuationInACommentOrASentenceIsNotBlamedForAnErrorBelowIt() {
        SortedMap<String, String> files = new TreeMap<>(RuleFiles.readDirectory(Path.of("../rules")).files());
        String broken = files.get("tiers.drl").replace("    minVisitsForA : int = 4", "    minVisitsForA : int = = 4");
        files.put("tiers.drl", broken);
        assertThatThrownBy(() -> compiler.compile(new RuleFiles(files)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(problem -> {
                            // the line above is "// zh: 服务窗口内…。": its full stop is a comment's, not the error
                            assertThat(problem.line()).isEqualTo(broken.lines().toList()
                                    .indexOf("    minVisitsForA : int = = 4") + 1);
                            assertThat(problem.message()).doesNotContain("full-width");
                        }));
    }

    @Test
    void aFullWidthSemicolonIsNamedInItsFileAlone() throws Exception {
        SortedMap<String, String> files = new TreeMap<>(RuleFiles.readDirectory(Path.of("../rules")).files());
        files.put("tiers.drl", files.get("tiers.drl").replaceFirst("insert\\( new TierSettings\\(\\) \\);",
                "insert( new TierSettings() )；"));

        assertThatThrownBy(() -> compiler.compile(new RuleFiles(files)))
                .isInstanceOf(RuleCompilationException.class)
                .satisfies(e -> assertThat(((RuleCompilationException) e).errors())
                        .singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.file()).isEqualTo("tiers.drl");
                            assertThat(problem.line()).isEqualTo(files.get("tiers.drl").lines().toList()
                                    .indexOf("    insert( new TierSettings() )；") + 1);
                            assertThat(problem.column()).isEqualTo(33);
                            assertThat(problem.message()).contains("'；' (U+FF1B)").contains("';'");
                        }));
    }

    @Test
    void aCompileErrorInAConsequenceIsPutAtItsRuleAndLine() {
        RuleFiles files = new RuleFiles(Map.of("typo.drl", "package jipan.rules;\n\nimport jipan.core.facts.AsOf;\n\n"
                + "rule \"fine\"\nwhen\n    AsOf()\nthen\n    insert( \"ok\" );\nend\n\n"
                + "rule \"typo\"\nwhen\n    AsOf()\nthen\n    insert( new NoSuchSettings() );\nend\n"));

        assertThatThrownBy(() -> compiler.compile(files))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("typo.drl:16:17 in rule 'typo': NoSuchSettings cannot be resolved to a type");
    }

    @Test
    void fileNamesAreChecked() {
        assertThatThrownBy(() -> compiler.compile(new RuleFiles(Map.of("../kmodule.xml.drl", "package jipan.rules;"))))
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("a rule file name is letters, digits");
    }

    @Test
    void theVersionNamesTheContent() {
        RuleFiles one = new RuleFiles(Map.of("a.drl", "package p;"));
        RuleFiles same = new RuleFiles(Map.of("a.drl", "package p;"));
        RuleFiles edited = new RuleFiles(Map.of("a.drl", "package p; "));

        assertThat(one.version()).isEqualTo(same.version()).isNotEqualTo(edited.version());
    }
}
