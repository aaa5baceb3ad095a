package jipan.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The kept compilations: the same files compile once, other files (by a single byte) compile anew. */
class CompileCacheTest {
    private static final String GOOD = "package jipan.rules;\nimport jipan.core.facts.AsOf;\nrule \"fine\" when AsOf() then end\n";
    private final AtomicInteger compiled = new AtomicInteger();
    private final Function<RuleFiles, CompiledRules> compiler = files -> {
        compiled.incrementAndGet();
        return new RuleCompiler().compile(files);
    };

    @Test
    void theSameFilesCompileOnceAndGiveTheSameRuleBase() {
        CompileCache cache = new CompileCache(2);
        CompiledRules first = cache.compile(new RuleFiles(Map.of("a.drl", GOOD)), compiler);
        CompiledRules again = cache.compile(new RuleFiles(Map.of("a.drl", GOOD)), compiler);

        assertThat(compiled).hasValue(1);
        assertThat(again.kieBase()).isSameAs(first.kieBase());
        assertThat(again.version()).isEqualTo(first.version());

        cache.compile(new RuleFiles(Map.of("a.drl", GOOD + " ")), compiler);
        cache.compile(new RuleFiles(Map.of("b.drl", GOOD)), compiler);
        assertThat(compiled).as("another text, another name: compiled").hasValue(3);
    }

    @Test
    void aRefusalIsKeptWithEveryProblem() {
        CompileCache cache = new CompileCache(2);
        RuleFiles broken = new RuleFiles(Map.of("broken.drl", "package jipan.rules;\n\nrule \"typo\"\nwhen\n"
                + "    NoSuchFact( x > 1 )\nthen\nend\n"));
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.compile(broken, compiler)).isInstanceOf(RuleCompilationException.class)
                    .hasMessageContaining("broken.drl:5:");
        }
        assertThat(compiled).hasValue(1);
    }

    @Test
    void onlyTheLastFewAreKept() {
        CompileCache cache = new CompileCache(1);
        RuleFiles a = new RuleFiles(Map.of("a.drl", GOOD));
        RuleFiles b = new RuleFiles(Map.of("b.drl", GOOD));
        cache.compile(a, compiler);
        cache.compile(b, compiler);
        cache.compile(a, compiler);
        assertThat(compiled).as("a was dropped when b came").hasValue(3);
    }

    @Test
    void aFailureThatIsNoRefusalIsNotKept() {
        CompileCache cache = new CompileCache(2);
        RuleFiles files = new RuleFiles(Map.of("a.drl", GOOD));
        assertThatThrownBy(() -> cache.compile(files, f -> {
            compiled.incrementAndGet();
            throw new IllegalStateException("the compiler crashed");
        })).hasMessage("the compiler crashed");
        assertThat(cache.compile(files, compiler).ruleNames()).containsExactly("fine");
        assertThat(compiled).hasValue(2);
    }
}
