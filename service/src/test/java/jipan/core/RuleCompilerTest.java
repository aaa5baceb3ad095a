package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theVersionNamesTheContent() {
        RuleFiles one = new RuleFiles(Map.of("a.drl", "package p;"));
        RuleFiles same = new RuleFiles(Map.of("a.drl", "package p;"));
        RuleFiles edited = new RuleFiles(Map.of("a.drl", "package p; "));

        assertThat(one.version()).isEqualTo(same.version()).isNotEqualTo(edited.version());
    }
}
