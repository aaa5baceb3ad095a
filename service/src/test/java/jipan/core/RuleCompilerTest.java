package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
                        .anyMatch(p -> p.startsWith("escaping.drl:3:8 sandbox: import of java.io.File is not allowed"))
                        .anyMatch(p -> p.startsWith("escaping.drl:11:5 sandbox: rules may not use System"))
                        .anyMatch(p -> p.startsWith("escaping.drl:18:") && p.contains("files and network"))
                        .anyMatch(p -> p.startsWith("escaping.drl:25:") && p.contains("class loading"))
                        .noneMatch(p -> p.startsWith("escaping.drl:6:")));
    }

    @Test
    void theVersionNamesTheContent() {
        RuleFiles one = new RuleFiles(Map.of("a.drl", "package p;"));
        RuleFiles same = new RuleFiles(Map.of("a.drl", "package p;"));
        RuleFiles edited = new RuleFiles(Map.of("a.drl", "package p; "));

        assertThat(one.version()).isEqualTo(same.version()).isNotEqualTo(edited.version());
    }
}
